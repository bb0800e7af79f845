"""Browsing the library: the list, the filter, the tabs, following an actor, the show's news."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, TabbedContent

from fancompanion.core.models import Episode, Season, Show, ShowRecord
from fancompanion.core.opening import open_store
from fancompanion.core.store import Store
from fancompanion.tui.screens.news import NewsScreen
from tests.tui.library_pilot import (
    DAREDEVIL,
    DEFENDERS,
    JESSICA,
    LUKE,
    filter_to,
    library_screen,
    list_rows,
    make_app,
    screen_text,
    select,
    send_burst,
    shows_list,
    text_of,
)
from tests.tui.screen_harness import settle


async def test_starts_on_the_library_with_every_show_and_its_progress(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        rows = list_rows(app)
        assert rows[0] == "No status (6)"
        assert rows[1].split() == ["Daredevil", "0/39"]
        assert any(r.split() == ["The", "Defenders", "0/8"] for r in rows)
        assert shows_list(app).current_id == DAREDEVIL
        assert text_of(app, "#overview-name") == "Daredevil"
        assert "0/39 aired episodes watched" in text_of(app, "#overview-status")
        assert "S01E01 Into the Ring" in text_of(app, "#overview-next")


async def test_typing_jess_in_the_filter_finds_jessica_jones(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await filter_to(pilot, "jess")
        assert shows_list(app).visible_ids == [JESSICA]
        assert text_of(app, "#overview-name") == "Jessica Jones"
        await pilot.press("slash", "escape")  # escape empties the filter, the show stays chosen
        await settle(pilot)
        assert len(shows_list(app).visible_ids) == 6
        assert shows_list(app).current_id == JESSICA


async def test_the_filter_is_fuzzy_and_says_when_nothing_matches(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await filter_to(pilot, "dfndrs")
        assert shows_list(app).visible_ids == [DEFENDERS]
        await pilot.press("slash", *"zzz")
        await settle(pilot)
        assert shows_list(app).visible_ids == []
        assert "No show matches" in list_rows(app)[0]


async def test_keys_1_to_4_and_the_mouse_switch_tabs(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        tabs = library_screen(app).query_one(TabbedContent)
        for key, tab in (("2", "seasons"), ("3", "cast"), ("4", "news"), ("1", "overview")):
            await pilot.press(key)
            assert tabs.active == tab
        await pilot.click("#--content-tab-cast")
        assert tabs.active == "cast"


async def test_following_mike_colter_from_jessica_jones_to_luke_cage(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await select(pilot, JESSICA, "cast")
        people = library_screen(app).query_one("#cast-people", OptionList)
        people.focus()
        colter = next(i for i, o in enumerate(people.options) if "Mike Colter" in str(o.prompt))
        people.highlighted = colter
        await pilot.press("enter")
        await settle(pilot)
        work = library_screen(app).query_one("#cast-work", OptionList)
        names = [str(o.prompt).split("  ")[1] for o in work.options]
        assert names == ["Jessica Jones", "Luke Cage", "The Defenders"]
        assert "Mike Colter in your library" in text_of(app, "#cast-work-title")
        assert work.has_focus
        await pilot.press("down", "enter")
        await settle(pilot)
        assert shows_list(app).current_id == LUKE
        assert text_of(app, "#overview-name") == "Luke Cage"


async def test_enter_on_a_news_item_opens_it_in_the_news_screen(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await select(pilot, JESSICA, "news")
        news = library_screen(app).query_one("#news-tab", OptionList)
        first = str(news.options[0].prompt)
        assert first.startswith("• 2019-06-14")  # newest first, unread marked
        news.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, NewsScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert str(news.options[0].prompt).startswith("  2019-06-14")  # read now


async def test_letters_typed_in_one_burst_after_slash_reach_the_filter(store: Store) -> None:
    """A paste or a fast typist sends "/luke" at once: no letter may be lost or run a key."""
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        send_burst(app, "slash", *"luke")
        await settle(pilot)
        assert app.screen is library_screen(app)  # "u" did not open Up next
        assert shows_list(app).visible_ids == [LUKE]


async def test_clicking_a_show_in_the_list_opens_it(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        row = next(i for i, r in enumerate(list_rows(app)) if r.startswith("Luke Cage"))
        await pilot.click("#shows", offset=(4, row))
        await settle(pilot)
        assert shows_list(app).current_id == LUKE
        assert text_of(app, "#overview-name") == "Luke Cage"


async def test_an_empty_library_says_so(data_dir: Path) -> None:
    app = make_app(open_store(data_dir))  # no bundle: nothing in the catalog
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert list_rows(app) == ["No shows yet"]
        assert text_of(app, "#empty-pane") == "No shows in the library yet."
        await pilot.press("w", "2", "space")  # nothing to act on; nothing breaks
        await settle(pilot)
        assert app.is_running


async def test_while_typing_the_best_match_is_selected(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert shows_list(app).current_id == DAREDEVIL
        await filter_to(pilot, "de")  # "The Defenders" starts a word; "Daredevil" only contains it
        assert shows_list(app).visible_ids == [DEFENDERS, DAREDEVIL]
        assert shows_list(app).current_id == DEFENDERS


async def test_an_announced_season_lines_up_with_the_aired_ones(store: Store) -> None:
    """`/soon enter 2` at 80×24: a season whose episodes have not aired and one announced with
    no episodes yet say `not aired yet`, their names in the same column as the other seasons;
    still so once `space` has marked an episode (the lines are labelled again)."""
    store.catalog.put_shows(
        [
            ShowRecord(
                show=Show(id="soon", name="Soon Show", premiered="2020-01-01"),
                seasons=(Season(1), Season(2), Season(3, premiere="2027-03-01"), Season(4)),
                episodes=(
                    Episode("soon", 1, 1, "Pilot", airdate="2026-11-01"),
                    Episode("soon", 2, 1, "Two", airdate="2026-11-02"),
                    Episode("soon", 3, 1, "Later", airdate="2027-03-01"),
                ),
            )
        ]
    )
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await filter_to(pilot, "soon")
        await pilot.press("2")
        await settle(pilot)
        for keys in ((), ("space",)):
            await pilot.press(*keys)
            await settle(pilot)
            rows = {
                season: next(r for r in screen_text(app).splitlines() if f"Season {season}" in r)
                for season in (1, 2, 3, 4)
            }
            assert "Season 3  not aired yet" in rows[3]
            assert "Season 4  not aired yet" in rows[4]
            assert len({row.index("Season") for row in rows.values()}) == 1, rows
        assert "Season 1  1/1 ✓" in rows[1]  # space marked the next one to watch
