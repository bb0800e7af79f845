"""The spoiler shield and the digest, told as a fan meets them in the app (issue 16)."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import OptionList

from fancompanion.core.digest import LAST_LOOKED
from fancompanion.core.library import Library
from fancompanion.core.models import WatchStatus
from fancompanion.core.store import Store
from fancompanion.tui.app import FanCompanionApp
from fancompanion.tui.screens.digest import DigestScreen
from fancompanion.tui.screens.library import LibraryScreen
from fancompanion.tui.screens.news import NewsScreen
from fancompanion.tui.widgets.news_list import NewsList
from fancompanion.tui.widgets.show_news import ShowNews
from tests.marks import watch
from tests.tui.library_pilot import (
    DAREDEVIL,
    JESSICA,
    make_app,
    said_titled,
    screen_text,
    select,
)
from tests.tui.screen_harness import SnapCompare, local_time_utc, settle
from tests.tui.test_library_tracking import cursor_code

SEASON_3 = "bundle-014"
SEASON_2 = "bundle-009"
SEASON_1 = "bundle-003"
BEYOND_S01E08 = "Spoiler shield · Jessica Jones · beyond S01E08"


def watched_up_to(store: Store, count: int) -> None:
    record = store.catalog.record(JESSICA)
    assert record is not None
    watch(store, JESSICA, record.episodes[:count])
    store.user.set_status(JESSICA, WatchStatus.WATCHING)


def row(screen: NewsScreen, news_id: str) -> str:
    prompt = screen.news_list.get_option(news_id).prompt
    return getattr(prompt, "plain", str(prompt))


def tab_rows(app: FanCompanionApp) -> list[str]:
    news = app.screen_stack[0].query_one(ShowNews)
    return [getattr(o.prompt, "plain", str(o.prompt)) for o in news.options]


async def news_screen(pilot: Pilot[None]) -> NewsScreen:
    await pilot.press("n")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, NewsScreen)
    return screen


async def test_news_screen_shields_reveals_and_lifts(store: Store) -> None:
    watched_up_to(store, 7)
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await news_screen(pilot)
        assert row(screen, SEASON_3).startswith(f"• {BEYOND_S01E08}")
        assert "2019-06-14" in row(screen, SEASON_3)  # date and source kept
        assert row(screen, SEASON_2).startswith(f"• {BEYOND_S01E08}")
        assert "season 1 is out today" in row(screen, SEASON_1)
        assert "Daredevil season 3 is out today" in screen_text(app) or "Daredevil season 3" in (
            row(screen, "bundle-012")
        )

        # the reader shows no title and no text while hidden, and reading does not mark it read
        screen.news_list.select_id(SEASON_3)
        await pilot.press("enter")
        await settle(pilot)
        shown = screen_text(app)
        assert "The third season of Jessica Jones" not in shown
        assert "Press s to read it anyway" in shown
        assert SEASON_3 not in store.user.read_ids()

        # s reveals it (from the reader, where enter left the focus)
        await pilot.press("s")
        await settle(pilot)
        assert "Jessica Jones season 3 is out today" in row(screen, SEASON_3)
        assert "The third season of Jessica Jones" in screen_text(app)
        assert SEASON_3 in store.user.read_ids()
        assert row(screen, SEASON_2).startswith(f"• {BEYOND_S01E08}")  # only that one

    # the fan finishes season 1: season 2 opens by itself, season 3 stays shielded
    watched_up_to(store, 13)
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await news_screen(pilot)
        assert "Jessica Jones season 2 is out today" in row(screen, SEASON_2)
        assert "Spoiler shield · Jessica Jones · beyond S02E01" in row(screen, SEASON_3)


async def test_news_tab_shields_and_s_reveals_from_inside_the_tab(store: Store) -> None:
    watched_up_to(store, 7)
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await select(pilot, JESSICA, "news")  # a jump to a tab puts the focus in it
        rows = tab_rows(app)
        assert any(BEYOND_S01E08 in r for r in rows)
        assert not any("season 3 is out today" in r for r in rows)
        tab = app.screen_stack[0].query_one(ShowNews)
        assert app.focused is tab
        tab.highlighted = next(i for i, r in enumerate(rows) if "2019-06-14" in r)
        await pilot.press("s")
        await settle(pilot)
        assert any("Jessica Jones season 3 is out today" in r for r in tab_rows(app))
        # revealed in the tab, revealed on the News screen too (the same run of the app)
        screen = await news_screen(pilot)
        assert "Jessica Jones season 3 is out today" in row(screen, SEASON_3)


async def test_a_show_not_started_is_never_shielded_and_the_setting_turns_it_off(
    store: Store,
) -> None:
    watched_up_to(store, 7)
    store.user.set_setting("news_shield_off", [JESSICA])
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await select(pilot, DAREDEVIL, "news")
        assert not any("Spoiler shield" in r for r in tab_rows(app))
        screen = await news_screen(pilot)
        assert "Jessica Jones season 3 is out today" in row(screen, SEASON_3)


async def test_palette_shows_the_shield_label_not_the_title(store: Store) -> None:
    watched_up_to(store, 7)
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"season 3 is out")
        await pilot.pause(0.5)
        await settle(pilot)
        shown = screen_text(app)
        assert "Daredevil season 3 is out today" in shown
        assert "Jessica Jones season 3 is out today" not in shown
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.press(*"spoiler shield")
        await pilot.pause(0.5)
        await settle(pilot)
        assert "beyond S01E08" in screen_text(app)


def digest_lines(app: FanCompanionApp) -> list[str]:
    lines = app.screen.query_one("#digest-lines", OptionList)
    return [getattr(o.prompt, "plain", str(o.prompt)) for o in lines.options]


def looked_before(store: Store) -> None:
    """A fan who last looked a week before "now", with news since then."""
    watched_up_to(store, 7)
    store.user.set_setting(LAST_LOOKED, "2026-11-18T12:00:00Z")


async def test_the_digest_opens_at_start_when_something_is_new(store: Store) -> None:
    looked_before(store)
    record = store.catalog.record(JESSICA)
    assert record is not None
    # a refresh logged a change since the last look
    from msgspec.structs import replace

    moved = tuple(
        replace(e, airdate="2026-11-20") if e.key == "S3E13" else e for e in record.episodes
    )
    store.catalog.put_shows([replace(record, episodes=moved)])
    app = FanCompanionApp(Library(store))  # the real clock: the change log has real times
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, DigestScreen)
        lines = digest_lines(app)
        assert "Changes to your shows" in lines
        assert (
            "  Jessica Jones · S03E13 (A.K.A Everything) moved from 2019-06-14 to 2026-11-20"
            in lines
        )
        assert store.user.settings()[LAST_LOOKED] > "2026-11-18T12:00:00Z"  # this look counted

        # enter on the change goes to the show's Seasons tab, on the episode that moved
        await pilot.press("enter")
        await settle(pilot)
        library: object = app.screen
        assert isinstance(library, LibraryScreen)
        assert library.view is not None
        assert library.view.id == JESSICA
        assert cursor_code(app) == "S03E13"

        # D from inside a tab brings the digest back, m marks it all seen
        await select(pilot, JESSICA, "news")
        await pilot.press("enter")
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, DigestScreen)
        await pilot.press("m")
        await settle(pilot)
        assert "Nothing new since" in screen_text(app)
        await pilot.press("escape", "D")
        await settle(pilot)
        assert "Nothing new since" in screen_text(app)


async def test_no_digest_at_start_when_turned_off_or_on_first_start(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:  # first start ever
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
    assert store.user.settings()[LAST_LOOKED] == "2026-11-25T12:00:00Z"

    store.user.set_setting(LAST_LOOKED, "2015-01-01T00:00:00Z")  # years of news since
    store.user.set_setting("digest_on_start", False)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("D")  # still there on demand, since the previous look
        await settle(pilot)
        shown: object = app.screen
        assert isinstance(shown, DigestScreen)
        lines = shown.query_one("#digest-lines", OptionList)
        texts = [getattr(o.prompt, "plain", "") for o in lines.options]
        assert "Unread news" in texts
        # news lines jump to the news screen on that item
        lines.highlighted = next(i for i, t in enumerate(texts) if "Daredevil season 3" in t)
        await pilot.press("enter")
        await settle(pilot)
        news: object = app.screen
        assert isinstance(news, NewsScreen)
        assert news.current is not None
        assert news.current.id == "bundle-012"


def test_digest_snapshot_80x24(store: Store, snap_compare: SnapCompare) -> None:
    looked_before(store)
    store.user.set_setting(LAST_LOOKED, "2015-01-01T00:00:00Z")

    async def settled(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await settle(pilot)

    with local_time_utc():
        assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=settled)


def test_news_screen_shield_snapshot_80x24(store: Store, snap_compare: SnapCompare) -> None:
    watched_up_to(store, 7)

    async def opened(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, NewsScreen)
        screen.query_one(NewsList).select_id(SEASON_3)
        await settle(pilot)

    with local_time_utc():
        assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=opened)


def test_news_tab_shield_snapshot_80x24(store: Store, snap_compare: SnapCompare) -> None:
    """Jessica Jones' News tab for a fan at S01E07: the season 2 and 3 items shielded."""
    watched_up_to(store, 7)

    async def opened(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await select(pilot, JESSICA, "news")
        await settle(pilot)
        assert any(BEYOND_S01E08 in r for r in tab_rows(pilot.app))  # type: ignore[arg-type]

    with local_time_utc():
        assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=opened)


async def test_m_on_a_shielded_item_names_it_by_the_shield_label_through_undo_and_redo(
    store: Store,
) -> None:
    """`m` on a hidden item, then ctrl+z and ctrl+y: each notification is titled with the
    shield's label, as the row reads, never with the headline it hides."""
    store.user.set_status(DAREDEVIL, WatchStatus.WATCHING)  # nothing watched yet
    app = make_app(store)
    told = said_titled(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await news_screen(pilot)
        await pilot.press("slash", *"daredevil", "enter")
        await settle(pilot)
        first = screen.news_list.shown[0]
        label = "Spoiler shield · Daredevil · beyond S01E01"
        assert row(screen, first).startswith(f"• {label}")
        headline = next(i.title for i in store.catalog.news() if i.id == first)
        for key, done in (("m", "Marked"), ("ctrl+z", "Undone"), ("ctrl+y", "Redone")):
            await pilot.press(key)
            for _ in range(100):  # saved in a worker
                if any(done in m for m in told):
                    break
                await pilot.pause(0.05)
            [message] = [m for m in told if done in m]
            assert message.startswith(f"{label}: {done}"), message
        assert not any(headline in m for m in told), told
