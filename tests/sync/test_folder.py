"""What sync engines do to files: half-transferred files, conflict copies, any order, a
device folder gone, a read-only folder. One line each, nothing lost, no traceback."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import orjson
import pytest

from fancompanion.sync import folder as fs
from fancompanion.sync.model import AddPlay, Kill, Play, SetRegister, State, op_to_doc

T = "2024-01-01T10:00:00Z"


def _add(n: int) -> AddPlay:
    return AddPlay(f"id{n}", Play("tvmaze-1", f"S1E{n}", 1, n, None, T, T))


def _write_log(folder: Path, device: str, ops: list, first: int = 1) -> Path:  # type: ignore[type-arg]
    docs = [op_to_doc(op, first + i) for i, op in enumerate(ops)]
    return fs.write_segment(folder, device, docs)


def test_a_half_transferred_last_line_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    path = _write_log(tmp_path, "bbb", [_add(1), _add(2), _add(3)])
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) - 15])  # the sync engine stopped mid-line
    remote = fs.read_folder(tmp_path, "aaa")
    assert sorted(remote.state.plays) == ["id1", "id2"]
    assert remote.state.vv["bbb"] == 2  # only what arrived counts as merged
    assert len(remote.problems) == 1
    assert "damaged line" in remote.problems[0]


def test_sync_engine_temporary_files_are_not_read(tmp_path: Path) -> None:
    _write_log(tmp_path, "bbb", [_add(1)])
    log = fs.device_dir(tmp_path, "bbb") / fs.LOG
    junk = b'{"q": 2, "p": ["evil", "s", "S1E1", 1, 1, null, "x", "x"]}\n'
    for name in (".syncthing.0000000002-0000000002.jsonl.tmp", "~syncthing~x.jsonl.tmp", "a.part"):
        (log / name).write_bytes(junk)
    remote = fs.read_folder(tmp_path, "aaa")
    assert set(remote.state.plays) == {"id1"}
    assert remote.problems == []


def test_conflict_copies_are_merged_not_lost(tmp_path: Path) -> None:
    first = _write_log(tmp_path, "bbb", [_add(1)])
    # the same device's file, changed on two machines (a copied data dir): both versions kept
    conflict = first.with_name(first.stem + ".sync-conflict-20240101-101010-ABCDEFG.jsonl")
    conflict.write_bytes(orjson.dumps(op_to_doc(_add(7), 1)) + b"\n")
    dropbox = first.with_name(first.stem + " (Jane's conflicted copy 2024-01-01).jsonl")
    dropbox.write_bytes(orjson.dumps(op_to_doc(_add(8), 1)) + b"\n")
    remote = fs.read_folder(tmp_path, "aaa")
    assert set(remote.state.plays) == {"id1", "id7", "id8"}


def test_files_in_any_order_converge(tmp_path: Path) -> None:
    # a tombstone arrives before the play it kills: the play stays dead
    _write_log(tmp_path, "bbb", [Kill(("id1",))], first=2)
    remote = fs.read_folder(tmp_path, "aaa")
    assert remote.state.vv.get("bbb", 0) == 0  # op 1 has not arrived: nothing counts merged
    _write_log(tmp_path, "bbb", [_add(1)], first=1)
    remote = fs.read_folder(tmp_path, "aaa")
    assert remote.state.plays == {}
    assert remote.state.vv["bbb"] == 2


def test_a_half_written_snapshot_is_skipped_with_one_line(tmp_path: Path) -> None:
    state = State()
    state.apply(_add(1))
    state.apply(SetRegister("status/tvmaze-1", "0000000000001-000000-bbb", "watching"))
    fs.write_snapshot(tmp_path, "bbb", state)
    snap = fs.device_dir(tmp_path, "bbb") / fs.SNAPSHOT
    whole = fs.read_folder(tmp_path, "aaa").state
    assert set(whole.plays) == {"id1"}
    snap.write_bytes(snap.read_bytes()[:20])
    remote = fs.read_folder(tmp_path, "aaa")
    assert remote.state.plays == {}
    assert len(remote.problems) == 1
    assert "snapshot" in remote.problems[0]
    snap.write_bytes(gzip.compress(b"not json"))
    assert len(fs.read_folder(tmp_path, "aaa").problems) == 1


def test_a_missing_folder_or_device_dir_reads_as_nothing(tmp_path: Path) -> None:
    assert fs.read_folder(tmp_path / "nowhere", "aaa").state.plays == {}
    (tmp_path / fs.DEVICES / "ccc").mkdir(parents=True)  # a device that has written nothing
    remote = fs.read_folder(tmp_path, "aaa")
    assert remote.problems == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_read_only_folder_is_one_line(tmp_path: Path) -> None:
    (tmp_path / fs.DEVICES).mkdir()
    tmp_path.joinpath(fs.DEVICES).chmod(0o555)
    try:
        with pytest.raises(fs.SyncError) as raised:
            _write_log(tmp_path, "aaa", [_add(1)])
    finally:
        tmp_path.joinpath(fs.DEVICES).chmod(0o755)
    message = str(raised.value)
    assert "\n" not in message
    assert "kept here" in message


def test_a_folder_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    (tmp_path / fs.DEVICES).mkdir()
    (tmp_path / fs.DEVICES / "aaa").write_text("not a folder")  # e.g. a stale mount point
    with pytest.raises(fs.SyncError) as raised:
        _write_log(tmp_path, "aaa", [_add(1)])
    assert "\n" not in str(raised.value)
    assert "kept here" in str(raised.value)
