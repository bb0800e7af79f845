"""What the app does at start, in the order a fan sees it: the list, then the pane with its
first show, and only then the look for changes since last time (the digest reads the store for
a few hundred milliseconds on a big library and would slow the pane down)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from msgspec.structs import replace

from fancompanion.core.digest import LAST_LOOKED
from fancompanion.core.library import Library, ShowView
from fancompanion.core.opening import open_store
from fancompanion.core.store import Store
from fancompanion.tui.app import FanCompanionApp
from fancompanion.tui.screens.digest import DigestScreen
from tests.tui.library_pilot import JESSICA, make_app, said, send_burst, shows_list
from tests.tui.screen_harness import settle

EARLIER = "2026-11-18T12:00:00Z"


async def until(check: Callable[[], bool], seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        await asyncio.sleep(0.02)
    return check()


def something_new(store: Store) -> None:
    """A fan who last looked a week ago, and a change to one of their shows since."""
    store.user.set_setting(LAST_LOOKED, EARLIER)
    record = store.catalog.record(JESSICA)
    assert record is not None
    moved = tuple(
        replace(e, airdate="2026-11-20") if e.key == "S3E13" else e for e in record.episodes
    )
    store.catalog.put_shows([replace(record, episodes=moved)])


def hold_show_reads(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Every show read waits until the returned event is set (the first show "is being read")."""
    gate = threading.Event()
    read = Library.show

    def held(self: Library, *args: Any, **kwargs: Any) -> ShowView | None:
        gate.wait(20)
        return read(self, *args, **kwargs)

    monkeypatch.setattr(Library, "show", held)
    return gate


async def test_the_look_for_changes_waits_for_the_first_show_on_screen(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    something_new(store)
    gate = hold_show_reads(monkeypatch)
    app = FanCompanionApp(Library(store))  # the real clock: the change log has real times
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until(lambda: shows_list(app).loaded)
        # the first show is being read: long enough for a look started with the list to end
        looked = await until(lambda: store.user.settings().get(LAST_LOOKED) != EARLIER, 1.5)
        assert not looked
        assert not isinstance(app.screen, DigestScreen)
        gate.set()
        assert await until(lambda: isinstance(app.screen, DigestScreen))
        await settle(pilot)
        assert store.user.settings()[LAST_LOOKED] > EARLIER


async def test_a_fan_already_typing_is_offered_the_digest_instead_of_losing_keys_to_it(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in tmux: the digest opened by itself while the fan typed a filter, and the next
    letters ran digest commands (`r` a refresh, `m` "all seen" before it was read). Once a key
    came in, it is offered in a notification instead; `D` opens it."""
    something_new(store)
    gate = hold_show_reads(monkeypatch)
    app = FanCompanionApp(Library(store))
    shown = said(app)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until(lambda: shows_list(app).loaded)
        send_burst(app, "slash", *"jes")  # typing while the first show is still being read
        gate.set()
        offered = "Something changed since you last looked: press D for the digest."
        assert await until(lambda: offered in shown)
        await settle(pilot)
        assert not isinstance(app.screen, DigestScreen)
        assert shows_list(app).filter_text == "jes"  # every letter reached the filter
        assert store.user.settings()[LAST_LOOKED] > EARLIER  # this look counted
        await pilot.press("escape", "D")
        assert await until(lambda: isinstance(app.screen, DigestScreen))


async def test_with_no_show_to_draw_the_look_still_happens(data_dir: Path) -> None:
    store = open_store(data_dir)  # no bundle: nothing in the catalog, no pane to wait for
    store.user.set_setting(LAST_LOOKED, EARLIER)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert await until(lambda: store.user.settings().get(LAST_LOOKED) != EARLIER)
