"""Store files as TinyDB databases: typed reads, and TinyDB's storage interface for writes.

A store file is exactly what TinyDB's default ``JSONStorage`` reads (``TinyDB(path,
access_mode="r")`` opens any of them). Reads decode the whole file at once into its type from
:mod:`fancompanion.core.store.schema`; writes go through :class:`AtomicStorage`, a TinyDB
``Storage`` whose every write is atomic and stamps the schema, always under the area's lock
(:func:`fancompanion.core.store.tables.edit`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import msgspec
import orjson
from tinydb.storages import Storage

from fancompanion.core.store.errors import CorruptFileError, UnsupportedSchemaError
from fancompanion.core.store.files import atomic_write, dumps, keep_copy, read_bytes
from fancompanion.core.store.schema import FILE_TYPES, META, SCHEMA, Meta, StoreFile

F = TypeVar("F", bound=StoreFile)

Tables = dict[str, dict[str, dict[str, Any]]]

_DECODERS: dict[type[StoreFile], msgspec.json.Decoder[Any]] = {}


def read_file(path: Path, kind: str, file_type: type[F]) -> F | None:
    """The whole file decoded into ``file_type``; None when it does not exist.

    :class:`CorruptFileError` (naming the file, a copy kept aside) when it is not JSON or a
    value has the wrong type; :class:`UnsupportedSchemaError` when a newer FanCompanion wrote it.
    """
    raw = read_bytes(path)
    if raw is None:
        return None
    decoder = _DECODERS.get(file_type)
    if decoder is None:
        decoder = _DECODERS[file_type] = msgspec.json.Decoder(file_type)
    try:
        decoded: F = decoder.decode(raw)
    except msgspec.ValidationError as error:
        # A newer schema may legitimately change types: report the version, not the types.
        check_tables(path, _loads(path, raw), kind)
        raise CorruptFileError(
            path, f"a value has the wrong type ({error})", keep_copy(path)
        ) from error
    except msgspec.DecodeError as error:
        raise CorruptFileError(path, f"not valid JSON ({error})", keep_copy(path)) from error
    _check_meta(path, decoded, kind)
    return decoded


def read_tables(path: Path, kind: str) -> Tables | None:
    """The file's tables as plain documents, for a read-modify-write; None when missing."""
    raw = read_bytes(path)
    if raw is None:
        return None
    return check_tables(path, _loads(path, raw), kind)


def check_tables(path: Path, data: Any, kind: str) -> Tables:
    """Validate the shape of a TinyDB file: tables of documents, a known schema version."""
    if not isinstance(data, dict):
        raise CorruptFileError(path, "expected a JSON object of tables", keep_copy(path))
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise CorruptFileError(
                path, f"table {name!r} is not a set of documents", keep_copy(path)
            )
    if data:
        meta = data.get(META)
        info = next(iter(meta.values())) if meta else None
        _check_version(
            path, None if info is None else Meta(info.get("schema"), info.get("kind")), kind
        )
    return data


def _check_meta(path: Path, decoded: StoreFile, kind: str) -> None:
    info = next(iter(decoded.meta.values()), None)
    if info is None and not _has_documents(decoded):
        return  # an empty database (``{}``), as TinyDB itself writes one
    _check_version(path, info, kind)


def _has_documents(decoded: StoreFile) -> bool:
    return any(getattr(decoded, name) for name in decoded.__struct_fields__ if name != "meta")


def _check_version(path: Path, info: Meta | None, kind: str) -> None:
    if info is None:
        raise CorruptFileError(path, "it has no schema version", keep_copy(path))
    version = info.schema
    if not isinstance(version, int) or isinstance(version, bool):
        raise CorruptFileError(path, "its schema version is not a number", keep_copy(path))
    if version < 1:
        raise CorruptFileError(path, f"its schema version {version} is not valid", keep_copy(path))
    if version > SCHEMA:
        raise UnsupportedSchemaError(path, version, SCHEMA)
    if info.kind != kind:
        raise CorruptFileError(
            path, f"it holds {info.kind!r} data where {kind!r} was expected", None
        )


def _loads(path: Path, raw: bytes) -> Any:
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise CorruptFileError(path, f"not valid JSON ({error.msg})", keep_copy(path)) from error


class AtomicStorage(Storage):
    """A TinyDB storage whose every write is :func:`atomic_write` and carries the schema."""

    def __init__(self, path: str, kind: str) -> None:
        self.path = Path(path)
        self.kind = kind
        if kind not in FILE_TYPES:
            raise ValueError(f"unknown store file kind {kind!r}")

    def read(self) -> Tables | None:
        return read_tables(self.path, self.kind)

    def write(self, data: Mapping[str, Any]) -> None:
        out = dict(data)
        out[META] = {"1": {"schema": SCHEMA, "kind": self.kind}}
        atomic_write(self.path, dumps(out))

    def close(self) -> None:
        pass


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


class Decoded:
    """A file decoded once per version on disk: judged by ``os.stat`` (inode, size, mtime).

    Every write replaces the file (a new inode), so a write by any process is seen next call.
    """

    def __init__(self, path: Path, kind: str, file_type: type[StoreFile]) -> None:
        self.path = path
        self.kind = kind
        self.file_type = file_type
        self._seen: tuple[tuple[int, int, int], StoreFile | None] | None = None

    def cached(self) -> StoreFile | None:
        """What was decoded, if the file has not changed since (one ``stat``)."""
        now = _stat_key(self.path)
        if self._seen is not None and now is not None and self._seen[0] == now:
            return self._seen[1]
        return None

    def get(self) -> StoreFile | None:
        before = _stat_key(self.path)
        if self._seen is not None and before is not None and self._seen[0] == before:
            return self._seen[1]
        decoded = read_file(self.path, self.kind, self.file_type)
        if before is not None and _stat_key(self.path) == before:  # unchanged while read
            self._seen = (before, decoded)
        return decoded


def _stat_key(path: Path) -> tuple[int, int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)
