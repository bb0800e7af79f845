"""The news screen, told as a fan uses it: read offline, sort, filter, follow a link."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from fancompanion.core.library import Library
from fancompanion.core.models import Feed, NewsItem
from fancompanion.core.store import Store
from fancompanion.tui import compat
from fancompanion.tui.screens.news import NewsScreen
from tests.tui.library_pilot import JESSICA, make_app, screen_text, send_burst
from tests.tui.screen_harness import HarnessApp, SnapCompare, local_time, local_time_utc, settle

HOSTILE_TITLE = '[bold]x[/] [@click=app.quit]Quit[/] [link="file:///etc/passwd"]x[/] [/]'
HOSTILE_BODY = "Body [@click=app.quit]Quit[/] and [bold]bold[/] and [/] unbalanced."


async def open_news(pilot: Pilot[None], library: Library) -> NewsScreen:
    screen = NewsScreen(library)
    await pilot.app.push_screen(screen)
    await settle(pilot)
    return screen


def plain(widget: Static) -> str:
    content = widget.content
    assert isinstance(content, Content)
    return content.plain


def row_titles(screen: NewsScreen) -> list[str]:
    news = screen.news_list
    return [news.item(i).title for i in news.shown]  # type: ignore[union-attr]


def row_text(screen: NewsScreen, news_id: str) -> str:
    news = screen.news_list
    prompt = news.get_option(news_id).prompt
    assert isinstance(prompt, Content)
    return prompt.plain


async def test_reading_an_item_offline_marks_it_read_for_good(
    library: Library, data_dir: Path
) -> None:
    app = HarnessApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_news(pilot, library)
        assert row_text(screen, "bundle-003").startswith("• ")
        screen.news_list.select_id("bundle-003")
        await pilot.press("enter")
        await settle(pilot)

        assert plain(screen.query_one("#reader-title", Static)).startswith(
            "Jessica Jones season 1 is out today"
        )
        assert library.news_text("bundle-003")[:40] in plain(
            screen.query_one("#reader-body", Static)
        )
        assert not row_text(screen, "bundle-003").startswith("•")
    assert "bundle-003" in Store(data_dir).user.read_ids()


async def test_m_marks_an_item_unread_again(library: Library, data_dir: Path) -> None:
    library.set_read("bundle-002")
    app = HarnessApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_news(pilot, library)
        screen.news_list.select_id("bundle-002")
        await pilot.press("enter")
        await pilot.press("m")
        await settle(pilot)
        assert row_text(screen, "bundle-002").startswith("• ")
    assert "bundle-002" not in Store(data_dir).user.read_ids()


async def test_unread_come_first_and_t_sorts_by_date(library: Library) -> None:
    newest_first = [n.title for n in library.news()]
    library.set_read(library.news()[0].id)
    app = HarnessApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_news(pilot, library)
        assert row_titles(screen)[-1] == newest_first[0]  # read: sinks to the bottom
        await pilot.press("t")
        assert row_titles(screen) == newest_first
        assert screen.news_list.border_title == "Newest first"
        await pilot.press("t")
        assert row_titles(screen)[-1] == newest_first[0]


async def test_filter_narrows_the_list_as_you_type(library: Library) -> None:
    app = HarnessApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_news(pilot, library)
        await pilot.press("slash", *"punisher")
        assert row_titles(screen) == [
            "The Punisher season 2 is out today on Netflix",
            "The Punisher season 1 is out today on Netflix",
        ]
        await pilot.press("enter")  # back to the list
        assert screen.focused is screen.news_list


async def test_a_linked_show_jumps_to_its_news_tab(library: Library) -> None:
    app = HarnessApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_news(pilot, library)
        screen.news_list.select_id("bundle-005")  # Luke Cage season 1
        await pilot.press("enter")
        await settle(pilot)
        links = screen.query_one("#reader-links", OptionList)
        assert links.get_option_at_index(0).id == "show:imdb-tt3322314"
        links.focus()
        links.highlighted = 0
        await pilot.press("enter")
        assert app.opened_shows == [("imdb-tt3322314", "news")]


async def test_a_linked_person_opens_a_show_they_are_in_at_the_cast_tab(
    library: Library,
) -> None:
    app = HarnessApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_news(pilot, library)
        screen.select("bundle-005")
        await settle(pilot)
        links = screen.query_one("#reader-links", OptionList)
        ids = [links.get_option_at_index(i).id for i in range(links.option_count)]
        links.focus()
        links.highlighted = ids.index("person:name-mike-colter")
        await pilot.press("enter")
        await settle(pilot)
        assert app.opened_shows == [("imdb-tt3322314", "cast")]


async def test_o_opens_only_web_links_and_says_when_there_is_none(
    library: Library, store: Store
) -> None:
    store.catalog.put_news(
        [
            (
                NewsItem("web-1", "feed", "Trailer", url="https://example.org/trailer"),
                "Text.",
            )
        ]
    )
    app = HarnessApp(library)
    opened: list[str] = []
    app.open_url = lambda url, *, new_tab=True: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_news(pilot, library)
        screen.select("bundle-001")  # bundled notes have no web link
        await settle(pilot)
        await pilot.press("o")
        assert opened == []
        assert any("no web link" in n.message for n in compat.notifications(app))
        screen.select("web-1")
        await settle(pilot)
        await pilot.press("o")
        assert opened == ["https://example.org/trailer"]


async def test_hostile_news_text_is_shown_literally_and_does_nothing(
    library: Library, store: Store
) -> None:
    store.catalog.put_news([(NewsItem("evil", "feed", HOSTILE_TITLE, source="[b]x"), HOSTILE_BODY)])
    app = HarnessApp(library)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_news(pilot, library)
        screen.news_list.select_id("evil")
        await pilot.press("enter")
        await settle(pilot)
        assert plain(screen.query_one("#reader-title", Static)) == HOSTILE_TITLE
        assert plain(screen.query_one("#reader-body", Static)) == HOSTILE_BODY
        assert HOSTILE_TITLE in row_text(screen, "evil")
        await pilot.click("#reader-title")
        await pilot.press("t")
        assert app.is_running
        assert app.screen is screen


class TestNewsScreenSnapshots:
    """How the news screen looks with an item open, narrow and wide."""

    @staticmethod
    def app_with_item_open(
        library: Library,
    ) -> tuple[HarnessApp, Callable[[Pilot[None]], Awaitable[None]]]:
        app = HarnessApp(library)

        async def run_before(pilot: Pilot[None]) -> None:
            screen = await open_news(pilot, library)
            screen.select("bundle-005")
            await settle(pilot)

        return app, run_before

    def test_80x24(self, library: Library, snap_compare: SnapCompare) -> None:
        app, run_before = self.app_with_item_open(library)
        with local_time_utc():
            assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)

    def test_160x48(self, library: Library, snap_compare: SnapCompare) -> None:
        app, run_before = self.app_with_item_open(library)
        with local_time_utc():
            assert snap_compare(app, terminal_size=(160, 48), run_before=run_before)


async def test_in_the_app_n_opens_news_and_a_linked_show_returns_to_the_library(
    library: Library,
) -> None:
    from fancompanion.tui.app import FanCompanionApp
    from fancompanion.tui.screens.library import LibraryScreen
    from fancompanion.tui.widgets.show_pane import ShowPane
    from fancompanion.tui.widgets.shows_list import ShowsList

    app = FanCompanionApp(library, clock=lambda: "2030-01-01T00:00:00Z")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NewsScreen)
        screen.select("bundle-005")
        await settle(pilot)
        links = screen.query_one("#reader-links", OptionList)
        links.focus()
        links.highlighted = 0  # Luke Cage
        await pilot.press("enter")
        await settle(pilot)
        library_screen = app.screen
        assert isinstance(library_screen, LibraryScreen)
        assert library_screen.query_one(ShowsList).current_id == "imdb-tt3322314"
        assert library_screen.query_one(ShowPane).active == "news"
    assert "bundle-005" in library.read_ids()


async def test_a_feed_that_failed_is_named_with_its_error(library: Library) -> None:
    store = library.store
    store.user.put_feed(Feed(url="https://example.org/feed", title="Example News", enabled=True))
    store.catalog.put_feed_state(
        Feed(url="https://example.org/feed", last_error="HTTP 500 from example.org")
    )
    store.user.put_feed(Feed(url="https://off.example/feed", title="Switched off", enabled=False))
    store.catalog.put_feed_state(Feed(url="https://off.example/feed", last_error="HTTP 404"))
    app = HarnessApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_news(pilot, library)
        panel = screen.query_one("#feed-errors", Static)
        assert panel.display
        assert plain(panel) == "⚠ Example News: HTTP 500 from example.org"


async def test_no_feed_errors_no_panel(library: Library) -> None:
    app = HarnessApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_news(pilot, library)
        assert not screen.query_one("#feed-errors", Static).display


def drawn_row(app: App[None], title: str) -> str:
    """A row of the News screen's list as drawn: title, then date and source."""
    screen = app.screen
    assert isinstance(screen, NewsScreen)
    news = screen.news_list
    prompts = (str(news.get_option_at_index(i).prompt) for i in range(news.option_count))
    return " ".join(next(p for p in prompts if title in p).split())


@pytest.mark.parametrize("zone", ["UTC", "America/Los_Angeles"])
async def test_a_date_only_item_shows_that_date_in_every_time_zone(store: Store, zone: str) -> None:
    """Published "2024-03-01" (no time): the list, the reader and the show's News tab say
    2024-03-01 — no invented 00:00, no day before west of Greenwich — while an item with a time
    is shown in local time (so the zone really is in use)."""
    store.catalog.put_news(
        [
            (
                NewsItem(
                    "dated", "feed", "Cast interview", published="2024-03-01", show_ids=(JESSICA,)
                ),
                "Text.",
            ),
            (NewsItem("timed", "feed", "Set visit", published="2024-03-01T03:00:00Z"), "Text."),
        ]
    )
    timed = "2024-03-01 03:00" if zone == "UTC" else "2024-02-29 19:00"
    with local_time(zone):
        app = make_app(store)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("n", "slash", *"interview", "enter")
            await settle(pilot)
            row = drawn_row(app, "Cast interview")
            assert "2024-03-01" in row
            assert "00:00" not in row
            assert "2024-02-29" not in row
            await pilot.press("enter")
            await settle(pilot)
            meta = plain(app.screen.query_one("#reader-meta", Static))
            assert "2024-03-01" in meta
            assert "00:00" not in meta
            assert "2024-02-29" not in meta
            await pilot.press("escape", "slash", *"set visit", "enter", "enter")
            await settle(pilot)
            assert timed in plain(app.screen.query_one("#reader-meta", Static))
            await pilot.press("escape", "escape")  # the filter, then the screen
            await settle(pilot)
            await pilot.press("down", "down", "4")  # Jessica Jones, News tab
            await settle(pilot)
            row = next(r for r in screen_text(app).splitlines() if "Cast interview" in r)
            assert "2024-03-01" in row
            assert "00:00" not in row
            assert "2024-02-29" not in row


async def test_the_bundled_notes_are_dated_by_day_west_of_greenwich(store: Store) -> None:
    """A fresh start in Los Angeles: "Luke Cage season 2 is out today" (22 June 2018) says
    2018-06-22 in the list and the reader, not 2018-06-21 17:00."""
    with local_time("America/Los_Angeles"):
        app = make_app(store)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("n", "slash", *"luke cage season 2", "enter")
            await settle(pilot)
            assert "2018-06-22" in drawn_row(app, "Luke Cage season 2")
            await pilot.press("enter")
            await settle(pilot)
            meta = plain(app.screen.query_one("#reader-meta", Static))
            assert "2018-06-22" in meta
            assert "2018-06-21" not in meta
            assert "00:00" not in meta


async def test_filter_keys_sent_in_one_burst_reach_the_box_then_the_list(store: Store) -> None:
    """`/punisher`, `enter`, `m` at once (tmux send-keys, a paste): every letter reaches the
    box, `enter` goes back to the list while it is handled, and `m` marks the first item the
    filter left read (the letters were lost and `m` was typed into the box)."""
    from textual.widgets import Input

    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NewsScreen)
        send_burst(app, "slash", *"punisher", "enter", "m")
        await settle(pilot)
        assert screen.query_one("#news-filter", Input).value == "punisher"
        assert screen.focused is screen.news_list
        assert len(row_titles(screen)) == 2  # the two Punisher items
        for _ in range(100):  # saved in a worker
            if store.user.read_ids():
                break
            await pilot.pause(0.05)
        [marked] = store.user.read_ids()  # the first row: the newest
        assert library_item_title(store, marked) == "The Punisher season 2 is out today on Netflix"


def library_item_title(store: Store, news_id: str) -> str:
    return next(item.title for item in store.catalog.news() if item.id == news_id)


async def test_n_and_the_filter_keys_in_one_burst_filter_then_mark(store: Store) -> None:
    """`n/punisher` `enter` `m` at once from the library: the News screen opens with the
    focus on its list, so `/` opens the box (it was typed into the box, which read
    "/punisher", matched nothing, and `m` did nothing)."""
    from textual.widgets import Input

    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        send_burst(app, "n", "slash", *"punisher", "enter", "m")
        for _ in range(100):  # the list loads and the mark is saved in workers
            await settle(pilot)
            if store.user.read_ids():
                break
            await pilot.pause(0.05)
        screen = app.screen
        assert isinstance(screen, NewsScreen)
        assert screen.query_one("#news-filter", Input).value == "punisher"
        assert len(row_titles(screen)) == 2  # the two Punisher items
        [marked] = store.user.read_ids()  # the first row: the newest
        assert library_item_title(store, marked) == "The Punisher season 2 is out today on Netflix"


async def test_m_with_nothing_shown_marks_nothing(store: Store) -> None:
    """Read "Iron Fist season 2", then filter to nothing (0 shown): `m` says to select an
    item first and leaves the item in the reader, no longer in the list, as it was."""
    from tests.tui.library_pilot import said

    app = make_app(store)
    told = said(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NewsScreen)
        await pilot.press("slash", *"iron fist season 2", "enter", "enter")
        await settle(pilot)
        assert screen.current is not None
        assert screen.current.title.startswith("Iron Fist season 2")
        read = store.user.read_ids()
        assert screen.current.id in read  # opening it read it
        await pilot.press("slash", *"zzz", "enter")
        await settle(pilot)
        assert row_titles(screen) == []
        await pilot.press("m")
        await settle(pilot)
        assert "Select a news item first." in told
        assert store.user.read_ids() == read  # (settle waited for any saving worker)
