"""How the app and the CLI open a store: the one place the store, backups and bundle meet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fancompanion.core.bundle import seed_if_needed
from fancompanion.core.store.backup import DailyBackup
from fancompanion.core.store.store import Store


def open_store(
    root: Path, bundle: Path | None = None, *, first: Callable[[Store], object] | None = None
) -> Store:
    """Open the store at ``root``: take the day's backup, seed or update it from ``bundle``.

    A missing catalog is created from the bundle; a bundle newer than the one the catalog was
    seeded from is merged in (catalog only: user state is never touched). Every later write of
    user state first settles the day's backup.

    ``first`` reads what the caller needs of the catalog's index (its names, or all of it)
    before the bundle check, which then finds the index's info row decoded: one read of a
    10,000-show index instead of two. (When seeding changes the index, it is read again.)
    """
    store = Store(root)
    backup = DailyBackup(store.user)
    store.user.before_write = backup
    backup()  # first: a damaged catalog must not keep the day's backup from being taken
    if first is not None:
        first(store)
    if bundle is not None:
        seed_if_needed(store, bundle)
    return store


__all__ = ["open_store"]
