"""The app syncs on start (a notification names the device whose changes arrived) and a few
seconds after the fan changes something, in a worker; with no folder set it does nothing."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from fancompanion.core.commands import SetStatus
from fancompanion.core.library import Library
from fancompanion.core.models import WatchStatus
from fancompanion.core.store import Store
from fancompanion.sync import folder as fs
from fancompanion.sync.engine import Sync
from fancompanion.tui import sync as app_sync
from tests.sync.devices import Device
from tests.tui.library_pilot import JESSICA, make_app
from tests.tui.screen_harness import settle


async def until(condition: object, seconds: float = 30.0) -> bool:
    for _ in range(int(seconds / 0.05)):
        if condition():  # type: ignore[operator]
            return True
        await asyncio.sleep(0.05)
    return False


async def test_changes_from_another_device_arrive_when_the_app_starts_and_ours_go_out(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_sync, "QUIET", 0.2)
    folder = tmp_path / "Sync"
    Sync(Library(store)).init(folder, "desktop")
    laptop = Device(tmp_path / "laptop", folder, "laptop")
    laptop.watch(JESSICA, 1, "2024-01-01T10:00:00Z")
    laptop.run()
    config = laptop.sync.config()
    assert config is not None
    info = fs.device_dir(folder, config.device) / fs.DEVICE_FILE
    info.write_text(info.read_text().replace('"laptop"', '"laptop\\u001b[2J"'))  # untrusted
    app = make_app(store)
    shown: list[str] = []  # every notification (a toast may time out before a slow check)
    notify = app.notify

    def record(message: str, **options: Any) -> None:
        shown.append(message)
        notify(message, **options)

    monkeypatch.setattr(app, "notify", record)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert await until(lambda: "From laptop: 1 new play" in "\n".join(shown))
        assert "\x1b" not in "\n".join(shown)
        assert [m.key for m in store.user.marks(JESSICA)] == ["S1E1"]
        app.library.apply(SetStatus(JESSICA, WatchStatus.WATCHING))
        await pilot.pause()

        def arrived() -> bool:
            laptop.run()
            return laptop.store.user.statuses().get(JESSICA) is WatchStatus.WATCHING

        assert await until(arrived)


async def test_without_a_folder_the_app_does_not_sync(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.syncing.sync is None
        assert not (store.root / "sync").exists()
