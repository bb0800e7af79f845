"""S anywhere in the app opens the stats screen; esc goes back to the library."""

from __future__ import annotations

from fancompanion.core.library import Library
from fancompanion.tui.app import FanCompanionApp
from fancompanion.tui.screens.stats import StatsScreen
from tests.tui.screen_harness import settle


async def test_capital_s_opens_stats_and_escape_returns(library: Library) -> None:
    app = FanCompanionApp(library, clock=lambda: "2026-11-25T12:00:00Z")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StatsScreen)
