"""The up next screen: the next episode of every show being watched, and what airs soon."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from fancompanion.core.library import Library
from fancompanion.core.models import Episode, Show, ShowRecord, WatchStatus
from fancompanion.core.store import Store
from fancompanion.tui import compat
from fancompanion.tui.screens.upnext import EMPTY_UP_NEXT, UpNextScreen
from tests.marks import watch
from tests.tui.library_pilot import make_app, said, screen_text, send_burst
from tests.tui.screen_harness import HarnessApp, settle

NOW = "2040-01-01T12:00:00Z"  # the catalog marks later episodes pending at write time
JESSICA_JONES = "tvmaze-1370"


def fixed_now() -> str:
    return NOW


def row(table: DataTable[Text], key: str) -> list[str]:
    return [cell.plain for cell in table.get_row(key)]


async def test_space_marks_the_next_episode_and_the_row_moves_on(
    library: Library, store: Store, data_dir: Path
) -> None:
    store.user.set_status(JESSICA_JONES, WatchStatus.WATCHING)
    app = HarnessApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = UpNextScreen(library, now=fixed_now)
        await app.push_screen(screen)
        await settle(pilot)
        table: DataTable[Text] = screen.query_one("#up-next-table", DataTable)
        assert row(table, JESSICA_JONES)[:3] == ["Jessica Jones", "S01E01", "AKA Ladies Night"]

        await pilot.press("space")
        await settle(pilot)
        assert row(table, JESSICA_JONES)[1] == "S01E02"
        assert row(table, JESSICA_JONES)[4].startswith("1/")
        assert len(app.changes) == 1  # one change, through the app (undoable there)

        await pilot.press("enter")
        assert app.opened_shows == [(JESSICA_JONES, "seasons")]
    marks = Store(data_dir).user.marks(JESSICA_JONES)
    assert [m.key for m in marks] == ["S1E1"]


async def test_nothing_being_watched_says_how_to_start(library: Library) -> None:
    app = HarnessApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = UpNextScreen(library, now=fixed_now)
        await app.push_screen(screen)
        await settle(pilot)
        empty = screen.query_one("#up-next-empty", Static)
        assert empty.display
        assert str(empty.content) == EMPTY_UP_NEXT
        assert not screen.query_one("#up-next-table", DataTable).display
        await pilot.press("space")  # nothing to mark: says so, does not crash
        assert app.is_running


async def test_upcoming_lists_an_episode_airing_in_ten_days(library: Library, store: Store) -> None:
    show = Show(id="tvmaze-90001", name="Daredevil: Born Again", tvmaze_id=90001)
    store.catalog.put_shows(
        [
            ShowRecord(
                show=show,
                episodes=(
                    Episode(show.id, 2, 1, "Back in Black", airstamp="2040-01-11T02:00:00Z"),
                    Episode(show.id, 2, 2, "Too Far Ahead", airstamp="2040-03-01T02:00:00Z"),
                ),
            )
        ]
    )
    app = HarnessApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = UpNextScreen(library, now=fixed_now)
        await app.push_screen(screen)
        await settle(pilot)
        await pilot.press("2")
        table: DataTable[Text] = screen.query_one("#upcoming-table", DataTable)
        assert table.row_count == 1
        when, name, code, title = (cell.plain for cell in table.get_row_at(0))
        assert (name, code, title) == ("Daredevil: Born Again", "S02E01", "Back in Black")
        assert when.startswith(("2040-01-10", "2040-01-11"))  # local time zone decides
        await pilot.press("enter")
        assert app.opened_shows == [(show.id, "seasons")]


@asynccontextmanager
async def up_next_in_app(app: App[None]) -> AsyncIterator[tuple[Pilot[None], DataTable[Text]]]:
    """The real app at 100x30 with Jessica Jones being watched, on Up next (``u``)."""
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, UpNextScreen)
        yield pilot, screen.query_one("#up-next-table", DataTable)


async def test_in_the_app_u_marks_and_the_library_progress_follows(
    library: Library, store: Store
) -> None:
    from fancompanion.tui.app import FanCompanionApp

    store.user.set_status(JESSICA_JONES, WatchStatus.WATCHING)
    app = FanCompanionApp(library, clock=fixed_now)
    async with up_next_in_app(app) as (pilot, table):
        await pilot.press("space")
        await settle(pilot)
        assert row(table, JESSICA_JONES)[1] == "S01E02"
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, UpNextScreen)
    view = library.show(JESSICA_JONES, NOW)
    assert view is not None
    assert view.progress.watched == 1


async def test_two_spaces_sent_at_once_mark_two_episodes_in_turn(
    library: Library, store: Store, data_dir: Path
) -> None:
    """``space`` ``space`` from tmux or a fast fan: the row moves on while the first is
    handled, so the second marks the episode after (it found the row still on the first,
    "Nothing to change", while every show was read again)."""
    from fancompanion.tui.app import FanCompanionApp

    store.user.set_status(JESSICA_JONES, WatchStatus.WATCHING)
    app = FanCompanionApp(library, clock=fixed_now)
    notes = said(app)
    async with up_next_in_app(app) as (pilot, table):
        send_burst(app, "space", "space")
        await settle(pilot)
        await settle(pilot)  # the saves, then the row read again
        assert row(table, JESSICA_JONES)[1] == "S01E03"
        assert row(table, JESSICA_JONES)[4].startswith("2/")
    assert sorted(m.key for m in Store(data_dir).user.marks(JESSICA_JONES)) == ["S1E1", "S1E2"]
    assert not [note for note in notes if "Nothing to change" in note]


async def test_a_damaged_marks_file_is_named_and_the_other_shows_are_listed(
    library: Library, store: Store
) -> None:
    """Daredevil's marks file cut short (a crash mid-copy, a bad sync): Up next still lists
    Jessica Jones, and one notification names the damaged file and the repair."""
    daredevil = "imdb-tt3322312"
    store.user.set_status(JESSICA_JONES, WatchStatus.WATCHING)
    store.user.set_status(daredevil, WatchStatus.WATCHING)
    record = store.catalog.record(daredevil)
    assert record is not None
    watch(store, daredevil, record.episodes[:1])
    store.user.marks_path(daredevil).write_text('{"marks": {"1": {"key": "S1E1", ')
    app = HarnessApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = UpNextScreen(library, now=fixed_now)
        await app.push_screen(screen)
        await settle(pilot)
        table: DataTable[Text] = screen.query_one("#up-next-table", DataTable)
        assert row(table, JESSICA_JONES)[:2] == ["Jessica Jones", "S01E01"]
        said = [n.message for n in compat.notifications(app) if n.severity == "error"]
        assert len(said) == 1
        assert f"{daredevil}.json is damaged" in said[0]
        assert "fancompanion doctor --repair" in said[0]


async def test_up_next_says_loading_until_its_rows_are_read(
    library: Library, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 10,000 shows reading what is next takes seconds: meanwhile u shows "Loading…", not
    bare column headers over "Nothing to watch next" (which claimed an empty list), and space
    says it is still loading. The read is held here until the screen has been looked at."""
    store.user.set_status(JESSICA_JONES, WatchStatus.WATCHING)
    gate = threading.Event()
    read = Library.up_next

    def held(self: Library, now: str | None = None, problems: list[str] | None = None) -> Any:
        gate.wait(10)  # the store is big
        return read(self, now, problems)

    monkeypatch.setattr(Library, "up_next", held)
    app = make_app(store)
    messages = said(app)
    async with app.run_test(size=(80, 24)) as pilot:
        try:
            await settle(pilot)
            await pilot.press("u")
            for _ in range(50):  # until the screen is drawn (the read is still held)
                await pilot.pause()
                if "Loading…" in screen_text(app):
                    break
            shown = screen_text(app)
            assert "Loading…" in shown
            assert "Nothing to watch next" not in shown
            assert "Seen" not in shown  # no column headers over no rows
            await pilot.press("space")
            assert messages[-1] == "Loading…"
        finally:
            gate.set()
        await settle(pilot)
        shown = screen_text(app)
        assert "Jessica Jones" in shown
        assert "Loading…" not in shown
        await pilot.press("enter")  # the table has the keys once its rows are in
        await settle(pilot)
        assert not isinstance(app.screen, UpNextScreen)


async def test_at_80_columns_long_names_give_way_and_every_column_is_seen(
    library: Library, store: Store
) -> None:
    """A show with a long name and a long episode title at 80x24: the name and the title are
    cut with an ellipsis so that Aired and Seen stay on screen (they were pushed past the
    table's edge: the columns were fitted before the table had measured its new rows)."""
    show = Show(id="tvmaze-90002", name="The Extraordinarily Long Adventures of Somebody")
    title = "A Title Long Enough To Need Cutting At Eighty Columns Wide"
    store.catalog.put_shows(
        [
            ShowRecord(
                show=show,
                episodes=(Episode(show.id, 1, 1, title, airstamp="2026-01-01T02:00:00Z"),),
            )
        ]
    )
    store.user.set_status(show.id, WatchStatus.WATCHING)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        rows = [r for r in screen_text(app).splitlines() if "The Extraordina" in r]
        assert len(rows) == 1
        assert "Somebody" not in rows[0]  # the name is cut …
        assert "…  S01E01  A Title Long" in rows[0]
        assert rows[0].rstrip().endswith("2026-01-01   0/1")  # … and Aired, Seen are seen


async def test_when_reading_fails_up_next_says_why_instead_of_loading(store: Store) -> None:
    """The watchlist file (every show's status) damaged after the app started: u says what
    is wrong and how to repair it where "Loading…" was, instead of loading for ever."""
    store.user.set_status(JESSICA_JONES, WatchStatus.WATCHING)
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        store.user.state_path.write_text("{not json")
        await pilot.press("u")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, UpNextScreen)
        said = str(screen.query_one("#up-next-loading", Static).render())
        assert "state.json is damaged" in said
        assert "fancompanion doctor --repair" in said
        shown = screen_text(app)
        assert "Loading…" not in shown
        assert "Nothing to watch next" not in shown
