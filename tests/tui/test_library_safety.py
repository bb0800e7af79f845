"""Untrusted text stays text, and a damaged store file is one notification, not a crash."""

from __future__ import annotations

from textual.widgets import OptionList

from fancompanion.core.models import Credit, Episode, Person, Show, ShowRecord
from fancompanion.core.store import Store
from fancompanion.tui import compat
from tests.tui.library_pilot import (
    JESSICA,
    filter_to,
    library_screen,
    list_rows,
    make_app,
    screen_text,
    select,
    shows_list,
    text_of,
)
from tests.tui.screen_harness import settle

BOLD = "[b]x[/b]"
QUIT = "[@click=app.quit]Quit[/]"


def hostile_store(store: Store) -> None:
    store.catalog.put_shows(
        [
            ShowRecord(
                show=Show(id="bold", name=BOLD, summary="[red]not red[/red]", network="[i]N[/i]"),
                episodes=(Episode("bold", 1, 1, "[u]ep[/u]", airdate="2020-01-01"),),
            ),
            ShowRecord(
                show=Show(id="quit", name=QUIT, premiered="2020-01-01"),
                episodes=(Episode("quit", 1, 1, QUIT, airdate="2020-01-01"),),
                credits=(Credit("quit", "p-quit", "cast", "[@click=app.quit]Role[/]"),),
                people=(Person("p-quit", "[@click=app.bell]Person[/]"),),
            ),
        ]
    )


async def test_hostile_titles_are_shown_literally_and_clicking_them_does_nothing(
    store: Store,
) -> None:
    hostile_store(store)
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        rows = list_rows(app)
        assert any(r.startswith(BOLD) for r in rows)
        assert any(r.startswith("[@click=app.quit]Qu") for r in rows)  # cut to fit, literally
        await select(pilot, "bold")
        assert text_of(app, "#overview-name") == BOLD
        assert "[i]N[/i]" in text_of(app, "#overview-facts")
        assert text_of(app, "#overview-summary") == "[red]not red[/red]"
        await select(pilot, "quit")
        assert QUIT in screen_text(app)
        await pilot.click("#overview-name")  # where the title's "link" would be
        row = next(i for i, r in enumerate(rows) if r.startswith("[@click"))
        await pilot.click("#shows", offset=(4, row))
        await pilot.press("2", "enter")
        await settle(pilot)
        assert QUIT in text_of(app, "#episode-detail")
        await pilot.click("#episode-detail")
        await pilot.press("3")
        await settle(pilot)
        people = library_screen(app).query_one("#cast-people", OptionList)
        assert any("[@click=app.bell]Person[/]" in str(o.prompt) for o in people.options)
        assert app.is_running
        assert shows_list(app).current_id == "quit"


async def test_a_damaged_show_file_is_reported_in_one_line_and_the_app_goes_on(
    store: Store,
) -> None:
    store.catalog.show_path(JESSICA).write_text("{ not json", encoding="utf-8")
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await filter_to(pilot, "jess")
        messages = [n for n in compat.notifications(app) if n.severity == "error"]
        assert len(messages) == 1
        assert messages[0].message.startswith("Opening the show: ")
        assert "\n" not in messages[0].message
        await filter_to(pilot, "")
        await pilot.press("escape", "home")
        await settle(pilot)
        assert text_of(app, "#overview-name") == "Daredevil"
        assert app.is_running
