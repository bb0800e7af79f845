"""Rotating backups of user state: the fan's marks survive a bad disk day or a bad import.

Layout under ``<data>/user/backups/``::

    2026-11-25-daily/                   one per day, taken on the first open of the day
    2026-11-25T141800Z-import/          taken by :func:`backup_now` before an import/migration
        manifest.json                   written last: a backup without it is incomplete
        state.json  read.json  watched/<id>.json

A backup is assembled in a hidden temporary directory and renamed into place, so a crash
never leaves a half backup that looks whole. Only user state is backed up: the catalog can
always be fetched again or re-seeded from the bundled library.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import msgspec
import orjson

from fancompanion.core.store.errors import StoreError, StoreWriteError
from fancompanion.core.store.files import atomic_write, dumps
from fancompanion.core.store.user import UserState
from fancompanion.core.store.validate import check_file, user_files

KEEP_DAILY = 10  # daily snapshots kept (the last ten days the app was used)
KEEP_OTHER = 10  # backups taken before imports and migrations
MANIFEST = "manifest.json"
DAILY = "daily"
_REASON = re.compile(r"[^a-z0-9]+")


class Backup(msgspec.Struct, frozen=True):
    path: Path
    created: str  # ISO-8601 UTC
    reason: str
    files: tuple[str, ...]  # paths relative to the user directory

    def file(self, relative: str) -> Path:
        return self.path / relative


def backups_dir(user: UserState) -> Path:
    return user.root / "backups"


def daily_backup(user: UserState, today: datetime | None = None) -> Backup | None:
    """Take today's snapshot unless it exists. Costs one ``stat`` when it does.

    No snapshot is taken while a user file is damaged: rotating then would push the last good
    copies out. A failure to back up (read-only or full disk) never blocks opening the store:
    the write that follows reports the disk problem itself, and ``doctor`` reports stale backups.
    """
    when = today or datetime.now(UTC)
    day = when.strftime("%Y-%m-%d")
    target = backups_dir(user) / f"{day}-{DAILY}"
    if target.exists():
        return None
    try:
        for path, kind in user_files(user):
            check_file(path, kind)
        return _take(user, target, DAILY, KEEP_DAILY, when)
    except StoreError:
        return None


def backup_now(user: UserState, reason: str) -> Backup | None:
    """Back up user state now, before ``reason`` (e.g. "import", "migration") changes it.

    Returns None when there is no user state yet. Raises :class:`StoreError` when the backup
    cannot be written: the caller must not go on to change user state without one.
    """
    label = _REASON.sub("-", reason.lower()).strip("-")[:40] or "manual"
    if label == DAILY:
        label = "manual-daily"
    when = datetime.now(UTC)
    stamp = when.strftime("%Y-%m-%dT%H%M%SZ")
    return _take(user, backups_dir(user) / f"{stamp}-{label}", label, KEEP_OTHER, when)


def _take(user: UserState, target: Path, reason: str, keep: int, when: datetime) -> Backup | None:
    if not user.files():  # nothing to keep yet: do not even create the lock file
        return None
    with user.lock.held():
        if target.exists():
            if reason == DAILY:  # another process took today's while we waited for the lock
                return None
            target = _unused(target)
        files = user.files()
        if not files:
            return None
        staging = target.with_name(f".{target.name}.partial")
        copied: list[str] = []
        try:
            shutil.rmtree(staging, ignore_errors=True)
            for path in files:
                try:
                    data = path.read_bytes()
                except FileNotFoundError:
                    continue
                relative = path.relative_to(user.root).as_posix()
                atomic_write(staging / relative, data)
                copied.append(relative)
            created = when.strftime("%Y-%m-%dT%H:%M:%SZ")
            manifest = {"created": created, "reason": reason, "files": copied}
            atomic_write(staging / MANIFEST, dumps(manifest))
            os.replace(staging, target)
        except (OSError, StoreError) as error:
            shutil.rmtree(staging, ignore_errors=True)
            if isinstance(error, StoreError):
                raise
            raise StoreWriteError(target, error) from error
        _rotate(user, reason == DAILY, keep)
    return Backup(target, created, reason, tuple(copied))


def _unused(target: Path) -> Path:
    """``target``, or ``target-2``, ``-3``... when two backups share a second."""
    suffix = 1
    candidate = target
    while candidate.exists():
        suffix += 1
        candidate = target.with_name(f"{target.name}-{suffix}")
    return candidate


def _rotate(user: UserState, daily: bool, keep: int) -> None:
    """Delete the oldest backups of this kind beyond ``keep``, and stale partial ones."""
    root = backups_dir(user)
    same_kind = [b for b in list_backups(user) if (b.reason == DAILY) == daily]
    for old in same_kind[keep:]:
        shutil.rmtree(old.path, ignore_errors=True)
    for partial in root.glob(".*.partial"):
        shutil.rmtree(partial, ignore_errors=True)


def list_backups(user: UserState) -> list[Backup]:
    """Complete backups, newest first. A directory without a readable manifest is skipped."""
    root = backups_dir(user)
    if not root.is_dir():
        return []
    found = []
    for path in root.iterdir():
        if path.name.startswith(".") or not path.is_dir():
            continue
        with contextlib.suppress(OSError, orjson.JSONDecodeError):
            manifest = orjson.loads((path / MANIFEST).read_bytes())
            files = manifest.get("files") if isinstance(manifest, dict) else None
            created = manifest.get("created") if isinstance(manifest, dict) else None
            if isinstance(files, list) and isinstance(created, str):
                reason = str(manifest.get("reason") or "")
                names = tuple(str(f) for f in files if isinstance(f, str))
                found.append(Backup(path, created, reason, names))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def restore_file(user: UserState, backup: Backup, relative: str) -> Path:
    """Put one user file back from ``backup`` (atomically, under the user lock)."""
    target = user.root / relative
    with user.lock.held():
        atomic_write(target, backup.file(relative).read_bytes())
    return target


class DailyBackup:
    """The day's snapshot of user state, taken on open and before the first write of the day.

    Set as :attr:`UserState.before_write`. Once settled for the day (taken, found, or refused
    because a file is damaged) it costs nothing more in this process; a new fan with no state
    yet is checked again at the next write.
    """

    def __init__(self, user: UserState) -> None:
        self.user = user
        self.settled_on = ""  # the UTC day this process last settled the daily backup

    def __call__(self) -> None:
        today = datetime.now(UTC).strftime("%Y-%m-%d")
        if self.settled_on == today:
            return
        daily_backup(self.user)
        if self.user.has_files():
            self.settled_on = today


__all__ = [
    "KEEP_DAILY",
    "Backup",
    "DailyBackup",
    "backup_now",
    "backups_dir",
    "daily_backup",
    "list_backups",
    "restore_file",
]
