"""The shows list's scroll range follows the filter: typing never lays out the whole screen
(the list sets its height itself), so the scrollbar and ``end`` must still be right after every
change — more rows than fit, fewer, none, and back."""

from __future__ import annotations

from textual.app import App, ComposeResult

from fancompanion.core.commands import SetSetting
from fancompanion.core.library import Library
from fancompanion.core.models import Show, ShowRecord
from fancompanion.core.store import Store
from fancompanion.tui.screens.pane_control import LAST_SHOW
from fancompanion.tui.widgets.filter_box import FilterInput
from fancompanion.tui.widgets.shows_list import ShowsList
from tests.tui.library_pilot import list_rows, make_app, shows_list, text_of
from tests.tui.screen_harness import settle
from tests.tui.test_shows_filter import summary

SHOWS = [summary(f"Show {n:03}", show_id=f"s{n:03}") for n in range(200)]


class ListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ShowsList(lambda s: (0, s.regular), id="shows")

    def on_mount(self) -> None:
        self.query_one(ShowsList).load(SHOWS, {})


def drawn(shows: ShowsList) -> list[str]:
    return [shows.render_line(y).text.rstrip() for y in range(shows.size.height)]


async def test_the_scroll_range_and_scrollbar_follow_every_filter() -> None:
    app = ListApp()
    async with app.run_test(size=(40, 12)) as pilot:
        shows = app.query_one(ShowsList)
        shows.focus()
        await pilot.pause()
        bars = []
        for query in ("", "show 1", "show 19", "show 001", "zzz", "show 1", ""):
            shows.filter(query)
            await pilot.press("end")
            await pilot.pause()
            count = len(shows.visible_ids)
            bars.append(shows.show_vertical_scrollbar)
            assert shows.show_vertical_scrollbar == (count + 1 > shows.size.height), query
            lines = drawn(shows)
            if not count:
                assert lines[0].strip() == "No show matches"
                continue
            assert shows.current_id == shows.visible_ids[-1]
            name = next(s.name for s in SHOWS if s.id == shows.current_id)
            assert any(line.strip().startswith(name) for line in lines), (query, lines)
            # the scrollbar's width is given back to the rows when it goes, taken when it comes
            assert shows.scrollable_content_region.width == 40 - shows.show_vertical_scrollbar
            assert max(map(len, lines)) <= shows.scrollable_content_region.width
            assert shows.scroll_offset.y == shows.max_scroll_y
        assert bars == [True, True, True, False, False, True, True]


class FilterApp(App[None]):
    def compose(self) -> ComposeResult:
        yield FilterInput(placeholder="/ to filter", id="filter", compact=True)
        yield ShowsList(lambda s: (0, s.regular), id="shows")

    def on_mount(self) -> None:
        self.query_one(ShowsList).load(SHOWS, {})


async def test_typing_in_the_filter_repaints_without_laying_out_the_screen() -> None:
    """Each letter used to lay out the whole screen (the box's and the list's scroll sizes are
    layout attributes); now only the box and the list repaint — and both still show the
    truth: the letters typed, the end of a query longer than the box, the matching rows."""
    app = FilterApp()
    async with app.run_test(size=(24, 12)) as pilot:
        layouts: list[object] = []
        app.screen.screen_layout_refresh_signal.subscribe(app.screen, layouts.append)
        box = app.query_one(FilterInput)
        box.focus()
        await pilot.pause()
        layouts.clear()
        await pilot.press(*"show 1")
        await pilot.pause()
        assert layouts == []
        shows = app.query_one(ShowsList)
        assert shows.filter_text == "show 1"
        assert box.render_line(0).text.startswith("show 1")
        assert drawn(shows)[1].strip().startswith("Show 1")
        await pilot.press(*"9 and more than fits")  # longer than the box: it scrolls
        await pilot.pause()
        assert box.render_line(0).text.rstrip().endswith("than fits")
        assert drawn(shows)[0].strip() == "No show matches"


def add_sixty_shows(store: Store) -> None:
    """More shows than fit: "Zz Show 00" … "Zz Show 59", after the six of the bundle."""
    store.catalog.put_shows(
        [
            ShowRecord(show=Show(id=f"zz{n:02}", name=f"Zz Show {n:02}", premiered="2020-01-01"))
            for n in range(60)
        ]
    )


async def test_the_app_starts_with_the_last_show_looked_at_in_view(store: Store) -> None:
    """The fan looked at a show far down a long list and quit: at the next start the pane
    shows it and the list is scrolled to it, cursor on its row (it stayed at the top, the
    cursor off screen, and the first ``down`` jumped a screen away)."""
    add_sixty_shows(store)
    Library(store).apply(SetSetting(LAST_SHOW, "zz50"))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shows = shows_list(app)
        assert shows.current_id == "zz50"
        assert text_of(app, "#overview-name") == "Zz Show 50"
        assert any(row.startswith("Zz Show 50") for row in list_rows(app)), list_rows(app)
        await pilot.press("down")
        await settle(pilot)
        assert any(row.startswith("Zz Show 51") for row in list_rows(app))
        assert text_of(app, "#overview-name") == "Zz Show 51"


async def test_clearing_the_filter_keeps_the_cursors_show_in_view(store: Store) -> None:
    """`/zz show 50` then `esc`: the whole list comes back with the cursor on Zz Show 50 and the
    list scrolled to it (it stayed at the top: the list could not scroll while the one match
    it had shown needed no scrollbar), and `w` acts on the show the fan sees."""
    add_sixty_shows(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zz show 50")
        await pilot.press("escape")
        await settle(pilot)
        assert shows_list(app).filter_text == ""
        assert shows_list(app).current_id == "zz50"
        assert any(row.startswith("Zz Show 50") for row in list_rows(app)), list_rows(app)
        assert text_of(app, "#overview-name") == "Zz Show 50"
