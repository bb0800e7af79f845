"""In the app, ``r`` refreshes in a worker with a progress dialog; ``esc`` cancels cleanly."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Label, Static

from fancompanion.core.library import Library
from fancompanion.core.models import Feed
from fancompanion.core.store import Store
from fancompanion.fetch.progress import RefreshReport
from fancompanion.tui.screens.refresh import RefreshScreen
from tests.fetch.conftest import FEEDS, Reply, Request, Server

RSS = {"Content-Type": "application/rss+xml"}


class RefreshApp(App[None]):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.summaries: list[RefreshReport | None] = []

    def compose(self) -> ComposeResult:
        yield Static("library")

    def start(self) -> None:
        self.push_screen(RefreshScreen(Library(self.store), shows=False), self.summaries.append)


def rss(server: Server) -> bytes:
    return (FEEDS / "rss.xml").read_text().replace("{base}", server.url).encode()


async def wait_for(pilot: Pilot[None], condition: Callable[[], bool]) -> None:
    """Let the app run (the worker hands progress to it) until ``condition`` holds."""
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        await pilot.pause(0.01)


async def test_refresh_dialog_fetches_and_reports_a_summary(
    server: Server, store: Store, sleeps: list[float]
) -> None:
    server.route("/rss.xml", Reply(200, rss(server), RSS))
    store.user.put_feed(Feed(url=f"{server.url}/rss.xml", title="Screen Dispatch"))
    app = RefreshApp(store)
    async with app.run_test() as pilot:
        app.start()
        await app.workers.wait_for_complete()
        await wait_for(pilot, lambda: not isinstance(app.screen, RefreshScreen))
    [summary] = app.summaries
    assert summary is not None
    assert summary.line() == "0 shows updated, 2 new news items, 0 errors"


async def test_escape_cancels_after_the_feed_in_flight(
    server: Server, store: Store, sleeps: list[float]
) -> None:
    gate = threading.Event()

    def slow(request: Request) -> Reply:
        gate.wait(10)
        return Reply(200, rss(server), RSS)

    server.route("/first.xml", slow)
    server.route("/second.xml", Reply(200, rss(server), RSS))
    store.user.put_feed(Feed(url=f"{server.url}/first.xml", title="First"))
    store.user.put_feed(Feed(url=f"{server.url}/second.xml", title="Second"))
    app = RefreshApp(store)
    async with app.run_test() as pilot:
        app.start()
        await wait_for(pilot, lambda: "/first.xml" in server.paths())
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RefreshScreen)
        assert "First" in str(screen.query_one("#refresh-item", Label).render())
        await pilot.press("escape")
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
    [summary] = app.summaries
    assert summary is not None
    assert summary.cancelled
    assert "/second.xml" not in server.paths()
    assert "(cancelled)" in summary.line()
