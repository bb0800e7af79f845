"""Read-modify-write of one TinyDB file under its area's lock, in a single atomic write."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fancompanion.core.store.files import StoreLock
from fancompanion.core.store.schema import META
from fancompanion.core.store.tinyfile import Tables, read_tables, write_tables


class Edit:
    """Tables of one file as lists of documents, fresh from disk; written back on exit."""

    def __init__(self, tables: Tables | None) -> None:
        self.tables: dict[str, list[dict[str, Any]]] = {
            name: list(docs.values()) for name, docs in (tables or {}).items() if name != META
        }
        self.changed = False

    def table(self, name: str) -> list[dict[str, Any]]:
        return self.tables.setdefault(name, [])

    def replace(self, name: str, docs: list[dict[str, Any]]) -> None:
        self.tables[name] = docs
        self.changed = True


@contextlib.contextmanager
def edit(path: Path, kind: str, lock: StoreLock) -> Iterator[Edit]:
    """Lock, read the current file, let the caller change it, write it once if changed."""
    with lock.held():
        current = Edit(read_tables(path, kind))
        yield current
        if current.changed:
            write_tables(path, kind, current.tables)
