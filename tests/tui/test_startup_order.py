"""Start-up: what the fan does not see yet waits until the first frame is drawn.

``launch`` pauses the garbage collector while the app starts and resumes it through the app's
``started`` callback: it must come once, after the shows list is drawn, or the collector
would stay off for the whole session.
"""

from __future__ import annotations

import asyncio

from fancompanion.core.library import Library
from fancompanion.core.store import Store
from fancompanion.tui.app import FanCompanionApp
from tests.tui.library_pilot import NOW, list_rows, shows_list
from tests.tui.screen_harness import settle


async def test_started_is_called_once_when_the_shows_list_is_on_screen(store: Store) -> None:
    seen: list[list[str]] = []
    app = FanCompanionApp(
        Library(store), clock=lambda: NOW, started=lambda: seen.append(list_rows(app))
    )
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(200):
            if seen:
                break
            await asyncio.sleep(0.02)
        await settle(pilot)
        assert shows_list(app).loaded
    assert len(seen) == 1
    assert any("Jessica Jones" in row for row in seen[0])  # drawn, with its shows, by then
