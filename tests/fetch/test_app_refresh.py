"""In the real app: ``r`` opens the refresh dialog, new news appears, a summary is announced."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from fancompanion.core.library import Library
from fancompanion.core.models import Feed
from fancompanion.core.store import Store
from fancompanion.tui.app import FanCompanionApp
from fancompanion.tui.screens.refresh import RefreshScreen
from tests.fetch.conftest import FEEDS, Reply, Server


async def test_r_refreshes_and_announces_what_changed(
    server: Server, store: Store, sleeps: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    body = (FEEDS / "rss.xml").read_text().replace("{base}", server.url).encode()
    server.route("/rss.xml", Reply(200, body, {"Content-Type": "application/rss+xml"}))
    store.user.put_feed(Feed(url=f"{server.url}/rss.xml", title="Screen Dispatch"))
    store.user.put_feed(Feed(url=f"{server.url}/gone.xml", title="Gone"))
    an_hour_ago = (datetime.now(UTC) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    store.catalog.set_meta(last_refresh=an_hour_ago)  # shows: only the updates call
    server.route("/updates/shows", Reply(200, b"{}", {"Content-Type": "application/json"}))
    monkeypatch.setenv("FANCOMPANION_TVMAZE_URL", server.url)
    before = len(store.catalog.news())
    app = FanCompanionApp(Library(store))
    announced: list[str] = []

    def notify(message: str, **options: Any) -> None:
        announced.append(message)

    async with app.run_test() as pilot:
        monkeypatch.setattr(app, "notify", notify)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RefreshScreen) or announced
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, RefreshScreen)
    assert len(store.catalog.news()) == before + 2
    assert announced[-1].startswith("0 shows updated, 2 new news items, 1 error")
    assert "Gone: HTTP 404" in announced[-1]


async def test_r_with_no_network_says_so_in_one_line_at_80_columns(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing listens on TVmaze's port: the notification is its title and one line (it was
    the counts, then the socket error folded over two more lines), and nothing changed."""
    from tests.fetch.test_no_network import closed_port
    from tests.tui.test_undo import toast_lines

    monkeypatch.setenv("FANCOMPANION_TVMAZE_URL", f"http://127.0.0.1:{closed_port()}")
    shows_before = store.catalog.summaries()
    app = FanCompanionApp(Library(store))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("r")
        for _ in range(100):  # up to 5 s: the refresh fails at its first request
            await pilot.pause(0.05)
            if not isinstance(app.screen, RefreshScreen) and any(toast_lines(app)):
                break
        assert [text for text in toast_lines(app) if text] == [
            "Refresh",
            "No network: nothing changed. Press r again when online.",
        ]
    assert store.catalog.summaries() == shows_before
