"""A small app with the attributes FanCompanionApp gives screens, for testing one screen alone.

It records ``open_show`` / ``open_news`` calls so tests can assert where a jump went.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Static
from textual.worker import WorkerCancelled, WorkerFailed

from fancompanion.core.commands import Change
from fancompanion.core.library import Library
from fancompanion.tui.messages import StoreChanged


class HarnessApp(App[None]):
    TITLE = "FanCompanion"

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.opened_shows: list[tuple[str, str]] = []
        self.targets: list[str | None] = []
        self.opened_news: list[str | None] = []
        self.library_changes = 0
        self.changes: list[Change] = []

    def compose(self) -> ComposeResult:
        yield Static("library")

    def open_show(self, show_id: str, tab: str = "overview", target: str | None = None) -> None:
        self.opened_shows.append((show_id, tab))
        self.targets.append(target)

    def open_news(self, news_id: str | None = None) -> None:
        self.opened_news.append(news_id)

    def notify_library_changed(self) -> None:
        self.library_changes += 1

    def apply_change(self, change: Change, *, title: str = "", quiet: bool = False) -> None:
        """Carried out at once (the real app does it in a worker, undoably)."""
        self.library.apply(change)
        self.changes.append(change)
        for screen in self.screen_stack:
            screen.post_message(StoreChanged(None))

    def restore_theme(self, theme: object) -> None:
        pass


async def settle(pilot: Pilot[None]) -> None:
    """Let the screen's thread workers finish and their results reach the widgets.

    A worker replaced by a newer one of its exclusive group (the fan moved on) is fine, and so
    is one that failed: the app's handler has reported it (tests look at what it showed).
    """
    for _ in range(3):
        for worker in list(pilot.app.workers):
            with contextlib.suppress(WorkerCancelled, WorkerFailed):
                await worker.wait()
        await pilot.pause()


@contextmanager
def local_time(zone: str) -> Iterator[None]:
    """Run as a fan in this time zone does (``TZ``): dates on screen are local time."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if old is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = old
        time.tzset()


def local_time_utc() -> contextlib.AbstractContextManager[None]:
    """Dates on screen are local time; snapshots pin the zone so they match anywhere."""
    return local_time("UTC")


SnapCompare = Callable[..., bool]
"""The type of pytest-textual-snapshot's ``snap_compare`` fixture."""
