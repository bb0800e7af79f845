"""A full disk or a data dir that cannot be written: one clear line, nothing half-written.

Tests run as root in some containers, where permissions do not stop writes; the full-disk
cases therefore make ``os.replace``/``fsync`` fail the way the kernel does (``ENOSPC``), and
an unwritable location is a data dir whose parent is a file.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import orjson
import pytest

from fancompanion.core.library import Library
from fancompanion.core.store import Store, StoreError, UnsupportedSchemaError
from fancompanion.core.store.backup import backup_now
from fancompanion.core.store.errors import StoreWriteError
from tests.marks import unwatch, watch
from tests.trust.helpers import cli, file_bytes

DAREDEVIL = "imdb-tt3322312"


def _disk_full(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _temp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(".tmp") or ".partial" in p.name]


@pytest.mark.parametrize("step", ["replace", "fsync"])
def test_a_full_disk_leaves_the_marks_file_as_it_was(
    store: Store, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    view = Library(store).show(DAREDEVIL)
    assert view is not None
    watch(store, DAREDEVIL, view.record.episodes[:2])
    before = file_bytes(store.root)

    monkeypatch.setattr(os, step, _disk_full)
    with pytest.raises(StoreWriteError) as caught:
        watch(store, DAREDEVIL, view.record.episodes[2:4])
    message = str(caught.value)
    assert message == (
        f"cannot write {store.user.marks_path(DAREDEVIL)}: No space left on device; "
        "nothing was changed"
    )
    monkeypatch.undo()
    assert file_bytes(store.root) == before
    assert _temp_files(store.root) == []
    assert len(store.user.marks(DAREDEVIL)) == 2


def test_a_full_disk_on_first_start_is_one_line_and_leaves_no_debris(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "replace", _disk_full)
    code, out, err = cli("shows")
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("fancompanion: error: cannot write ")
    assert "No space left on device; nothing was changed" in err
    assert _temp_files(data_dir) == []
    assert list(data_dir.rglob("*.json")) == []  # nothing half-made


def test_a_data_dir_that_cannot_exist_is_one_clear_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the data dir's parent should be")
    code, out, err = cli("--data-dir", str(blocker / "data"), "shows")
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "cannot write" in err
    assert "Traceback" not in err
    assert blocker.read_text() == "a file where the data dir's parent should be"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through directory permissions")
def test_a_read_only_data_dir_refuses_writes_and_keeps_files(store: Store) -> None:
    view = Library(store).show(DAREDEVIL)
    assert view is not None
    watch(store, DAREDEVIL, view.record.episodes[:1])
    before = file_bytes(store.root)
    watched = store.user.watched_dir
    for directory in (watched, store.user.root):
        directory.chmod(0o500)
    try:
        with pytest.raises(StoreError) as caught:
            watch(store, DAREDEVIL, view.record.episodes[1:2])
        assert "nothing was changed" in str(caught.value)
        code, _, err = cli("shows")  # reading still works
        assert (code, err) == (0, "")
    finally:
        for directory in (store.user.root, watched):
            directory.chmod(0o700)
    assert file_bytes(store.root) == before


def test_a_newer_schema_is_refused_by_name(store: Store) -> None:
    store.user.set_setting("theme", "dark")
    path = store.user.state_path
    data = orjson.loads(path.read_bytes())
    data["_meta"]["1"]["schema"] = 2
    path.write_bytes(orjson.dumps(data))
    with pytest.raises(UnsupportedSchemaError) as caught:
        store.user.settings()
    assert str(caught.value) == (
        f"{path} has store schema version 2, but this FanCompanion knows only versions up "
        "to 1. Upgrade FanCompanion; the file was left untouched."
    )
    with pytest.raises(UnsupportedSchemaError):
        store.user.set_setting("theme", "light")  # a write refuses too, and changes nothing
    assert orjson.loads(path.read_bytes())["_meta"]["1"]["schema"] == 2


def test_no_import_happens_without_its_backup(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = Library(store).show(DAREDEVIL)
    assert view is not None
    watch(store, DAREDEVIL, view.record.episodes[:3])
    export = tmp_path / "history.json"
    assert cli("export", str(export))[0] == 0
    unwatch(store, DAREDEVIL, view.record.episodes[:3])
    before = file_bytes(store.user.root)

    monkeypatch.setattr(os, "replace", _disk_full)
    with pytest.raises(StoreWriteError):
        backup_now(store.user, "import")
    code, _, err = cli("import", str(export))
    monkeypatch.undo()

    assert code == 1
    assert err.count("\n") == 1
    assert "No space left on device" in err
    assert file_bytes(store.user.root) == before  # no marks imported, no half backup
    assert _temp_files(store.root) == []
