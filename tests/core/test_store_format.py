"""Every store file is a TinyDB database: plain TinyDB reads the documents the app reads.

A fan can query their own store with TinyDB's default JSON storage (README, "Own your data");
these tests hold the app to that over a whole generated store, and pin how a file that does
not fit its type is reported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec
import pytest
from msgspec.structs import replace
from tinydb import Query, TinyDB

from bench.generate import ensure_store
from bench.sizes import StoreSize
from fancompanion.core.library import Library
from fancompanion.core.models import WatchStatus
from fancompanion.core.store import CorruptFileError, Store, UnsupportedSchemaError
from fancompanion.core.store.schema import FILE_TYPES, META, SHOW
from fancompanion.core.store.tinyfile import read_file
from fancompanion.core.store.validate import catalog_files, user_files

SMALL = StoreSize("format", 12, 400, 40, 30, True, 5, 0)


def _as_tinydb_reads(path: Path) -> dict[str, dict[str, Any]]:
    """Each table's documents by id, as plain TinyDB with its default storage returns them."""
    db = TinyDB(path, access_mode="r")
    try:
        return {
            name: {str(doc.doc_id): dict(doc) for doc in db.table(name).all()}
            for name in db.tables()
        }
    finally:
        db.close()


@pytest.fixture(scope="module")
def whole_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(ensure_store(tmp_path_factory.mktemp("cache"), SMALL, log=False))
    library = Library(store)
    show = library.summaries()[0]
    store.user.set_read([n.id for n in store.catalog.news()[:3]])
    store.user.set_setting("theme", "textual-light")
    store.user.set_status(show.id, WatchStatus.PLAN)
    record = store.catalog.record(show.id)
    assert record is not None
    status = "Running" if record.show.status == "Ended" else "Ended"
    refreshed = replace(record, show=replace(record.show, status=status))
    store.catalog.put_shows([refreshed])  # a refresh that changed something: the change log
    return store


def test_plain_tinydb_reads_every_store_file_with_the_documents_the_app_reads(
    whole_store: Store,
) -> None:
    files = catalog_files(whole_store.catalog) + user_files(whole_store.user)
    kinds = {kind for _, kind in files}
    assert kinds == set(FILE_TYPES)  # every kind of file is in this store
    for path, kind in files:
        ours = msgspec.json.decode(msgspec.json.encode(read_file(path, kind, FILE_TYPES[kind])))
        theirs = _as_tinydb_reads(path)
        assert set(theirs) - {META} <= set(ours), path
        for table, docs in theirs.items():
            assert docs.keys() == ours[table].keys(), f"{path}: table {table!r}"
            for doc_id, doc in docs.items():  # a field left out on disk reads as its default
                seen = {field: ours[table][doc_id][field] for field in doc}
                assert seen == doc, f"{path}: table {table!r}, document {doc_id}"


def test_a_fan_queries_their_marks_with_tinydb_in_three_lines(whole_store: Store) -> None:
    show_id = whole_store.user.shows_with_marks()[0]
    path = whole_store.user.marks_path(show_id)
    db = TinyDB(path, access_mode="r")  # the README's three lines
    first_season = db.table("marks").search(Query().season == 1)
    db.close()
    expected = [m for m in whole_store.user.marks(show_id) if m.season == 1]
    assert [doc["key"] for doc in first_season] == [m.key for m in expected]


def test_a_value_of_the_wrong_type_names_the_file_and_where(tmp_path: Path) -> None:
    path = tmp_path / "show.json"
    path.write_text(
        '{"show": {"1": {"id": "tvmaze-1", "name": "X"}},'
        ' "episodes": {"1": {"show_id": "tvmaze-1", "season": "one", "number": 1, "name": "P"}},'
        f' "{META}": {{"1": {{"schema": 1, "kind": "{SHOW}"}}}}}}',
        encoding="utf-8",
    )
    with pytest.raises(CorruptFileError) as caught:
        read_file(path, SHOW, FILE_TYPES[SHOW])
    message = str(caught.value)
    assert str(path) in message
    assert "season" in message
    assert caught.value.kept is not None
    assert caught.value.kept.exists()


def test_a_newer_schema_is_reported_as_such_even_when_its_types_differ(tmp_path: Path) -> None:
    path = tmp_path / "show.json"
    path.write_text(
        '{"show": {"1": {"id": 7, "name": ["a new shape"]}},'
        f' "{META}": {{"1": {{"schema": 2, "kind": "{SHOW}"}}}}}}',
        encoding="utf-8",
    )
    with pytest.raises(UnsupportedSchemaError):
        read_file(path, SHOW, FILE_TYPES[SHOW])


def test_a_write_by_another_process_is_seen_by_the_next_read(tmp_path: Path) -> None:
    store = Store(ensure_store(tmp_path, SMALL, log=False))
    other = Store(store.root)  # another process's view of the same directory
    before = store.catalog.index()
    assert other.catalog.index() == before
    other.catalog.set_meta(last_refresh="2026-01-01T00:00:00Z")
    assert store.catalog.meta()["last_refresh"] == "2026-01-01T00:00:00Z"
    assert store.catalog.index().shows == before.shows
