"""A tab's digit and the keys after it sent at once (tmux ``send-keys``, a paste, a fast
typist): the keys after the digit act inside the tab it opened, as they do one at a time.

Each story starts on Daredevil's Overview in the bundled library with nothing watched.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual.app import App

from fancompanion.core.store import Store
from fancompanion.tui.screens.news import NewsScreen
from tests.tui.library_pilot import make_app, send_burst
from tests.tui.screen_harness import settle
from tests.tui.test_keys_and_jumps import focused_id, tab
from tests.tui.test_library_tracking import cursor_code, cursor_label, row_of


@asynccontextmanager
async def after_burst(store: Store, *keys: str) -> AsyncIterator[App[None]]:
    """The app at 80x24 once ``keys`` were sent at once from the Overview and handled."""
    app: App[None] = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        send_burst(app, *keys)
        await settle(pilot)
        yield app


async def test_space_sent_with_2_marks_the_first_episode(store: Store) -> None:
    async with after_burst(store, "2", "space") as app:
        assert (tab(app), focused_id(app)) == ("seasons", "seasons-tree")
        assert cursor_label(app).startswith("✓ E01")
        assert row_of(app, "Daredevil")[-1] == "1/39"


async def test_down_and_space_sent_with_2_mark_the_second_episode(store: Store) -> None:
    async with after_burst(store, "2", "down", "space") as app:
        assert cursor_code(app) == "S01E02"
        assert cursor_label(app).startswith("✓ E02")
        assert row_of(app, "Daredevil")[-1] == "1/39"


async def test_enter_sent_with_3_chooses_the_first_person(store: Store) -> None:
    """The Cast tab is built the first time it is shown: ``enter`` waits for it (it went to
    the shows list and only focused the tab)."""
    async with after_burst(store, "3", "enter") as app:
        assert (tab(app), focused_id(app)) == ("cast", "cast-work")


async def test_enter_sent_with_4_opens_the_first_news_item(store: Store) -> None:
    """The News tab is built, then its items read in a thread: ``enter`` opens the first once
    they are there (it was lost on the shows list, then on "Reading news…")."""
    async with after_burst(store, "4", "enter") as app:
        assert isinstance(app.screen, NewsScreen)
