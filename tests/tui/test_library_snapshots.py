"""How the library looks: overview, seasons and cast, at 80×24 and 160×48.

"Now" is frozen by the app's clock and local time is UTC, so the pictures never drift.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot
from textual.widgets import OptionList

from fancompanion.core.store import Store
from tests.tui.library_pilot import JESSICA, LUKE, library_screen, make_app, select
from tests.tui.screen_harness import SnapCompare, local_time_utc, settle

SIZES = {"narrow": (80, 24), "wide": (160, 48)}


def watched_some(store: Store) -> None:
    """A fan part-way through Jessica Jones, watching it."""
    from fancompanion.core.commands import SetSeason
    from fancompanion.core.library import Library
    from fancompanion.core.models import WatchStatus

    library = Library(store)
    view = library.show(JESSICA)
    assert view is not None
    library.apply(SetSeason(view.id, view.record.episodes, 1, True), "2026-11-25T12:00:00Z")
    library.set_status(JESSICA, WatchStatus.WATCHING)


def opened(tab: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await select(pilot, JESSICA, tab)
        if tab == "seasons":
            await pilot.press("enter")  # into the tree, on the next episode to watch
        if tab == "cast":
            people = library_screen(pilot.app).query_one("#cast-people", OptionList)
            people.focus()
            people.highlighted = next(
                i for i, o in enumerate(people.options) if "Mike Colter" in str(o.prompt)
            )
            await pilot.press("enter")
        await settle(pilot)

    return run_before


def compare(snap_compare: SnapCompare, store: Store, tab: str, size: str) -> bool:
    watched_some(store)
    with local_time_utc():
        return snap_compare(make_app(store), terminal_size=SIZES[size], run_before=opened(tab))


class TestLibraryOverview:
    def test_narrow(self, store: Store, snap_compare: SnapCompare) -> None:
        assert compare(snap_compare, store, "overview", "narrow")

    def test_wide(self, store: Store, snap_compare: SnapCompare) -> None:
        assert compare(snap_compare, store, "overview", "wide")


class TestLibrarySeasons:
    def test_narrow(self, store: Store, snap_compare: SnapCompare) -> None:
        assert compare(snap_compare, store, "seasons", "narrow")

    def test_wide(self, store: Store, snap_compare: SnapCompare) -> None:
        assert compare(snap_compare, store, "seasons", "wide")


class TestLibraryCast:
    def test_narrow(self, store: Store, snap_compare: SnapCompare) -> None:
        assert compare(snap_compare, store, "cast", "narrow")

    def test_wide(self, store: Store, snap_compare: SnapCompare) -> None:
        assert compare(snap_compare, store, "cast", "wide")


class TestLibraryCastWrapped:
    """Luke Cage at 80×24: long characters push the seasons to an indented second row."""

    def test_narrow(self, store: Store, snap_compare: SnapCompare) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await select(pilot, LUKE, "cast")
            library_screen(pilot.app).query_one("#cast-people", OptionList).focus()
            await pilot.press("down", "down")  # onto Theo Rossi's wrapped row: both rows lit
            await settle(pilot)

        with local_time_utc():
            assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=run_before)
