"""Deep checks of store files: every document of every table has the fields and types it needs.

Normal reads check documents lazily (only what a screen needs); these checks read a whole file
the way ``doctor`` and the daily backup need: is this file safe to load, and to keep as a
backup? Each failure is a :class:`StoreError` naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fancompanion.core.models import (
    Credit,
    Episode,
    Feed,
    Mark,
    NewsItem,
    Person,
    Season,
    Show,
    ShowSummary,
)
from fancompanion.core.store import catalog, user
from fancompanion.core.store.codec import from_doc
from fancompanion.core.store.errors import CorruptFileError
from fancompanion.core.store.tinyfile import read_tables, rows


@dataclass(frozen=True, slots=True)
class _StatusDoc:
    show: str
    status: str


@dataclass(frozen=True, slots=True)
class _SettingDoc:
    key: str


@dataclass(frozen=True, slots=True)
class _ReadDoc:
    news: str


@dataclass(frozen=True, slots=True)
class _ShowInfoDoc:
    show: str


@dataclass(frozen=True, slots=True)
class _PersonDoc:
    person: dict[str, Any]
    credits: list[Any]


# kind -> table -> the type every document of that table must decode to
_TABLES: dict[str, dict[str, type]] = {
    catalog.INDEX: {"shows": ShowSummary},
    catalog.SHOW: {
        "show": Show,
        "seasons": Season,
        "episodes": Episode,
        "credits": Credit,
        "people": Person,
    },
    catalog.PEOPLE: {"people": _PersonDoc},
    catalog.NEWS: {"items": NewsItem, "feeds": Feed},
    user.STATE: {"shows": _StatusDoc, "feeds": Feed, "settings": _SettingDoc},
    user.READ: {"read": _ReadDoc},
    user.WATCHED: {"marks": Mark, "info": _ShowInfoDoc},
}


def check_file(path: Path, kind: str) -> None:
    """Raise :class:`StoreError` unless ``path`` is a whole, known, well-typed store file.

    A missing file is fine (the store treats it as empty).
    """
    tables = read_tables(path, kind)
    for name, cls in _TABLES[kind].items():
        for doc in rows(tables, name):
            from_doc(cls, doc, path)
            if cls is _PersonDoc:
                _check_person(doc, path)


def _check_person(doc: dict[str, Any], path: Path) -> None:
    from_doc(Person, doc["person"], path)
    if not isinstance(doc["credits"], list):
        raise CorruptFileError(path, "a person's credits are not a list")
    for credit in doc["credits"]:
        if not (isinstance(credit, list) and len(credit) == 3):
            raise CorruptFileError(path, "a person's credit is not [show, kind, role]")
        if not all(isinstance(part, str) for part in credit):
            raise CorruptFileError(path, "a person's credit holds a non-text value")


def user_files(state: user.UserState) -> list[tuple[Path, str]]:
    """Every user-state file with its kind."""
    out = []
    for path in state.files():
        if path == state.state_path:
            out.append((path, user.STATE))
        elif path == state.read_path:
            out.append((path, user.READ))
        else:
            out.append((path, user.WATCHED))
    return out


def catalog_files(area: catalog.Catalog) -> list[tuple[Path, str]]:
    """Every catalog file with its kind (missing optional files are left out)."""
    out = [
        (p, kind)
        for p, kind in (
            (area.index_path, catalog.INDEX),
            (area.people_path, catalog.PEOPLE),
            (area.news_path, catalog.NEWS),
        )
        if p.exists()
    ]
    if area.shows_dir.is_dir():
        out.extend((p, catalog.SHOW) for p in sorted(area.shows_dir.glob("*.json")))
    return out


__all__ = ["catalog_files", "check_file", "user_files"]
