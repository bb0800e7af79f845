"""Wording and the keys every screen shares: plurals, the help's keys, q quits from a dialog,
esc clears a filter before it leaves, the palette lists shows first."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from fancompanion.core.models import WatchStatus
from fancompanion.core.store import Store
from fancompanion.tui.screens.help import HelpScreen
from fancompanion.tui.screens.news import NewsScreen
from fancompanion.tui.widgets.footer import KeysFooter
from tests.marks import watch
from tests.tui.library_pilot import (
    JESSICA,
    list_rows,
    make_app,
    screen_text,
    send_burst,
    shows_list,
)
from tests.tui.screen_harness import settle


async def test_the_help_lists_moving_keys_and_writes_esc_one_way(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 60)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        keys = [str(label.content) for label in app.screen.query(".help-key").results(Static)]
        for key in ("enter", "tab / shift+tab", "↑ ↓ PgUp PgDn Home End", "ctrl+z", "a", "del"):
            assert key in keys
        assert "escape" not in " ".join(keys)
        assert "esc" in keys
        await pilot.press("q")  # quits from the help too
        await pilot.pause()
    assert not app.is_running


async def test_esc_clears_the_library_filter_from_the_list(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"jess", "enter")
        await settle(pilot)
        assert shows_list(app).visible_ids == [JESSICA]
        await pilot.press("escape")
        await settle(pilot)
        assert len(shows_list(app).visible_ids) == 6
        assert app.screen.query_one("#filter", Input).value == ""


async def test_esc_on_the_news_screen_clears_its_filter_first_then_leaves(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("slash", *"punisher", "enter")
        await settle(pilot)
        news = app.screen
        assert isinstance(news, NewsScreen)
        shown = len(news.news_list.shown)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, NewsScreen)
        assert news.query_one("#news-filter", Input).value == ""
        assert len(news.news_list.shown) > shown
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.screen_stack[0]


async def test_counts_of_one_are_singular_on_the_stats_screen(store: Store) -> None:
    from fancompanion.core.library import Library

    view = Library(store).show(JESSICA)
    assert view is not None
    watch(store, JESSICA, view.record.episodes[:1], at="2026-11-20T20:00:00Z")
    app = make_app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        summary = str(app.screen.query_one("#stats-summary", Static).content)
        assert summary.startswith("1 episode watched, 0 rewatches,")
        assert "in 1 show\n" in summary
        assert "Longest streak: 1 day (" in summary


async def test_up_next_titles_end_in_an_ellipsis_when_cut(store: Store) -> None:
    from fancompanion.core.commands import SetStatus
    from fancompanion.core.library import Library

    Library(store).apply(SetStatus(JESSICA, WatchStatus.WATCHING))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        table = app.screen.query_one("#up-next-table", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        row = next(line for line in screen_text(app).splitlines() if "Jessica" in line)
        assert "S01E01" in row
        assert row.rstrip().endswith(("…", "/39"))


async def test_the_palette_lists_a_show_before_news_about_it(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"iron")
        await settle(pilot)
        await pilot.pause(0.5)
        await settle(pilot)
        text = screen_text(app)
        assert "Iron Fist" in text
        first = next(line for line in text.splitlines() if "Iron Fist" in line)
        lines = text.splitlines()
        news = [i for i, line in enumerate(lines) if "is out today" in line]
        assert not news or lines.index(first) < news[0]
        await pilot.press("enter")
        await settle(pilot)
        assert shows_list(app).current_id is not None
        assert "Iron Fist" in " ".join(list_rows(app))


async def test_the_footer_is_rebuilt_only_when_its_keys_change(store: Store) -> None:
    """Textual asks the footer to recompose after every focus change; it mounts (and styles)
    its keys again only when the keys to show differ (speed: a dozen asks while a tab opens)."""
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeysFooter)
        keys = list(footer.children)
        footer.refresh_bindings()  # nothing changed
        await settle(pilot)
        assert list(footer.children) == keys
        await pilot.press("slash")  # the filter box: its own keys
        await settle(pilot)
        assert isinstance(app.focused, Input)
        assert list(footer.children) != keys


async def test_keys_typed_right_after_q_do_not_crash_the_way_out(store: Store) -> None:
    """`q` then `u` `n` `D` `?` in one burst (typed fast, a paste, tmux send-keys): the app
    ends cleanly instead of building screens while it shuts down (it ended with a traceback
    about the Up next table and exit status 1)."""
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        send_burst(app, "q", "u", "n", "D", "?")  # one read of the terminal
        await pilot.pause(0.3)
    assert app.return_code == 0
