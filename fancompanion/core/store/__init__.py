"""The local store: a catalog (what sources say) and user state (what the fan did).

Both are TinyDB files under one data directory, written only through
:func:`fancompanion.core.store.files.atomic_write` under a cross-process lock.
"""

from fancompanion.core.store.errors import (
    CorruptFileError,
    StoreError,
    StoreLockedError,
    UnsupportedSchemaError,
)
from fancompanion.core.store.store import Store

__all__ = [
    "CorruptFileError",
    "Store",
    "StoreError",
    "StoreLockedError",
    "UnsupportedSchemaError",
]
