"""A fan who started on the previous bundle opens the new one: the catalog gains the full cast
and the new ids; everything the fan did stays byte for byte."""

from __future__ import annotations

from pathlib import Path

from fancompanion.core.bundle import peek_version
from fancompanion.core.commands import Change, Rewatch, SetRead, SetSetting, SetStatus, Watch
from fancompanion.core.library import Library
from fancompanion.core.models import WatchStatus
from fancompanion.core.opening import open_store
from fancompanion.core.store import Store
from fancompanion.paths import bundle_dir
from tests.bundle.reference import confirmed_cast

PREVIOUS = Path(__file__).resolve().parents[1] / "fixtures" / "bundle-v1"


def user_bytes(store: Store) -> dict[str, bytes]:
    root = store.user.root
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "backups" not in path.relative_to(root).parts
    }


def cast_names(store: Store, name: str) -> list[str]:
    summary = next(s for s in store.catalog.summaries() if s.name == name)
    record = store.catalog.record(summary.id)
    assert record is not None
    names = {p.id: p.name for p in record.people}
    credits = sorted((c for c in record.credits if c.kind == "cast"), key=lambda c: c.order)
    return [names[c.person_id] for c in credits]


def old_store_with_history(root: Path) -> Store:
    """A fan on the previous bundle: watched, rewatched, set statuses, read notes, a setting."""
    store = open_store(root, bundle=PREVIOUS)
    assert store.catalog.meta()["bundle_version"] == peek_version(PREVIOUS) == 1
    summaries = {s.name: s for s in store.catalog.summaries()}
    assert cast_names(store, "Luke Cage") == ["Mike Colter"]  # what the old bundle had
    library = Library(store)
    changes: list[Change] = []
    for name, count in (("Luke Cage", 5), ("Jessica Jones", 13), ("The Defenders", 8)):
        record = store.catalog.record(summaries[name].id)
        assert record is not None
        changes.append(Watch(record.show.id, record.episodes[:count], at="2025-06-01T20:00:00Z"))
    luke = store.catalog.record(summaries["Luke Cage"].id)
    assert luke is not None
    changes += [
        Rewatch(luke.show.id, luke.episodes[0], at="2025-07-01T20:00:00Z"),
        SetStatus(luke.show.id, WatchStatus.WATCHING, at="2025-06-01T20:00:00Z"),
        SetStatus(summaries["Iron Fist"].id, WatchStatus.DROPPED, at="2025-06-02T20:00:00Z"),
        SetRead(tuple(n.id for n in store.catalog.news()[:4]), True, at="2025-06-03T08:00:00Z"),
        SetSetting("spoilers", False),
    ]
    for change in changes:
        result = library.apply(change)
        assert result.refused is None, result.message
        assert result.changed, result.message
    return store


def test_an_existing_store_gets_the_new_cast_and_ids_and_keeps_the_fans_state(
    tmp_path: Path,
) -> None:
    old = old_store_with_history(tmp_path / "data")
    before = user_bytes(old)
    ids_before = sorted((s.name, s.id) for s in old.catalog.summaries())
    assert before  # marks, statuses, reads and settings were written

    new = open_store(tmp_path / "data", bundle=bundle_dir())

    assert new.catalog.meta()["bundle_version"] == peek_version(bundle_dir()) > 1
    for show in ("Luke Cage", "The Defenders", "Jessica Jones"):
        assert cast_names(new, show) == [actor for actor, _, _ in confirmed_cast(show)]
    summaries = {s.name: s for s in new.catalog.summaries()}
    assert summaries["Luke Cage"].thetvdb_id == 304219
    assert summaries["Iron Fist"].thetvdb_id is None
    assert sorted((s.name, s.id) for s in summaries.values()) == ids_before
    assert user_bytes(new) == before
    # The marks still land on the same shows: the progress a fan sees is unchanged.
    assert len(new.user.marks(summaries["Luke Cage"].id)) == 5
    assert len(new.user.marks(summaries["The Defenders"].id)) == 8


def test_corrected_library_notes_reach_an_existing_store_and_stay_read(tmp_path: Path) -> None:
    old = old_store_with_history(tmp_path / "data")
    old_text = old.catalog.news_text("bundle-013")
    assert "two new principal cast members" in next(
        n.summary for n in old.catalog.news() if n.id == "bundle-013"
    )
    Library(old).apply(SetRead(("bundle-013",), True, at="2025-06-04T08:00:00Z"))
    before = user_bytes(old)

    new = open_store(tmp_path / "data", bundle=bundle_dir())

    item = next(n for n in new.catalog.news() if n.id == "bundle-013")
    assert "three new principal cast members" in item.summary
    assert "Floriana Lima" in new.catalog.news_text("bundle-013") != old_text
    floriana = next(p for p in new.catalog.people().values() if p.person.name == "Floriana Lima")
    assert floriana.person.id in item.person_ids  # linked like any note
    assert "bundle-013" in new.user.read_ids()
    assert user_bytes(new) == before
    # a note about a release day is dated by that day (no invented midnight UTC, which is
    # the day before west of Greenwich)
    assert {n.published for n in new.catalog.news() if n.id == "bundle-009"} == {"2018-03-08"}


def test_opening_again_writes_nothing(tmp_path: Path) -> None:
    old_store_with_history(tmp_path / "data")
    open_store(tmp_path / "data", bundle=bundle_dir())
    catalog = tmp_path / "data" / "catalog"
    stamps = {p: p.stat().st_mtime_ns for p in catalog.rglob("*") if p.is_file()}
    open_store(tmp_path / "data", bundle=bundle_dir())
    assert {p: p.stat().st_mtime_ns for p in catalog.rglob("*") if p.is_file()} == stamps
