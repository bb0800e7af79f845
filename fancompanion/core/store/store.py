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
        self.user.before_write = self._daily_backup
        self._backed_up_on = ""  # the UTC day this object last settled the daily backup

    @classmethod
    def open(cls, root: Path, *, bundle: Path | None = None) -> Store:
        """Open the store at ``root``; seed or update it from the bundled library if given.

        A missing catalog is created from the bundle; a bundle newer than the one the catalog
        was seeded from is merged in (catalog only: user state is never touched).
        """
        store = cls(root)
        store._daily_backup()
        if bundle is not None:
            from fancompanion.core.bundle import seed_if_needed

            seed_if_needed(store, bundle)
        return store

    def _daily_backup(self) -> None:
        """The day's snapshot of user state, on open and before the first write of the day.

        Once settled for the day (taken, found, or refused because a file is damaged) it costs
        nothing more in this process; a new fan with no state yet is checked again next write.
        """
        from datetime import UTC, datetime

        from fancompanion.core.store.backup import daily_backup

        today = datetime.now(UTC).strftime("%Y-%m-%d")
        if self._backed_up_on == today:
            return
        daily_backup(self)
        if self.user.has_files():
            self._backed_up_on = today
