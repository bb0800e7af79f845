"""Check every store file and repair what can be repaired without losing anything.

``check`` reads each file fully (parse, schema version, every document's types) and returns
one :class:`Problem` per damaged file. ``repair`` moves a damaged file aside
(``<name>.corrupt-<stamp>``) and then: a user-state file is restored from the newest backup
holding a good copy of it; a catalog file is rebuilt from the bundled library (fetched data
comes back with the next refresh). User state is never reset: with no good backup the file is
left where it is and the report says so.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fancompanion.core.store.backup import Backup, list_backups, restore_file
from fancompanion.core.store.errors import CorruptFileError, StoreError, UnsupportedSchemaError
from fancompanion.core.store.files import keep_copy
from fancompanion.core.store.store import Store
from fancompanion.core.store.validate import catalog_files, check_file, user_files

STALE_BACKUP_DAYS = 10


@dataclass(frozen=True, slots=True)
class Problem:
    path: Path
    area: str  # "catalog" | "user" | "backups"
    kind: str  # the file's store kind ("" when not a store file)
    reason: str
    advice: str
    newer_schema: bool = False
    serious: bool = True  # False: worth knowing, nothing is wrong with the data

    @property
    def line(self) -> str:
        return f"{self.path}: {self.reason}. {self.advice}"


def check(store: Store) -> list[Problem]:
    """Every problem found in the store, one per file, user state first."""
    problems: list[Problem] = []
    backups = list_backups(store.user)
    for path, kind in user_files(store.user):
        error = _error_of(path, kind)
        if error is not None:
            advice = _user_advice(store, path, kind, error, backups)
            problems.append(_problem(path, "user", kind, error, advice))
    for path, kind in catalog_files(store.catalog):
        error = _error_of(path, kind)
        if error is not None:
            advice = "`fancompanion doctor --repair` rebuilds it from the bundled library"
            problems.append(_problem(path, "catalog", kind, error, advice))
    problems.extend(_missing_show_files(store))
    problems.extend(_leftovers(store))
    stale = _stale_backups(store, backups)
    if stale is not None:
        problems.append(stale)
    return problems


def _error_of(path: Path, kind: str) -> StoreError | None:
    try:
        check_file(path, kind)
    except StoreError as error:
        return error
    return None


def _problem(path: Path, area: str, kind: str, error: StoreError, advice: str) -> Problem:
    if isinstance(error, UnsupportedSchemaError):
        return Problem(
            path,
            area,
            kind,
            f"written by a newer FanCompanion (store schema {error.found!r})",
            "Upgrade FanCompanion; repair leaves this file alone",
            newer_schema=True,
        )
    reason = error.reason if isinstance(error, CorruptFileError) else str(error)
    return Problem(path, area, kind, f"damaged: {reason}", advice)


def _user_advice(
    store: Store, path: Path, kind: str, error: StoreError, backups: list[Backup]
) -> str:
    if isinstance(error, UnsupportedSchemaError):
        return ""
    found = _good_backup(store, path, kind, backups)
    if found is None:
        return (
            "No backup holds a good copy: it is left as it is; "
            "fix it by hand or restore it from your own copy"
        )
    return f"`fancompanion doctor --repair` restores it from the backup of {found.created}"


def _good_backup(store: Store, path: Path, kind: str, backups: list[Backup]) -> Backup | None:
    """The newest backup whose copy of ``path`` passes the same checks."""
    relative = path.relative_to(store.user.root).as_posix()
    for backup in backups:
        copy = backup.file(relative)
        if relative in backup.files and copy.is_file() and _error_of(copy, kind) is None:
            return backup
    return None


def _missing_show_files(store: Store) -> list[Problem]:
    catalog = store.catalog
    if _error_of(catalog.index_path, "catalog-index") is not None:
        return []
    return [
        Problem(
            catalog.show_path(summary.id),
            "catalog",
            "catalog-show",
            f"missing: the library lists {summary.name!r} but its file is gone",
            "`fancompanion doctor --repair` rebuilds it from the bundled library",
        )
        for summary in catalog.summaries()
        if not catalog.show_path(summary.id).exists()
    ]


def _leftovers(store: Store) -> list[Problem]:
    """Temporary files a killed writer left behind: harmless, never read as data."""
    return [
        Problem(
            path,
            "user" if store.user.root in path.parents else "catalog",
            "",
            "a temporary file left by an interrupted write",
            "It is never read; `fancompanion doctor --repair` deletes it",
            serious=False,
        )
        for path in _temp_files(store)
    ]


def _temp_files(store: Store) -> list[Path]:
    out: list[Path] = []
    for area in (store.user.root, store.user.watched_dir, store.catalog.root):
        if area.is_dir():
            out.extend(area.glob(".*.tmp"))
    for area in (store.catalog.shows_dir, store.catalog.text_dir):
        if area.is_dir():
            out.extend(area.glob(".*.tmp"))
    return sorted(out)


def _stale_backups(store: Store, backups: list[Backup]) -> Problem | None:
    if not store.user.files():
        return None
    root = store.user.root / "backups"
    if not backups:
        reason = "no backup of your watch history yet"
        return Problem(root, "backups", "", reason, _BACKUP_ADVICE, serious=False)
    newest = backups[0].created
    with contextlib.suppress(ValueError):
        age = datetime.now(UTC) - datetime.fromisoformat(newest.replace("Z", "+00:00"))
        if age.days > STALE_BACKUP_DAYS:
            reason = f"the newest backup is from {newest}"
            return Problem(root, "backups", "", reason, _BACKUP_ADVICE, serious=False)
    return None


_BACKUP_ADVICE = "Backups are taken when the app opens; check that the data directory is writable"


# -- repair ------------------------------------------------------------------------------------


def repair(store: Store, reseed: Callable[[Store], object] | None) -> list[str]:
    """Repair what ``check`` found; returns one line per action or refusal.

    ``reseed`` re-seeds the catalog from the bundled library (None: there is none).
    """
    done: list[str] = []
    problems = check(store)
    backups = list_backups(store.user)
    catalog_damaged = False
    for problem in problems:
        if problem.newer_schema:
            done.append(f"{problem.path}: left alone (written by a newer FanCompanion)")
        elif problem.area == "user" and problem.kind:
            done.append(_repair_user_file(store, problem, backups))
        elif problem.area == "catalog" and problem.kind:
            if problem.path.exists():
                kept = _set_aside(problem.path)
                if kept is None:
                    done.append(f"{problem.path}: could not keep a copy, so it was left alone")
                    continue
                done.append(f"{problem.path}: set aside as {kept.name}")
            catalog_damaged = True
    if catalog_damaged:
        done.extend(_rebuild_catalog(store, reseed))
    if _temp_files(store):  # under both locks: no writer is between its write and rename
        with store.user.lock.held(), store.catalog.lock.held():
            for path in _temp_files(store):
                with contextlib.suppress(OSError):
                    path.unlink()
                    done.append(f"{path}: deleted (left by an interrupted write)")
    return done


def _repair_user_file(store: Store, problem: Problem, backups: list[Backup]) -> str:
    path = problem.path
    found = _good_backup(store, path, problem.kind, backups)
    if found is None:
        return f"{path}: NOT repaired: no backup holds a good copy; the file was left as it is"
    kept = keep_copy(path)
    if kept is None:
        return f"{path}: NOT repaired: could not keep a copy of the damaged file"
    relative = path.relative_to(store.user.root).as_posix()
    try:
        restore_file(store.user, found, relative)
    except (StoreError, OSError) as error:
        return f"{path}: NOT repaired: {error}"
    return f"{path}: restored from the backup of {found.created} (damaged copy kept as {kept.name})"


def _set_aside(path: Path) -> Path | None:
    kept = keep_copy(path)
    if kept is None:
        return None
    try:
        os.unlink(path)
    except OSError:
        return None
    return kept


def _rebuild_catalog(store: Store, reseed: Callable[[Store], object] | None) -> list[str]:
    """Re-seed what was set aside from the bundle; shows only a refresh can bring back go."""
    catalog = store.catalog
    if reseed is None:
        return ["catalog: no bundled library to rebuild from; run `fancompanion fetch`"]
    from fancompanion.core.store.schema import INDEX
    from fancompanion.core.store.tables import edit

    lost: list[str] = []
    with catalog.lock.held():
        if catalog.index_path.exists():
            with edit(catalog.index_path, INDEX, catalog.lock) as index:
                kept_rows = []
                for row in index.table("shows"):
                    if catalog.show_path(str(row.get("id"))).exists():
                        kept_rows.append(row)
                    else:
                        lost.append(str(row.get("name")))
                index.replace("shows", kept_rows)
            catalog.set_meta(bundle_version=0)  # makes the bundle merge in again
        reseed(store)
        listed = {s.id for s in catalog.summaries()}
        orphans = [  # good show files a lost index no longer lists (fetched shows)
            record
            for path, kind in catalog_files(catalog)
            if kind == "catalog-show" and _error_of(path, kind) is None
            for record in [catalog.record_at(path)]
            if record is not None and record.show.id not in listed
        ]
        catalog.put_shows(orphans)
    back = {s.name for s in catalog.summaries()}
    gone = sorted(name for name in lost if name not in back)
    lines = ["catalog: rebuilt from the bundled library"]
    if gone:
        lines.append(
            f"catalog: {', '.join(gone)} will return with the next `fancompanion fetch`; "
            "your marks for them are kept"
        )
    return lines


__all__ = ["Problem", "check", "repair"]
