"""Adding a show from inside the app (``a``: TVmaze search, pick, added) and removing one
(``del``: asks first, its history saved to a backup that imports back)."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from fancompanion.core.library import Library
from fancompanion.core.store import Store
from fancompanion.tui.screens.add import AddShowScreen
from tests.fetch.conftest import Server, json_reply
from tests.fetch.showdata import embedded_show
from tests.marks import watch
from tests.tui.library_pilot import (
    JESSICA,
    LUKE,
    list_rows,
    make_app,
    said,
    screen_text,
    shows_list,
    text_of,
)
from tests.tui.screen_harness import settle
from tests.tui.test_store_outside import until


async def test_a_searches_tvmaze_and_enter_adds_the_show_and_opens_it(
    store: Store, tvmaze: Server
) -> None:
    show = embedded_show(82, "Game of Thrones", "tt0944947", 1, 1_700_000_000)
    tvmaze.route("/search/shows", json_reply([{"score": 0.9, "show": show}]))
    tvmaze.route("/shows/82", json_reply(show))
    app = make_app(store)
    toasts = said(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"thrones", "enter")
        await until(pilot, lambda: "Game of Thrones" in screen_text(app))
        hits = app.screen.query_one("#add-hits", OptionList)
        assert "2011" in str(hits.get_option_at_index(0).prompt)
        assert "HBO" in str(hits.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, AddShowScreen))
        await until(pilot, lambda: text_of(app, "#overview-name") == "Game of Thrones")
        assert any(row.startswith("Game of Thrones") for row in list_rows(app))
        assert any("Added Game of Thrones" in t for t in toasts)
        assert store.catalog.record(shows_list(app).current_id or "") is not None


async def test_adding_offline_says_so_in_one_line(
    store: Store, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    monkeypatch.setenv("FANCOMPANION_TVMAZE_URL", "http://127.0.0.1:9")  # nothing listens
    app = make_app(store)
    toasts = said(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"thrones", "enter")
        await until(pilot, lambda: "No network" in screen_text(app))
        await settle(pilot)
        assert isinstance(app.screen, AddShowScreen)  # open, to try again
        # the dialog's one line, and no second "Something went wrong" notification over it
        assert screen_text(app).count("No network") == 1
        assert toasts == []
        await pilot.press("escape")
        assert app.is_running


async def test_del_asks_then_removes_the_show_and_saves_its_history(store: Store) -> None:
    view = Library(store).show(JESSICA)
    assert view is not None
    watch(store, JESSICA, view.record.episodes[:3], at="2026-11-01T20:00:00Z")
    app = make_app(store)
    toasts = said(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "delete")
        await settle(pilot)
        assert "Remove Jessica Jones?" in screen_text(app)
        # plain words, no markdown quotes shown literally
        assert (
            "Your history (3 watched episodes) is saved to a backup file first; "
            "fancompanion import brings it back."
        ) in " ".join(screen_text(app).replace("│", " ").split())
        assert "`" not in screen_text(app)
        await pilot.press("n")  # kept
        await settle(pilot)
        assert any(r.startswith("Jessica Jones") for r in list_rows(app))
        await pilot.press("delete", "y")
        await until(pilot, lambda: not any(r.startswith("Jessica") for r in list_rows(app)))
        assert any("saved in" in t for t in toasts)
    saved = list((store.root / "user" / "backups" / "removed").glob("*.json"))
    assert len(saved) == 1
    assert "S01E03" in saved[0].read_text() or "Jessica Jones" in saved[0].read_text()
    assert store.catalog.record(JESSICA) is None


async def test_del_says_what_is_saved_a_status_alone_or_nothing(store: Store) -> None:
    """`w` then `del` on Daredevil: its status is what is saved, and it is; `del` on Iron Fist
    (never touched): nothing of the fan's is lost, and no backup file is written for it."""
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("delete")
        await settle(pilot)
        drawn = " ".join(screen_text(app).replace("│", " ").split())
        assert "Your history (its status (Watching)) is saved to a backup file first" in drawn
        await pilot.press("y")
        await until(pilot, lambda: not any(r.startswith("Daredevil") for r in list_rows(app)))
        await until(pilot, lambda: text_of(app, "#overview-name") == "Iron Fist")
        await pilot.press("delete")
        await settle(pilot)
        drawn = " ".join(screen_text(app).replace("│", " ").split())
        assert "it has no status: nothing of yours is lost" in drawn
        await pilot.press("y")
        await until(pilot, lambda: not any(r.startswith("Iron Fist") for r in list_rows(app)))
    saved = list((store.root / "user" / "backups" / "removed").glob("*.json"))
    assert len(saved) == 1
    assert "watching" in saved[0].read_text().lower()


async def test_after_removing_a_show_the_cursor_goes_to_the_next_one(store: Store) -> None:
    """`del`, `y` on Jessica Jones: the cursor goes to the show after it, Luke Cage, and the
    pane shows it (it went back to the first show of the list, Daredevil)."""
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down")
        await until(pilot, lambda: text_of(app, "#overview-name") == "Jessica Jones")
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("y")
        await until(pilot, lambda: not any(r.startswith("Jessica") for r in list_rows(app)))
        await until(pilot, lambda: text_of(app, "#overview-name") == "Luke Cage")
        assert shows_list(app).current_id == LUKE
