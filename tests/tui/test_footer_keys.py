"""Every screen's footer at 80 columns shows whole keys only: a key that does not fit is left out
whole (never `r Re▏`), and `?` (help) is always there."""

from __future__ import annotations

import re

import pytest
from textual.app import App

from fancompanion.core.store import Store
from tests.tui.library_pilot import JESSICA, make_app, screen_text
from tests.tui.screen_harness import settle


def footer_pieces(app: App[None]) -> list[str]:
    """The footer row as drawn, cut into its keys (`key Description`)."""
    row = screen_text(app).rstrip("\n").splitlines()[-1]
    return [piece.strip() for piece in re.split(r"\s{2,}|▏", row) if piece.strip()]


def whole_keys(app: App[None]) -> set[str]:
    """Every key the screen could show in its footer, written whole."""
    keys = {
        f"{app.get_key_display(active.binding)} {active.binding.description}"
        for active in app.screen.active_bindings.values()
        if active.binding.show
    }
    return keys | {"^p palette"}


@pytest.mark.parametrize(
    "keys",
    [
        (),  # the library, from the shows list
        ("2", "enter"),  # inside Seasons
        ("3",),
        ("4",),
        ("n",),
        ("u",),
        ("S",),
        ("D",),
    ],
    ids=["library", "seasons", "cast", "news-tab", "news", "up-next", "stats", "digest"],
)
async def test_the_footer_shows_only_whole_keys_at_80_columns(
    store: Store, keys: tuple[str, ...]
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        pieces = footer_pieces(app)
        whole = whole_keys(app)
        assert [p for p in pieces if p not in whole] == []
        assert "? Help" in pieces


async def test_up_next_and_the_digest_show_what_enter_does(store: Store) -> None:
    """Their lists' own `enter` is hidden in Textual; ours says where it goes."""
    from fancompanion.core.digest import LAST_LOOKED
    from fancompanion.core.models import WatchStatus
    from tests.marks import watch

    record = store.catalog.record(JESSICA)
    assert record is not None
    watch(store, record.show.id, record.episodes[:1])
    store.user.set_status(JESSICA, WatchStatus.WATCHING)
    store.user.set_setting(LAST_LOOKED, "2015-01-01T00:00:00Z")  # years of news since
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "u")  # the digest opened at start: back, then Up next
        await settle(pilot)
        assert "⏎ Open show" in footer_pieces(app)
        await pilot.press("D")
        await settle(pilot)
        assert "⏎ Go there" in footer_pieces(app)


async def test_inside_cast_and_news_tabs_the_footer_says_what_their_keys_do(store: Store) -> None:
    """From inside Cast & Crew and News (as inside Seasons) the footer lists the tab's own keys
    first, and they do what it says (it listed only the library's keys there)."""
    from fancompanion.tui.screens.news import NewsScreen
    from tests.tui.library_pilot import text_of

    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")  # into Cast & Crew, on Daredevil's first actor
        await settle(pilot)
        assert footer_pieces(app)[0] == "⏎ Their work"
        await pilot.press("enter")  # their work, listed below, gets the focus
        await settle(pilot)
        assert footer_pieces(app)[0] == "⏎ Open show"
        await pilot.press("down", "enter")  # the other show they are in
        await settle(pilot)
        assert text_of(app, "#overview-name") == "The Defenders"
        await pilot.press("4")  # into The Defenders' news
        await settle(pilot)
        assert footer_pieces(app)[:2] == ["⏎ Open", "s Reveal"]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, NewsScreen)
