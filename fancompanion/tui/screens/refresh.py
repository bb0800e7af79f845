"""The refresh dialog (``r``): fetch in a thread, show which show or feed and how far, ``esc``
cancels.

The fetch runs in a thread worker so the app stays responsive; progress arrives through the
fetcher's callback as messages (each replacing the last not yet shown). ``esc`` sets the
fetcher's cancel event and closes the dialog at once: the item in flight finishes in the
background, nothing after it starts, and what was fetched stays saved (the app notices the
store changed). The screen dismisses with the :class:`~fancompanion.fetch.progress.RefreshReport`
for the app to announce.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen
from textual.widgets import Label, ProgressBar

from fancompanion.core.library import Library
from fancompanion.fetch.progress import RefreshReport, Step
from fancompanion.tui.keys import bindings
from fancompanion.tui.safe import content, line
from fancompanion.tui.workers import WorkFailed, run_in_thread


@dataclass
class Progressed(Message):
    """A progress report; a newer one replaces it if the screen has not drawn it yet."""

    step: Step

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, Progressed)


@dataclass
class Finished(Message):
    summary: RefreshReport


STAGES = {"shows": "Shows", "news": "News feeds"}
# One line at 80 columns: what failed, that nothing was lost, what to do. Which host could not
# be reached and why (the system's words) is what ``fancompanion fetch`` prints.
OFFLINE = "No network: nothing changed. Press r again when online."


def announcement(summary: RefreshReport) -> tuple[str, SeverityLevel]:
    """What the notification after a refresh says, and its severity: no network in one line;
    otherwise the counts and the first three errors (a feed's or a show's, one line each)."""
    if summary.offline:
        return OFFLINE, "warning"
    lines = [summary.line(), *(line(error) for error in summary.errors[:3])]
    return "\n".join(lines), "error" if summary.errors else "information"


class RefreshScreen(ModalScreen[RefreshReport]):
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
    BINDINGS: ClassVar[list[BindingType]] = bindings("screen.back", "modal.quit")

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
        store, shows, news, cancel = self.library.store, self.shows, self.news, self.cancel

        def work() -> None:
            from fancompanion.fetch.refresh import run

            summary = run(store, shows=shows, news=news, progress=self._report, cancel=cancel)
            self.post_message(Finished(summary))

        run_in_thread(self, work, group="refresh", description="Refresh")

    def on_finished(self, event: Finished) -> None:
        if self.is_current:
            self.dismiss(event.summary)

    def on_work_failed(self, event: WorkFailed) -> None:
        """The app has reported the failure; close with it as the summary's one error."""
        if self.is_current:
            self.dismiss(RefreshReport(errors=[f"refresh failed: {event.message}"]))

    def _report(self, step: Step) -> None:
        if not self.cancel.is_set():
            self.post_message(Progressed(step))

    def on_progressed(self, event: Progressed) -> None:
        self.show_step(event.step)

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
        """Cancel, at once: the item in flight finishes in the background (what it fetched is
        saved), nothing after it starts."""
        self.cancel.set()
        self.dismiss(RefreshReport(cancelled=True))
