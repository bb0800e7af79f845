"""A merge's result goes into the fan's user state through the core's one entrance
(:meth:`fancompanion.core.library.Library.apply`), like any other change: the same rules, the
same files, the same observers (sync ignores the changes it makes itself)."""

from __future__ import annotations

from fancompanion.core.commands import (
    RemoveFeed,
    RestoreMarks,
    SetFeed,
    SetRead,
    SetSetting,
    SetStatus,
)
from fancompanion.core.library import Library
from fancompanion.core.models import Feed, Mark, WatchStatus
from fancompanion.sync.diff import Plan


def write_back(library: Library, plan: Plan, old_marks: dict[str, dict[str, Mark]]) -> int:
    """Apply ``plan``; ``old_marks`` are the marks it replaces. Returns changes applied."""
    changed = 0
    for show, keys in sorted(plan.marks.items()):
        current = old_marks.get(show, {})
        gone = [key for key, mark in keys.items() if mark is None and key in current]
        remove = tuple(current[key] for key in gone)
        put = tuple(mark for mark in keys.values() if mark is not None)
        changed += library.apply(RestoreMarks(show, remove, put, "sync")).changed
    for show, status in sorted(plan.statuses.items()):
        changed += library.apply(SetStatus(show, WatchStatus.parse(status))).changed
    for read in (True, False):
        ids = tuple(sorted(n for n, value in plan.read.items() if value is read))
        if ids:
            changed += library.apply(SetRead(ids, read)).changed
    for key, value in sorted(plan.settings.items()):
        changed += library.apply(SetSetting(key, value)).changed
    for url, feed in sorted(plan.feeds.items()):
        if feed is None:
            changed += library.apply(RemoveFeed(url)).changed
        else:
            title = feed.get("title")
            enabled = feed.get("enabled")
            change = SetFeed(
                Feed(url, title if isinstance(title, str) else "", enabled is not False)
            )
            changed += library.apply(change).changed
    return changed
