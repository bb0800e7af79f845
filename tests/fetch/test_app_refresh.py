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
