"""Keys that open a screen bring it back instead of stacking copies of it."""

from __future__ import annotations

from fancompanion.core.store import Store
from fancompanion.tui.screens.news import NewsScreen
from fancompanion.tui.screens.upnext import UpNextScreen
from tests.tui.library_pilot import make_app
from tests.tui.screen_harness import settle


async def test_pressing_n_twice_opens_one_news_screen(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert [type(s) for s in app.screen_stack[1:]] == [NewsScreen]


async def test_n_from_up_next_goes_back_to_the_open_news_screen(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        news = app.screen
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, UpNextScreen)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is news
        assert len(app.screen_stack) == 2
        await pilot.press("escape")
        await settle(pilot)
        assert len(app.screen_stack) == 1
