"""The store facade: opens (and on first start seeds) the catalog and the user state."""

from __future__ import annotations

from pathlib import Path

from fancompanion.core.store.catalog import Catalog
from fancompanion.core.store.user import UserState


class Store:
    """One data directory: ``catalog/`` (what sources say) and ``user/`` (what the fan did)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.catalog = Catalog(root / "catalog")
        self.user = UserState(root / "user")

    @classmethod
    def open(cls, root: Path, *, bundle: Path | None = None) -> Store:
        """Open the store at ``root``; seed or update it from the bundled library if given.

        A missing catalog is created from the bundle; a bundle newer than the one the catalog
        was seeded from is merged in (catalog only: user state is never touched). The first
        open of the day snapshots user state (one ``stat`` when today's snapshot exists).
        """
        store = cls(root)
        from fancompanion.core.store.backup import daily_backup

        daily_backup(store)
        if bundle is not None:
            from fancompanion.core.bundle import seed_if_needed

            seed_if_needed(store, bundle)
        return store
