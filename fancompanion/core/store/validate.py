"""Deep checks of store files: every document of every table has the fields and types it needs.

Normal reads check documents lazily (only what a screen needs); these checks read a whole file
the way ``doctor`` and the daily backup need: is this file safe to load, and to keep as a
backup? Each failure is a :class:`StoreError` naming the file.
"""

from __future__ import annotations

from pathlib import Path

from fancompanion.core.store import catalog, user
from fancompanion.core.store.schema import (
    CHANGES,
    FILE_TYPES,
    INDEX,
    NEWS,
    PEOPLE,
    READ,
    SHOW,
    STATE,
    WATCHED,
)
from fancompanion.core.store.tinyfile import read_file


def check_file(path: Path, kind: str) -> None:
    """Raise :class:`StoreError` unless ``path`` is a whole, known, well-typed store file.

    A missing file is fine (the store treats it as empty).
    """
    read_file(path, kind, FILE_TYPES[kind])


def user_files(state: user.UserState) -> list[tuple[Path, str]]:
    """Every user-state file with its kind."""
    out = []
    for path in state.files():
        if path == state.state_path:
            out.append((path, STATE))
        elif path == state.read_path:
            out.append((path, READ))
        else:
            out.append((path, WATCHED))
    return out


def catalog_files(area: catalog.Catalog) -> list[tuple[Path, str]]:
    """Every catalog file with its kind (missing optional files are left out)."""
    out = [
        (p, kind)
        for p, kind in (
            (area.index_path, INDEX),
            (area.people_path, PEOPLE),
            (area.news_path, NEWS),
            (area.changes_path, CHANGES),
        )
        if p.exists()
    ]
    if area.shows_dir.is_dir():
        out.extend((p, SHOW) for p in sorted(area.shows_dir.glob("*.json")))
    return out


__all__ = ["catalog_files", "check_file", "user_files"]
