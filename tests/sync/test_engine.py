"""Sync end to end on simulated devices (separate data dirs, one shared folder)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from fancompanion.core.commands import SetSetting
from fancompanion.core.models import WatchStatus
from fancompanion.sync import folder as fs
from fancompanion.sync.engine import SyncError
from tests.sync.devices import DAY_MS, Device

T1, T2, T3 = "2024-01-01T10:00:00Z", "2024-02-01T10:00:00Z", "2024-03-01T10:00:00Z"
SHOW = "tvmaze-1"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Device, Device]:
    folder = tmp_path / "Sync"
    return Device(tmp_path / "a", folder, "laptop"), Device(tmp_path / "b", folder, "desktop")


def test_marks_made_before_sync_and_after_reach_the_other_device(
    pair: tuple[Device, Device],
) -> None:
    laptop, desktop = pair
    laptop.watch(SHOW, 1, T1)  # history from before sync was set up
    laptop.run()
    outcome = desktop.run()
    assert desktop.plays() == {(SHOW, "S1E1"): (1, T1, T1)}
    assert outcome.changed == 1
    assert outcome.line() == "From laptop: 1 new play"
    desktop.rewatch(SHOW, 1, T2)
    desktop.run()
    laptop.run()
    assert laptop.plays() == {(SHOW, "S1E1"): (2, T1, T2)}


def test_a_play_recorded_on_both_while_apart_counts_twice(pair: tuple[Device, Device]) -> None:
    laptop, desktop = pair
    laptop.watch(SHOW, 1, T1)
    laptop.run()
    desktop.run()
    laptop.rewatch(SHOW, 1, T2)
    desktop.rewatch(SHOW, 1, T3)
    for device in (laptop, desktop, laptop):
        device.run()
    assert laptop.plays() == desktop.plays() == {(SHOW, "S1E1"): (3, T1, T3)}


def test_an_unmark_removes_only_the_plays_it_saw(pair: tuple[Device, Device]) -> None:
    laptop, desktop = pair
    laptop.watch(SHOW, 1, T1)
    laptop.run()
    desktop.run()
    laptop.unwatch(SHOW, 1)  # the fan unmarks on the laptop...
    desktop.rewatch(SHOW, 1, T2)  # ...while watching it again on the desktop
    for device in (laptop, desktop, laptop):
        device.run()
    assert laptop.plays() == desktop.plays() == {(SHOW, "S1E1"): (1, T2, T2)}


def test_an_unmark_seen_everywhere_stays_unmarked(pair: tuple[Device, Device]) -> None:
    laptop, desktop = pair
    laptop.watch(SHOW, 1, T1)
    laptop.watch(SHOW, 2, T1)
    laptop.run()
    desktop.run()
    desktop.unwatch(SHOW, 1)
    desktop.run()
    laptop.run()
    laptop.run()
    desktop.run()
    assert laptop.plays() == desktop.plays() == {(SHOW, "S1E2"): (1, T1, T1)}


def test_the_same_history_on_both_before_sync_is_not_doubled(
    pair: tuple[Device, Device],
) -> None:
    laptop, desktop = pair
    for device in pair:  # a copied data dir, or the same import on both
        device.watch(SHOW, 1, T1)
        device.rewatch(SHOW, 1, T2)
    laptop.run()
    desktop.run()
    laptop.run()
    assert laptop.plays() == desktop.plays() == {(SHOW, "S1E1"): (2, T1, T2)}


def test_status_last_writer_wins_and_a_skewed_clock_does_not_win_forever(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "Sync"
    fast = Device(tmp_path / "a", folder, "fast", skew_ms=DAY_MS)  # a day ahead
    right = Device(tmp_path / "b", folder, "right")
    right.set_status(SHOW, WatchStatus.WATCHING)
    fast.set_status(SHOW, WatchStatus.DROPPED)  # concurrent: the day-ahead stamp wins
    for device in (right, fast, right):
        device.run()
    assert right.store.user.statuses()[SHOW] is WatchStatus.DROPPED
    right.set_status(SHOW, WatchStatus.COMPLETED)  # made after seeing it: this one wins
    right.run()
    fast.run()
    assert fast.store.user.statuses()[SHOW] is WatchStatus.COMPLETED
    assert right.store.user.statuses()[SHOW] is WatchStatus.COMPLETED


def test_read_marks_and_settings_travel_but_credentials_do_not(
    pair: tuple[Device, Device],
) -> None:
    laptop, desktop = pair
    laptop.set_read("news-1", True)
    laptop.library.apply(SetSetting("hide_spoilers", True))
    laptop.library.apply(SetSetting("tvmaze_api_token", "s3cret"))
    laptop.library.apply(SetSetting("last_show", "tvmaze-1"))  # where this screen was
    laptop.run()
    desktop.run()
    assert desktop.store.user.read_ids() == {"news-1"}
    assert desktop.store.user.settings() == {"hide_spoilers": True}
    everything = b"".join(p.read_bytes() for p in (laptop.sync.config().folder).rglob("*.jsonl"))  # type: ignore[union-attr]
    assert b"s3cret" not in everything
    desktop.set_read("news-1", False)
    desktop.run()
    laptop.run()
    assert laptop.store.user.read_ids() == set()


def test_a_full_or_read_only_folder_loses_nothing(
    pair: tuple[Device, Device], monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    laptop, desktop = pair
    laptop.run()
    laptop.watch(SHOW, 1, T1)
    folder = str(laptop.sync.config().folder)  # type: ignore[union-attr]
    make_temp = tempfile.mkstemp

    def full(*args: Any, **kwargs: Any) -> tuple[int, str]:
        if str(kwargs.get("dir", "")).startswith(folder):  # only the sync folder's disk is full
            raise OSError(28, "No space left on device")
        return make_temp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", full)
    outcome = laptop.run()
    assert outcome.unsent == 1
    assert any("No space left on device" in p and "\n" not in p for p in outcome.problems)
    monkeypatch.undo()
    assert laptop.run().unsent == 0
    desktop.run()
    assert desktop.plays() == {(SHOW, "S1E1"): (1, T1, T1)}


def test_a_deleted_device_folder_is_written_again_and_nothing_is_lost(
    pair: tuple[Device, Device],
) -> None:
    import shutil

    laptop, desktop = pair
    laptop.watch(SHOW, 1, T1)
    laptop.run()
    desktop.run()
    config = laptop.sync.config()
    assert config is not None
    shutil.rmtree(fs.device_dir(config.folder, config.device))
    outcome = laptop.run()
    assert any("written again" in note for note in outcome.notes)
    shutil.rmtree(fs.device_dir(config.folder, desktop.sync.config().device))  # type: ignore[union-attr]
    desktop.rewatch(SHOW, 1, T2)
    desktop.run()
    laptop.run()
    assert laptop.plays() == desktop.plays() == {(SHOW, "S1E1"): (2, T1, T2)}


def test_a_copied_data_dir_becomes_a_new_device(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "Sync"
    laptop = Device(tmp_path / "a", folder, "laptop")
    laptop.watch(SHOW, 1, T1)
    laptop.run()
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    laptop.watch(SHOW, 2, T2)
    laptop.run()
    copy = Device(tmp_path / "b", folder, "laptop")  # the copied config: the same device id
    original = laptop.sync.config()
    assert original is not None
    config = tmp_path / "b" / "sync" / "config.json"
    config.write_text(config.read_text().replace(original.instance, "another-instance"))
    copy.watch(SHOW, 3, T3)
    outcome = copy.run()
    assert any("copied" in note for note in outcome.notes)
    laptop.run()
    assert laptop.plays() == copy.plays()
    assert set(laptop.plays()) == {(SHOW, "S1E1"), (SHOW, "S1E2"), (SHOW, "S1E3")}


def test_no_folder_is_one_line(tmp_path: Path) -> None:
    device = Device(tmp_path / "a", tmp_path / "Sync", "laptop")
    os.rename(tmp_path / "Sync", tmp_path / "gone")
    with pytest.raises(SyncError, match="not there") as raised:
        device.run()
    assert "\n" not in str(raised.value)


def test_compaction_prunes_what_everyone_merged_and_a_late_device_still_merges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fancompanion.sync import engine

    monkeypatch.setattr(engine, "SNAPSHOT_EVERY_FILES", 3)
    folder = tmp_path / "Sync"
    laptop = Device(tmp_path / "a", folder, "laptop")
    desktop = Device(tmp_path / "b", folder, "desktop")
    for number in range(1, 9):
        laptop.watch(SHOW, number, T1)
        laptop.run()
        desktop.run()
    config = laptop.sync.config()
    assert config is not None
    logs = list((fs.device_dir(folder, config.device) / fs.LOG).glob("*.jsonl"))
    assert len(logs) < 4  # pruned: the desktop had merged them
    late = Device(tmp_path / "c", folder, "server")  # joins months later
    late.run()
    assert late.plays() == laptop.plays() == desktop.plays()
    assert len(late.plays()) == 8


def test_a_device_away_for_months_still_merges_and_its_unmark_keeps_new_plays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import orjson

    from fancompanion.sync import engine

    monkeypatch.setattr(engine, "SNAPSHOT_EVERY_FILES", 2)
    folder = tmp_path / "Sync"
    laptop = Device(tmp_path / "a", folder, "laptop")
    desktop = Device(tmp_path / "b", folder, "desktop")
    away = Device(tmp_path / "c", folder, "server")
    laptop.watch(SHOW, 1, T1)
    for device in (laptop, desktop, away):
        device.run()
    away.unwatch(SHOW, 1)  # unmarked on the server, which then goes quiet for months
    config = away.sync.config()
    assert config is not None
    info = fs.device_dir(folder, config.device) / fs.DEVICE_FILE
    doc = orjson.loads(info.read_bytes())
    doc["written_at"] = "2020-01-01T00:00:00Z"  # its last write was long ago
    info.write_bytes(orjson.dumps(doc))
    for number in range(2, 7):  # meanwhile the others go on, compact and prune
        laptop.watch(SHOW, number, T2)
        laptop.run()
        desktop.run()
    laptop.rewatch(SHOW, 1, T3)  # a new play of the episode the server unmarked
    laptop.run()
    desktop.run()
    logs = list((fs.device_dir(folder, laptop.sync.config().device) / fs.LOG).glob("*"))  # type: ignore[union-attr]
    assert len(logs) <= 2  # the quiet server no longer holds back pruning
    away.run()  # back after months
    laptop.run()
    desktop.run()
    assert away.plays() == laptop.plays() == desktop.plays()
    assert away.plays()[(SHOW, "S1E1")] == (1, T3, T3)  # only the play it saw is gone
    assert len(away.plays()) == 6
