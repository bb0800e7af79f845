"""Keys from inside every tab, and jumps to a *different* show: what you see is what you mark.

Each story starts from a fresh store (the bundled library, nothing watched) and presses the
keys a fan presses; the list's cursor starts on Daredevil, the first show.
"""

from __future__ import annotations

from textual.app import App
from textual.content import Content
from textual.widgets import OptionList, Static, TabbedContent

from fancompanion.core.models import WatchStatus
from fancompanion.core.store import Store
from fancompanion.tui.screens.news import NewsScreen, TextLoaded
from tests.marks import watch
from tests.tui.library_pilot import (
    DAREDEVIL,
    JESSICA,
    LUKE,
    library_screen,
    list_rows,
    make_app,
    screen_text,
    send_burst,
    shows_list,
    text_of,
)
from tests.tui.screen_harness import settle
from tests.tui.test_library_tracking import cursor_code, cursor_label, row_of, seasons_tree

PUNISHER = "imdb-tt5675620"


def tab(app: App[None]) -> str:
    return library_screen(app).query_one(TabbedContent).active


def focused_id(app: App[None]) -> str:
    return (app.focused.id or "") if app.focused is not None else ""


def overview_name(app: App[None]) -> str:
    return text_of(app, "#overview-name")


async def test_digits_switch_tabs_from_inside_every_tab_and_focus_the_new_tab(
    store: Store,
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2", "enter", "3")  # into the tree, then to Cast
        await settle(pilot)
        assert (tab(app), focused_id(app)) == ("cast", "cast-people")
        await pilot.press("enter", "1")  # a person chosen, then Overview
        await settle(pilot)
        assert (tab(app), focused_id(app)) == ("overview", "overview-tab")
        await pilot.press("4")
        await settle(pilot)
        assert (tab(app), focused_id(app)) == ("news", "news-tab")
        await pilot.press("2")
        await settle(pilot)
        assert (tab(app), focused_id(app)) == ("seasons", "seasons-tree")
        assert cursor_code(app) == "S01E01"
        await pilot.press("down", "space")  # the keys work where the focus landed
        await settle(pilot)
        assert cursor_code(app) == "S01E02"
        assert cursor_label(app).startswith("✓ E02")
        assert row_of(app, "Daredevil")[-1] == "1/39"
        # tab then a digit (the old trap: the detail pane took the focus, the tab stayed)
        await pilot.press("tab")
        assert focused_id(app) == "episode-detail-scroll"
        await pilot.press("3")
        await settle(pilot)
        assert (tab(app), focused_id(app)) == ("cast", "cast-people")
        await pilot.press("2")
        await settle(pilot)
        assert (tab(app), focused_id(app)) == ("seasons", "seasons-tree")
        assert "Watched" in screen_text(app).splitlines()[-1]  # the tree's keys in the footer


async def test_a_show_mention_in_the_news_reader_opens_that_show_on_its_news_tab(
    store: Store,
) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")  # the Seasons tab is built for Daredevil first
        await settle(pilot)
        await pilot.press("n", "down", "enter", "tab", "enter")  # Punisher s2 -> its show
        await settle(pilot)
        assert shows_list(app).current_id == PUNISHER
        assert (tab(app), focused_id(app)) == ("news", "news-tab")
        news = library_screen(app).query_one("#news-tab", OptionList)
        assert "Punisher" in str(news.get_option_at_index(0).prompt)
        await pilot.press("1")
        await settle(pilot)
        assert overview_name(app) == "The Punisher"
        await pilot.press("2", "space")  # marks The Punisher, not Daredevil
        await settle(pilot)
        assert row_of(app, "The Punisher")[-1] == "1/26"
        assert row_of(app, "Daredevil")[-1] == "0/39"
        await pilot.press("w")
        await settle(pilot)
        assert [r for r in list_rows(app) if r.startswith("Watching")] == ["Watching (1)"]
    # the show jumped to is the one the next start opens on
    assert store.user.settings().get("last_show") == PUNISHER


async def test_a_person_mention_opens_cast_with_the_cursor_on_that_person(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("3")  # Cast built for Daredevil
        await settle(pilot)
        # Luke Cage season 2: Show Luke Cage, Show Defenders, then Person Mike Colter
        await pilot.press("n", *["down"] * 4, "enter", "tab", "down", "down", "enter")
        await settle(pilot)
        assert shows_list(app).current_id == LUKE
        assert (tab(app), focused_id(app)) == ("cast", "cast-people")
        people = library_screen(app).query_one("#cast-people", OptionList)
        assert people.highlighted is not None
        assert "Mike Colter" in str(people.get_option_at_index(people.highlighted).prompt)


async def test_keys_sent_in_one_burst_reach_the_mentions_the_enter_opened(store: Store) -> None:
    """A paste, tmux ``send-keys`` or a fast typist: every key is queued before the first is
    handled. ``enter`` must open the item and move the focus before ``tab`` is handled."""
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        send_burst(app, *["down"] * 4, "enter", "tab", "down", "down", "enter")
        await settle(pilot)
        assert shows_list(app).current_id == LUKE
        assert (tab(app), focused_id(app)) == ("cast", "cast-people")


async def test_the_mention_under_the_cursor_stays_when_the_items_text_arrives_late(
    store: Store,
) -> None:
    """A fast ``enter`` ``tab`` ``down``: the stored text (read in a thread) may land after the
    fan moved in the mentions; it fills the body and leaves the cursor where the fan put it."""
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n", *["down"] * 4, "enter", "tab", "down")
        screen = app.screen
        assert isinstance(screen, NewsScreen)
        links = screen.query_one("#reader-links", OptionList)
        assert links.option_count > 2  # there before the text is read
        assert (focused_id(app), links.highlighted) == ("reader-links", 1)
        assert screen.current is not None
        screen.post_message(TextLoaded(screen.current, "Harlem's hero returns."))
        await settle(pilot)
        assert links.highlighted == 1
        body = screen.query_one("#reader-body", Static).content
        assert isinstance(body, Content)
        assert body.plain == "Harlem's hero returns."


async def test_a_jump_to_an_episode_deep_in_a_season_shows_it_on_a_small_terminal(
    store: Store,
) -> None:
    """Up next's enter on Daredevil S01E13 at 80x16 (the tree shows 8 lines): the episode under
    the cursor is on screen, not below the tree's edge."""
    record = store.catalog.record(DAREDEVIL)
    assert record is not None
    first_twelve = [e for e in record.episodes if e.season == 1 and e.number and e.number <= 12]
    watch(store, DAREDEVIL, first_twelve)
    store.user.set_status(DAREDEVIL, WatchStatus.WATCHING)
    app = make_app(store)
    async with app.run_test(size=(80, 16)) as pilot:
        await settle(pilot)
        await pilot.press("down", "u")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert cursor_code(app) == "S01E13"
        tree = seasons_tree(app)
        top, height = tree.scroll_offset.y, tree.scrollable_content_region.height
        assert height < 14  # the season does not fit: the tree had to scroll
        assert top <= tree.cursor_line < top + height


async def test_enter_on_an_up_next_row_lands_on_that_episode_of_that_show(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        # Jessica Jones: Watching, first season watched; the Seasons tab built for Daredevil
        await pilot.press("down", "down", "w", "2")
        await settle(pilot)
        await pilot.press("up", "space")  # from S01E01 to the Season 1 line: the whole season
        await settle(pilot)
        assert row_of(app, "Jessica Jones")[-1] == "13/39"
        await pilot.press("shift+tab", "shift+tab")
        assert focused_id(app) == "shows"
        await pilot.press("down")  # Jessica Jones is first now (Watching): on to Daredevil
        await settle(pilot)
        assert shows_list(app).current_id == DAREDEVIL
        await pilot.press("u", "enter")
        await settle(pilot)
        assert shows_list(app).current_id == JESSICA
        assert (tab(app), focused_id(app)) == ("seasons", "seasons-tree")
        assert cursor_code(app) == "S02E01"
        await pilot.press("space")
        await settle(pilot)
        assert row_of(app, "Jessica Jones")[-1] == "14/39"
        assert row_of(app, "Daredevil")[-1] == "0/39"


async def test_a_show_in_a_persons_work_opens_that_show(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("3", "enter")  # Daredevil's Cast: Charlie Cox, his work
        await settle(pilot)
        work = library_screen(app).query_one("#cast-work", OptionList)
        assert work.has_focus
        names = [str(work.get_option_at_index(i).prompt) for i in range(work.option_count)]
        other = next(i for i, n in enumerate(names) if "(this show)" not in n)
        await pilot.press(*["down"] * other, "enter")
        await settle(pilot)
        assert shows_list(app).current_id != DAREDEVIL
        assert overview_name(app) == "The Defenders"
        assert overview_name(app) in names[other]
        assert (tab(app), focused_id(app)) == ("overview", "overview-tab")


async def test_keys_in_a_stale_pane_never_mark_the_show_left_behind(store: Store) -> None:
    """The list moved on while the pane still shows the old show: its keys do nothing."""
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen = library_screen(app)
        shows_list(app).select(JESSICA)  # the cursor moved; the new show is not read yet
        await pilot.press("space")
        await settle(pilot)
        assert row_of(app, "Daredevil")[-1] == "0/39"
        assert screen.view is not None
        assert screen.view.id == JESSICA
