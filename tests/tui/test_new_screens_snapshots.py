"""How the screens this issue changed look at 80×24: Up next (titles cut with an ellipsis, the
columns fitted to the width) and the remove-a-show question."""

from __future__ import annotations

from textual.pilot import Pilot

from fancompanion.core.commands import SetStatus, Watch
from fancompanion.core.library import Library
from fancompanion.core.models import WatchStatus
from fancompanion.core.store import Store
from tests.tui.library_pilot import JESSICA, LUKE, NOW, make_app
from tests.tui.screen_harness import SnapCompare, local_time_utc, settle


def watching(store: Store) -> None:
    library = Library(store)
    for show_id in (JESSICA, LUKE):
        library.apply(SetStatus(show_id, WatchStatus.WATCHING))
    view = library.show(JESSICA)
    assert view is not None
    library.apply(Watch(JESSICA, view.record.episodes[:2], at=NOW), NOW)


async def up_next(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("u")
    await settle(pilot)


async def remove_question(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("down", "down", "delete")
    await settle(pilot)


def test_up_next_80x24(store: Store, snap_compare: SnapCompare) -> None:
    watching(store)
    with local_time_utc():
        assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=up_next)


def test_remove_a_show_asks_80x24(store: Store, snap_compare: SnapCompare) -> None:
    watching(store)
    with local_time_utc():
        assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=remove_question)
