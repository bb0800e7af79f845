"""Letters typed in the same burst as ``/`` stay in the box as typed: the next key adds to
them (or ``backspace`` takes the last one off) instead of replacing them all, as happened when
the box selected its text on taking the focus."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from fancompanion.core.store import Store
from fancompanion.tui.screens.news import NewsScreen
from fancompanion.tui.widgets.filter_box import ListFilter
from tests.tui.library_pilot import make_app, send_burst
from tests.tui.screen_harness import settle


async def box_after_burst(pilot: Pilot[None], *keys: str) -> ListFilter:
    """Send ``keys`` at once, then wait (up to 5 s) until the box has the focus and every
    letter of the burst (all typed after ``slash``)."""
    letters = "".join(keys[1:])
    for _ in range(100):
        await settle(pilot)
        box = pilot.app.focused
        if isinstance(box, ListFilter) and box.value == letters:
            return box
        await pilot.pause(0.05)
    raise AssertionError(f"the box never read {letters!r}: {pilot.app.focused!r}")


async def test_library_a_letter_after_a_burst_adds_to_the_box(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        send_burst(app, "slash", *"dar")
        box = await box_after_burst(pilot, "slash", *"dar")
        await pilot.press("e")
        await settle(pilot)
        assert box.value == "dare"
        await pilot.press("escape")  # clears the box, back to the list
        await settle(pilot)
        assert box.value == ""
        send_burst(app, "slash", "d")  # `/d` together, then `a r e` one by one
        box = await box_after_burst(pilot, "slash", "d")
        for letter in "are":
            await pilot.press(letter)
        await settle(pilot)
        assert box.value == "dare"


async def test_news_backspace_after_a_burst_takes_one_letter(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NewsScreen)
        send_burst(app, "slash", *"iro")
        box = await box_after_burst(pilot, "slash", *"iro")
        await pilot.press("backspace")
        await settle(pilot)
        assert screen.query_one("#news-filter", Input).value == "ir"
        await pilot.press("escape")  # clears the box, the screen stays
        await settle(pilot)
        assert app.screen is screen
        assert box.value == ""
