"""A data directory's two areas: the catalog and the user state (opened by ``open_store``)."""

from __future__ import annotations

from pathlib import Path

from fancompanion.core.store.catalog import Catalog
from fancompanion.core.store.user import UserState


class Store:
    """One data directory: ``catalog/`` (what sources say) and ``user/`` (what the fan did).

    ``Store(root)`` only names the files; :func:`fancompanion.core.opening.open_store` is how
    the app and the CLI open a store (daily backup, seeding from the bundled library).
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.catalog = Catalog(root / "catalog")
        self.user = UserState(root / "user")
