"""A damaged store file: one clear line, the file kept, user state never reset, doctor repairs.

Each case damages one real store file the way disks and editors do, then runs the commands a
user would run: ``shows`` (refuses with one line), ``doctor`` (says what is wrong and what to
do) and ``doctor --repair`` (restores user state from the last good backup).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest

from fancompanion.core.library import Library
from fancompanion.core.models import WatchStatus
from fancompanion.core.opening import open_store
from fancompanion.core.store import Store
from fancompanion.core.store.backup import backups_dir, daily_backup, list_backups
from fancompanion.paths import bundle_dir
from tests.marks import watch
from tests.trust.helpers import cli, file_bytes

DAREDEVIL = "imdb-tt3322312"


def _truncated(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def _not_json(raw: bytes) -> bytes:
    return b"<html>Service Unavailable</html>\n"


def _empty(raw: bytes) -> bytes:
    return b""


def _schema_99(raw: bytes) -> bytes:
    data = orjson.loads(raw)
    data["_meta"]["1"]["schema"] = 99
    return orjson.dumps(data)


def _wrong_type(raw: bytes) -> bytes:
    data = orjson.loads(raw)
    for table in ("marks", "shows"):
        for doc in data.get(table, {}).values():
            doc["plays" if table == "marks" else "regular"] = "lots"
    return orjson.dumps(data)


def _missing_field(raw: bytes) -> bytes:
    data = orjson.loads(raw)
    for table in ("marks", "shows"):
        for doc in data.get(table, {}).values():
            doc.pop("key" if table == "marks" else "name", None)
    return orjson.dumps(data)


def _not_tables(raw: bytes) -> bytes:
    return b"[1, 2, 3]"


Damage = Callable[[bytes], bytes]

USER_CASES: list[tuple[str, Damage]] = [
    ("user/state.json", _truncated),
    ("user/state.json", _not_json),
    ("user/state.json", _empty),
    (f"user/watched/{DAREDEVIL}.json", _truncated),
    (f"user/watched/{DAREDEVIL}.json", _wrong_type),
    (f"user/watched/{DAREDEVIL}.json", _missing_field),
    (f"user/watched/{DAREDEVIL}.json", _not_tables),
]


@pytest.fixture
def fan_store(store: Store) -> Store:
    """A fan with history, backed up by the daily snapshot of the next day's open."""
    library = Library(store)
    view = library.show(DAREDEVIL)
    assert view is not None
    watch(store, DAREDEVIL, view.record.episodes[:5])
    store.user.set_status(DAREDEVIL, WatchStatus.WATCHING)
    shutil.rmtree(backups_dir(store.user))  # as if the history was made on an earlier day
    reopened = open_store(store.root, bundle=bundle_dir())
    assert len(list_backups(reopened.user)) == 1
    return reopened


def _damage(root: Path, relative: str, damage: Damage) -> bytes:
    path = root / relative
    bad = damage(path.read_bytes())
    path.write_bytes(bad)
    return bad


def _one_clean_line(err: str) -> str:
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err.strip()


@pytest.mark.parametrize(("relative", "damage"), USER_CASES)
def test_a_damaged_user_file_is_reported_kept_and_restored(
    fan_store: Store, relative: str, damage: Damage
) -> None:
    root = fan_store.root
    marks_before = fan_store.user.marks(DAREDEVIL)
    bad = _damage(root, relative, damage)
    before = file_bytes(root / "user")

    code, out, err = cli("shows")
    line = _one_clean_line(err)
    assert code == 1
    assert out == ""
    assert str(root / relative) in line
    assert "fancompanion doctor --repair" in line
    assert (root / relative).read_bytes() == bad  # never reset, never rewritten
    copies = list((root / relative).parent.glob(f"{Path(relative).name}.corrupt-*"))
    assert [c.read_bytes() for c in copies] == [bad]
    after = file_bytes(root / "user")
    assert {p: b for p, b in after.items() if p not in copies} == before

    code, _, err = cli("doctor")
    assert code == 1
    assert f"{root / relative}: damaged" in err
    assert "restores it from the backup of" in err

    code, out, _ = cli("doctor", "--repair")
    assert code == 0
    assert f"{root / relative}: restored from the backup of" in out
    code, out, err = cli("shows")
    assert (code, err) == (0, "")
    assert Store(root).user.marks(DAREDEVIL) == marks_before
    assert Store(root).user.statuses()[DAREDEVIL] is WatchStatus.WATCHING
    assert [c.read_bytes() for c in copies] == [bad]  # the damaged copy is still there


def test_a_file_from_a_newer_version_is_left_untouched(fan_store: Store) -> None:
    path = fan_store.user.state_path
    newer = _damage(fan_store.root, "user/state.json", _schema_99)

    code, out, err = cli("shows")
    assert out == ""
    line = _one_clean_line(err)
    assert code == 1
    assert f"{path} has store schema version 99" in line
    assert "Upgrade FanCompanion" in line

    code, _, err = cli("doctor", "--repair")
    assert code == 1
    assert "written by a newer FanCompanion (store schema 99)" in err
    assert path.read_bytes() == newer
    assert not list(path.parent.glob("state.json.corrupt-*"))


@pytest.mark.parametrize("damage", [_truncated, _wrong_type, _missing_field])
def test_a_damaged_catalog_is_rebuilt_and_user_state_is_untouched(
    fan_store: Store, damage: Damage
) -> None:
    root = fan_store.root
    unwanted = fan_store.user.feeds()[0].url
    assert fan_store.user.remove_feed(unwanted)  # a suggestion the fan turned down
    _damage(root, "catalog/index.json", damage)
    user_before = file_bytes(root / "user")

    code, _, err = cli("shows")
    assert code == 1
    assert str(root / "catalog" / "index.json") in _one_clean_line(err)

    code, out, _ = cli("doctor", "--repair")
    assert code == 0
    assert "catalog: rebuilt from the bundled library" in out
    code, out, err = cli("shows", "--json")
    assert (code, err) == (0, "")
    assert len(orjson.loads(out)) == 6
    assert file_bytes(root / "user") == user_before  # state, read marks, feeds: untouched
    daredevil = next(r for r in orjson.loads(out) if r["id"] == DAREDEVIL)
    assert daredevil["watched"] == 5


def test_a_damaged_show_file_comes_back_from_the_bundle(fan_store: Store) -> None:
    path = fan_store.catalog.show_path(DAREDEVIL)
    path.write_bytes(path.read_bytes()[:100])
    code, _, err = cli("doctor")
    assert code == 1
    assert f"{path}: damaged" in err
    code, _, _ = cli("doctor", "--repair")
    assert code == 0
    view = Library(Store(fan_store.root)).show(DAREDEVIL)
    assert view is not None
    assert view.progress.watched == 5


def test_without_a_good_backup_nothing_is_reset(store: Store) -> None:
    view = Library(store).show(DAREDEVIL)
    assert view is not None
    watch(store, DAREDEVIL, view.record.episodes[:2])
    bad = _damage(store.root, f"user/watched/{DAREDEVIL}.json", _truncated)

    code, out, err = cli("doctor", "--repair")
    assert code == 1
    assert "NOT repaired: no backup holds a good copy" in out
    assert "No backup holds a good copy" in err
    assert store.user.marks_path(DAREDEVIL).read_bytes() == bad


def test_no_daily_snapshot_is_taken_of_a_damaged_file(fan_store: Store) -> None:
    """Rotation must not push the last good copies out while a file is damaged."""
    _damage(fan_store.root, "user/state.json", _truncated)
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    assert daily_backup(fan_store.user, today=tomorrow) is None
    assert len(list_backups(fan_store.user)) == 1


def test_a_healthy_store_passes_the_doctor(fan_store: Store) -> None:
    code, out, err = cli("doctor")
    assert (code, err) == (0, "")
    assert "every store file is whole and readable" in out


def test_a_schema_version_below_one_is_damage_not_a_newer_version(fan_store: Store) -> None:
    path = fan_store.user.state_path
    data = orjson.loads(path.read_bytes())
    data["_meta"]["1"]["schema"] = 0
    path.write_bytes(orjson.dumps(data))
    code, _, err = cli("shows")
    assert code == 1
    assert "its schema version 0 is not valid" in _one_clean_line(err)
    assert list(path.parent.glob("state.json.corrupt-*"))


def test_each_damaged_version_of_a_file_is_kept(fan_store: Store) -> None:
    path = fan_store.user.state_path
    versions = [b"{", b"not json", b"{"]
    for bad in versions:
        path.write_bytes(bad)
        assert cli("shows")[0] == 1
    kept = sorted(p.read_bytes() for p in path.parent.glob("state.json.corrupt-*"))
    assert kept == [b"not json", b"{"]  # one copy per distinct content, none overwritten


def test_doctor_on_a_data_dir_that_does_not_exist_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    code, out, err = cli("--data-dir", str(missing), "doctor", "--repair")
    assert (code, err) == (0, "")
    assert "every store file is whole and readable" in out
    assert not missing.exists()
