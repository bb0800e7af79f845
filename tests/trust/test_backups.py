"""User state is backed up on its own: once a day on open (ten days kept) and before imports."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fancompanion.core.library import Library
from fancompanion.core.models import WatchStatus
from fancompanion.core.opening import open_store
from fancompanion.core.store import Store
from fancompanion.core.store.backup import (
    KEEP_DAILY,
    DailyBackup,
    backup_now,
    backups_dir,
    daily_backup,
    list_backups,
)
from fancompanion.core.store.user import UserState
from fancompanion.paths import bundle_dir
from tests.marks import unwatch, watch
from tests.trust.helpers import cli, file_bytes

DAREDEVIL = "imdb-tt3322312"


def _with_history(store: Store) -> Store:
    view = Library(store).show(DAREDEVIL)
    assert view is not None
    watch(store, DAREDEVIL, view.record.episodes[:3])
    store.user.set_status(DAREDEVIL, WatchStatus.WATCHING)
    return store


def _new_day(store: Store) -> Store:
    """The same data directory in a process opened yesterday: today has no snapshot yet."""
    opened = open_store(store.root)
    shutil.rmtree(backups_dir(opened.user), ignore_errors=True)
    assert isinstance(opened.user.before_write, DailyBackup)
    opened.user.before_write.settled_on = "yesterday"
    return opened


def test_the_first_write_of_the_day_keeps_the_state_before_it(store: Store) -> None:
    store = _new_day(store)
    before = {p.relative_to(store.user.root).as_posix(): p.read_bytes() for p in store.user.files()}
    assert before  # the bundle's suggested feeds
    _with_history(store)
    open_store(store.root, bundle=bundle_dir())
    open_store(store.root, bundle=bundle_dir()).user.set_status(DAREDEVIL, WatchStatus.PLAN)
    backups = list_backups(store.user)
    assert [b.reason for b in backups] == ["daily"]
    assert {rel: backups[0].file(rel).read_bytes() for rel in backups[0].files} == before
    assert not (backups[0].path / "backups").exists()  # backups are not backed up into themselves


def test_the_first_open_of_the_day_keeps_the_state_as_it_was(store: Store) -> None:
    _with_history(store)
    store = _new_day(store)
    open_store(store.root, bundle=bundle_dir())
    (backup,) = list_backups(store.user)
    for path in store.user.files():
        relative = path.relative_to(store.user.root).as_posix()
        assert backup.file(relative).read_bytes() == path.read_bytes()


def test_the_next_days_snapshot_holds_everything_done_since(store: Store) -> None:
    _with_history(store)
    tomorrow = daily_backup(store.user, today=datetime.now(UTC) + timedelta(days=1))
    assert tomorrow is not None
    for path in store.user.files():
        relative = path.relative_to(store.user.root).as_posix()
        assert tomorrow.file(relative).read_bytes() == path.read_bytes()


def test_a_new_fan_gets_no_empty_backup(data_dir: Path) -> None:
    store = open_store(data_dir)
    assert store.user.files() == []
    assert list_backups(store.user) == []
    assert not backups_dir(store.user).exists()


def test_only_the_last_ten_days_are_kept(store: Store) -> None:
    _with_history(store)
    shutil.rmtree(backups_dir(store.user))
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    for day in range(14):
        daily_backup(store.user, today=start + timedelta(days=day))
    kept = sorted(b.path.name for b in list_backups(store.user))
    assert len(kept) == KEEP_DAILY
    assert kept[0] == "2026-01-05-daily"
    assert kept[-1] == "2026-01-14-daily"


def test_a_backup_before_an_import_keeps_the_state_before_it(store: Store) -> None:
    _with_history(store)
    before = file_bytes(store.user.root / "watched")
    taken = backup_now(store.user, "import")
    assert taken is not None
    assert taken.reason == "import"
    assert taken.path.name.endswith("-import")
    view = Library(store).show(DAREDEVIL)
    assert view is not None
    watch(store, DAREDEVIL, view.record.episodes[3:6])
    again = backup_now(store.user, "import")
    assert again is not None
    assert again.path != taken.path  # two imports in the same second keep both
    restored = {p.name: p.read_bytes() for p in (taken.path / "watched").iterdir() if p.is_file()}
    assert restored == {p.name: data for p, data in before.items()}


def test_daily_and_import_backups_rotate_separately(store: Store) -> None:
    _with_history(store)
    shutil.rmtree(backups_dir(store.user))
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for day in range(KEEP_DAILY):
        daily_backup(store.user, today=start + timedelta(days=day))
    backup_now(store.user, "migration")
    reasons = [b.reason for b in list_backups(store.user)]
    assert reasons.count("daily") == KEEP_DAILY
    assert reasons.count("migration") == 1


def test_an_interrupted_backup_is_never_used_and_is_cleaned_up(store: Store) -> None:
    _with_history(store)
    whole = list_backups(store.user)
    partial = backups_dir(store.user) / ".2026-01-01-daily.partial"
    partial.mkdir(parents=True)
    (partial / "state.json").write_bytes(b"{")
    no_manifest = backups_dir(store.user) / "2026-01-02-daily"
    no_manifest.mkdir()
    assert list_backups(store.user) == whole
    daily_backup(store.user, today=datetime(2026, 1, 3, tzinfo=UTC))
    assert not partial.exists()
    assert len(list_backups(store.user)) == len(whole) + 1


def test_with_todays_backup_opening_reads_no_user_file(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening costs one ``stat`` once today's snapshot exists: no listing, no reading."""
    _with_history(store)
    daily_backup(store.user)

    def forbidden(*args: object) -> None:
        raise AssertionError("user files were touched")

    monkeypatch.setattr(UserState, "files", forbidden)
    monkeypatch.setattr(Path, "read_bytes", forbidden)
    assert daily_backup(store.user) is None


def test_fancompanion_import_backs_up_first(store: Store, tmp_path: Path) -> None:
    _with_history(store)
    export = tmp_path / "history.json"
    assert cli("export", str(export))[0] == 0
    view = Library(store).show(DAREDEVIL)
    assert view is not None
    unwatch(store, DAREDEVIL, view.record.episodes[:2])
    before = store.user.marks_path(DAREDEVIL).read_bytes()
    code, out, err = cli("import", str(export))
    assert (code, err) == (0, "")
    imports = [b for b in list_backups(store.user) if b.reason == "import"]
    assert len(imports) == 1
    assert str(imports[0].path) in out
    assert imports[0].file(f"watched/{DAREDEVIL}.json").read_bytes() == before
    assert len(store.user.marks(DAREDEVIL)) == 3


def test_opening_with_todays_backup_lists_no_marks_files(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a big library settles the day's backup with an "any user file?" check."""
    _with_history(store)
    daily_backup(store.user)

    def forbidden(*args: object) -> None:
        raise AssertionError("every user file was listed")

    monkeypatch.setattr(UserState, "files", forbidden)
    reopened = open_store(store.root, bundle=bundle_dir())
    assert reopened.user.has_files()
    assert [b.reason for b in list_backups(reopened.user)] == ["daily"]


def test_only_marks_files_count_as_user_state(data_dir: Path) -> None:
    store = open_store(data_dir)
    assert not store.user.has_files()
    store.user.watched_dir.mkdir(parents=True)
    assert not store.user.has_files()  # an empty marks directory is no state
    (store.user.watched_dir / "tvmaze-1.json").write_text("{}", encoding="utf-8")
    assert store.user.has_files()


def test_a_damaged_index_does_not_keep_the_days_backup_from_being_taken(store: Store) -> None:
    """``watch`` reads the index before the bundle check: the day's backup still comes first."""
    _with_history(store)
    store = _new_day(store)
    store.catalog.index_path.write_bytes(b"{not json")
    code, _, err = cli("--data-dir", str(store.root), "watch", "Daredevil", "S01E04")
    assert code == 1
    assert "index.json" in err
    assert len(err.strip().splitlines()) == 1
    (backup,) = list_backups(store.user)
    for path in store.user.files():
        relative = path.relative_to(store.user.root).as_posix()
        assert backup.file(relative).read_bytes() == path.read_bytes()
