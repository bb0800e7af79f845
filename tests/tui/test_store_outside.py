"""The store outside the app's control: damaged files, and changes by another process.

A damaged file is named on screen with the way to repair it, the rest of the app keeps working;
a change made by ``fancompanion import``/``fetch`` or a second app shows up by itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from fancompanion.core.commands import SetStatus, Watch
from fancompanion.core.library import Library
from fancompanion.core.models import ShowSummary, WatchStatus
from fancompanion.core.store import Store
from fancompanion.tui import compat
from fancompanion.tui.screens.refresh import RefreshScreen
from tests.fetch.conftest import Reply, Request, Server, json_reply
from tests.tui.library_pilot import DAREDEVIL, JESSICA, list_rows, make_app, screen_text, text_of
from tests.tui.screen_harness import settle
from tests.tui.test_library_tracking import row_of


async def until(pilot: Pilot[None], condition: Callable[[], bool], seconds: float = 8) -> None:
    """Let the app run (its store check ticks every two seconds) until ``condition`` holds."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "never happened"
        await pilot.pause(0.1)
        await settle(pilot)


async def test_a_damaged_news_file_is_named_and_the_app_keeps_working(store: Store) -> None:
    store.catalog.news_path.write_text('{"items": {"1": {"title": ')  # cut short
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert "The news could not be read" in screen_text(app)
        said = str(app.screen.query_one("#reader-meta", Static).content)
        assert "news.json is damaged" in said
        assert "fancompanion doctor --repair" in said
        await pilot.press("escape", "2", "space")  # the library still works
        await settle(pilot)
        assert app.is_running
        assert row_of(app, "Daredevil")[-1] == "1/39"


async def test_a_damaged_state_file_is_named_and_repairing_it_brings_the_library_back(
    store: Store,
) -> None:
    good = store.user.state_path.read_bytes()
    store.user.state_path.write_text("{not json")
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert list_rows(app)[0] == "Could not be read."
        pane = text_of(app, "#empty-pane")
        assert "state.json is damaged" in pane
        assert "fancompanion doctor --repair" in pane
        await pilot.press("question_mark")  # the rest of the app answers
        await settle(pilot)
        assert "Keys" in screen_text(app)
        await pilot.press("escape")
        # the fan runs `fancompanion doctor --repair` in another terminal
        store.user.state_path.write_bytes(good)
        await until(pilot, lambda: any("Daredevil" in row for row in list_rows(app)))
        assert app.is_running


async def test_a_damaged_marks_file_is_named_and_the_rest_of_the_library_works(
    store: Store,
) -> None:
    """A show's marks file cut short (a crash mid-copy, a bad sync): the app starts, the show's
    row has no figure, a one-line notification names the file and the repair, and every other
    show lists, opens and marks as before."""
    library = Library(store)
    view = library.show(DAREDEVIL)
    assert view is not None
    library.apply(Watch(DAREDEVIL, view.record.episodes[:2]))
    store.user.marks_path(DAREDEVIL).write_text('{"marks": {"1": {"key": "S1E1", ')
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.is_running
        assert row_of(app, "Daredevil")[-1] == "?"
        said = [n.message for n in compat.notifications(app) if n.severity == "error"]
        assert said
        assert all("\n" not in message for message in said)
        assert any(
            f"{DAREDEVIL}.json is damaged" in m and "fancompanion doctor --repair" in m
            for m in said
        )
        assert row_of(app, "Jessica Jones")[-1] == "0/39"
        await pilot.press("down", "down", "2", "space")  # Jessica Jones, S01E01
        await settle(pilot)
        assert row_of(app, "Jessica Jones")[-1] == "1/39"
        assert app.is_running


async def test_changes_made_by_another_process_show_up_in_list_figures_and_open_show(
    store: Store,
) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "2")  # Jessica Jones, its Seasons tab
        await settle(pilot)
        assert row_of(app, "Jessica Jones")[-1] == "0/39"
        # `fancompanion import` in another terminal: a season watched, status Watching
        other = Library(Store(store.root))
        view = other.show(JESSICA)
        assert view is not None
        other.apply(Watch(JESSICA, tuple(e for e in view.record.episodes if e.season == 1)))
        other.apply(SetStatus(JESSICA, WatchStatus.WATCHING))
        await until(pilot, lambda: row_of(app, "Jessica Jones")[-1] == "13/39")
        assert "Watching (1)" in list_rows(app)
        assert "13/39 aired episodes watched" in text_of(app, "#overview-status")
        assert "Season 1  13/13 ✓" in screen_text(app)


async def test_esc_cancels_a_refresh_at_once_over_a_library_still_shown(
    store: Store, tvmaze: Server
) -> None:
    """TVmaze is slow to answer: esc closes the dialog now, not when the request returns."""
    import threading

    gate = threading.Event()

    def slow(request: Request) -> Reply:
        gate.wait(10)
        return json_reply({})

    for path in ("/updates/shows", "/lookup/shows", "/shows/1370"):
        tvmaze.route(path, slow)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await until(pilot, lambda: bool(tvmaze.paths()))
        screen = app.screen
        assert isinstance(screen, RefreshScreen)
        assert "Daredevil" in screen_text(app)  # the library stays on screen behind it
        await pilot.press("escape")
        await pilot.pause()
        assert screen not in app.screen_stack
        gate.set()
        await settle(pilot)
        assert app.is_running


async def test_the_theme_chosen_is_there_at_the_next_start(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.theme = "textual-light"  # ctrl+p -> theme
        await settle(pilot)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"


async def test_the_apps_own_writes_are_not_taken_for_another_process(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Moving to a show saves it as the last one looked at: the store check must not reread
    the whole library for that (at 10,000 shows a reread costs every key typed meanwhile);
    a change by another process still is reread."""
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reads: list[int] = []
        summaries = app.library.summaries

        def counted() -> list[ShowSummary]:
            reads.append(1)
            return summaries()

        monkeypatch.setattr(app.library, "summaries", counted)
        before = store.user.settings().get("last_show")
        await pilot.press("down")
        await until(pilot, lambda: store.user.settings().get("last_show") != before)
        app.check_store()
        await settle(pilot)
        assert reads == []
        Library(Store(store.root)).apply(SetStatus(JESSICA, WatchStatus.WATCHING))
        app.check_store()
        await until(pilot, lambda: bool(reads))
        assert "Watching (1)" in list_rows(app)
