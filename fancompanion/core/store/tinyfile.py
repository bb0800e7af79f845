"""TinyDB over our atomic file path: orjson encoding, schema check, validation on read."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage

from fancompanion.core.store.errors import CorruptFileError, UnsupportedSchemaError
from fancompanion.core.store.files import atomic_write, dumps, keep_copy, read_json

SCHEMA = 1
META = "_meta"

Tables = dict[str, dict[str, dict[str, Any]]]


def check_tables(path: Path, data: Any, kind: str) -> Tables:
    """Validate the shape of a TinyDB file: tables of documents, a known schema version."""
    if not isinstance(data, dict):
        raise CorruptFileError(path, "expected a JSON object of tables", keep_copy(path))
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise CorruptFileError(
                path, f"table {name!r} is not a set of documents", keep_copy(path)
            )
    meta = data.get(META)
    if not data:
        return data
    if not meta:
        raise CorruptFileError(path, "it has no schema version", keep_copy(path))
    info = next(iter(meta.values()))
    version = info.get("schema")
    if not isinstance(version, int) or isinstance(version, bool):
        raise CorruptFileError(path, "its schema version is not a number", keep_copy(path))
    if version < 1:
        raise CorruptFileError(path, f"its schema version {version} is not valid", keep_copy(path))
    if version > SCHEMA:
        raise UnsupportedSchemaError(path, version, SCHEMA)
    if info.get("kind") != kind:
        raise CorruptFileError(
            path, f"it holds {info.get('kind')!r} data where {kind!r} was expected", None
        )
    return data


class AtomicStorage(Storage):
    """A TinyDB storage whose every write is :func:`atomic_write`."""

    def __init__(self, path: str, kind: str) -> None:
        self.path = Path(path)
        self.kind = kind

    def read(self) -> Tables | None:
        data = read_json(self.path)
        if data is None:
            return None
        return check_tables(self.path, data, self.kind)

    def write(self, data: Mapping[str, Any]) -> None:
        out = dict(data)
        out[META] = {"1": {"schema": SCHEMA, "kind": self.kind}}
        atomic_write(self.path, dumps(out))

    def close(self) -> None:
        pass


def open_db(path: Path, kind: str) -> TinyDB:
    """A TinyDB on ``path``. Writes through it must happen under the area's lock."""
    return TinyDB(str(path), storage=AtomicStorage, kind=kind)


def read_tables(path: Path, kind: str) -> Tables | None:
    """Read a whole file's tables without building TinyDB documents (fast bulk reads)."""
    return AtomicStorage(str(path), kind).read()


def rows(tables: Tables | None, name: str) -> list[dict[str, Any]]:
    if not tables:
        return []
    return list(tables.get(name, {}).values())


def write_tables(path: Path, kind: str, tables: Mapping[str, list[dict[str, Any]]]) -> None:
    """Replace a whole file with these tables (doc ids numbered from 1), in one atomic write."""
    data = {
        name: {str(i): doc for i, doc in enumerate(docs, start=1)} for name, docs in tables.items()
    }
    AtomicStorage(str(path), kind).write(data)
