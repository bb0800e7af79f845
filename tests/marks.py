"""Marking in tests goes through the one entrance, like the app and the CLI."""

from __future__ import annotations

from collections.abc import Iterable

from fancompanion.core.commands import ImportMarks, Rewatch, Unwatch, Watch, apply
from fancompanion.core.models import Episode, Mark
from fancompanion.core.store.store import Store


def watch(
    store: Store,
    show_id: str,
    episodes: Iterable[Episode],
    *,
    at: str | None = None,
    rewatch: bool = False,
) -> int:
    """Mark episodes watched (``rewatch``: one more play each); returns how many changed."""
    if rewatch:
        return sum(apply(store, Rewatch(show_id, e, at=at)).changed for e in episodes)
    return apply(store, Watch(show_id, tuple(episodes), at=at)).changed


def unwatch(store: Store, show_id: str, episodes: Iterable[Episode]) -> int:
    return apply(store, Unwatch(show_id, tuple(episodes))).changed


def put_marks(store: Store, show_id: str, marks: Iterable[Mark]) -> int:
    return apply(store, ImportMarks(show_id, tuple(marks))).changed
