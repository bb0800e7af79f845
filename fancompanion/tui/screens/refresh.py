"""The refresh dialog (``r``): fetch in a thread, show which show or feed and how far, ``esc``
cancels.

The fetch runs in a thread worker so the app stays responsive; progress arrives through the
fetcher's callback and is handed to the UI thread. ``esc`` sets the fetcher's cancel event: the
item in flight finishes, nothing after it starts, and what was fetched stays saved. The screen
dismisses with the :class:`~fancompanion.fetch.progress.Summary` for the app to announce.
"""

from __future__ import annotations

import threading
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, ProgressBar
from textual.worker import Worker, WorkerState

from fancompanion.core.library import Library
from fancompanion.fetch.progress import Step, Summary
from fancompanion.tui.keys import bindings
from fancompanion.tui.safe import content

STAGES = {"shows": "Shows", "news": "News feeds"}


class RefreshScreen(ModalScreen[Summary]):
    DEFAULT_CSS = """
    RefreshScreen { align: center middle; }
    RefreshScreen > #refresh {
        width: 64; height: auto; padding: 1 2;
        border: round $accent; background: $surface;
    }
    RefreshScreen #refresh-stage { text-style: bold; }
    RefreshScreen #refresh-item { color: $text-muted; }
    RefreshScreen ProgressBar { margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = bindings("screen.back")

    def __init__(self, library: Library, *, shows: bool = True, news: bool = True) -> None:
        super().__init__()
        self.library = library
        self.shows = shows
        self.news = news
        self.cancel = threading.Event()

    def compose(self) -> ComposeResult:
        with Vertical(id="refresh") as box:
            box.border_title = "Refresh"
            box.border_subtitle = "esc cancels"
            yield Label(Content("Starting…"), id="refresh-stage")
            yield Label(Content(""), id="refresh-item", markup=False)
            yield ProgressBar(total=None, show_eta=False, id="refresh-bar")

    def on_mount(self) -> None:
        self.run_refresh()

    @work(thread=True, exclusive=True, group="refresh", description="Refresh")
    def run_refresh(self) -> Summary:
        from fancompanion.fetch.refresh import run

        return run(
            self.library.store,
            shows=self.shows,
            news=self.news,
            progress=self._report,
            cancel=self.cancel,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Dismiss once the worker has finished (dismissing from inside it would cancel it)."""
        if event.worker.group != "refresh":
            return
        if event.state is WorkerState.SUCCESS and isinstance(event.worker.result, Summary):
            self.dismiss(event.worker.result)
        elif event.state is WorkerState.ERROR:
            self.dismiss(Summary(errors=[f"refresh failed: {event.worker.error}"]))

    def _report(self, step: Step) -> None:
        if not self.cancel.is_set():
            self.app.call_from_thread(self.show_step, step)

    def show_step(self, step: Step) -> None:
        """Show a progress report (UI thread)."""
        stage = STAGES.get(step.stage, step.stage)
        shown = min(step.done + 1, step.total)
        self.query_one("#refresh-stage", Label).update(Content(f"{stage}: {shown} of {step.total}"))
        self.query_one("#refresh-item", Label).update(content(step.label))
        self.query_one("#refresh-bar", ProgressBar).update(total=step.total, progress=step.done)

    def on_unmount(self) -> None:
        """The app is closing under a running refresh: let the thread stop at the next item."""
        self.cancel.set()

    def action_back(self) -> None:
        """Cancel: the item in flight finishes, then the worker stops and dismisses."""
        self.cancel.set()
        self.query_one("#refresh-stage", Label).update(Content("Cancelling…"))
