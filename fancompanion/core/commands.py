"""The one entrance for every change to the fan's history.

A change is a small frozen value (:data:`Change`); :func:`apply` carries it out under the user
area's lock and returns a :class:`Result`: a one-line message, how many things changed, and the
*inverse* change that puts back exactly what was there (play counts, first and last watch
times). The TUI, the CLI, Up next, imports and sync all come through here
(:meth:`fancompanion.core.library.Library.apply`), so the rules live in one place:

- only aired episodes can be marked (an unaired one is refused with a reason);
- a mark belongs to an episode by :func:`fancompanion.core.progress.mark_of` (TVmaze id, then key);
- two marks of one episode merge by :meth:`fancompanion.core.models.Mark.merged`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import msgspec

from fancompanion.core import marks_edit
from fancompanion.core.models import Episode, Feed, Mark, WatchStatus
from fancompanion.core.progress import earlier_aired
from fancompanion.core.store.store import Store
from fancompanion.core.timeutil import has_aired, local_display, now_iso
from fancompanion.core.wording import plural

# -- the changes ----------------------------------------------------------------------------
# Frozen msgspec structs, not dataclasses: the same value semantics (fields, ==, hash, repr,
# match), built in C when the module loads (a dataclass costs ~1 ms of start-up each, and every
# command line that changes history loads all of these).


class Watch(msgspec.Struct, frozen=True):
    """First play of each episode; an episode already watched is left as it is."""

    show_id: str
    episodes: tuple[Episode, ...]
    at: str | None = None


class Unwatch(msgspec.Struct, frozen=True):
    """Remove every play of each episode."""

    show_id: str
    episodes: tuple[Episode, ...]


class Rewatch(msgspec.Struct, frozen=True):
    """One more play of an episode (its first, if it was not watched)."""

    show_id: str
    episode: Episode
    at: str | None = None


class WatchUpTo(msgspec.Struct, frozen=True):
    """Every aired regular episode up to and including this one."""

    show_id: str
    episodes: tuple[Episode, ...]  # the show's episodes, in order
    episode: Episode


class SetSeason(msgspec.Struct, frozen=True):
    """A whole season's regular episodes watched (the aired ones) or unwatched."""

    show_id: str
    episodes: tuple[Episode, ...]  # the show's episodes
    season: int
    watched: bool


class ImportMarks(msgspec.Struct, frozen=True):
    """Marks from an import or a sync: each merges into the stored mark of its episode."""

    show_id: str
    marks: tuple[Mark, ...]


class RestoreMarks(msgspec.Struct, frozen=True):
    """Take out ``remove`` (matched like marks are), put back ``put`` exactly: the inverse of
    every change to marks, and itself undone by swapping the two."""

    show_id: str
    remove: tuple[Mark, ...]
    put: tuple[Mark, ...]
    label: str = ""  # what the restore undoes, for its message


class SetStatus(msgspec.Struct, frozen=True):
    show_id: str
    status: WatchStatus
    at: str | None = None


class SetRead(msgspec.Struct, frozen=True):
    news_ids: tuple[str, ...]
    read: bool
    at: str | None = None


class SetSetting(msgspec.Struct, frozen=True):
    key: str
    value: Any


class SetFeed(msgspec.Struct, frozen=True):
    """Subscribe to a feed, or change its title or whether it is enabled."""

    feed: Feed


class RemoveFeed(msgspec.Struct, frozen=True):
    url: str


class RemoveShow(msgspec.Struct, frozen=True):
    """Take a show out of the library: its catalog entry, its marks and its status.

    Callers save its history first (``fancompanion.exchange.remove``); this is not undoable.
    """

    show_id: str


Change = (
    Watch
    | Unwatch
    | Rewatch
    | WatchUpTo
    | SetSeason
    | ImportMarks
    | RestoreMarks
    | SetStatus
    | SetRead
    | SetSetting
    | SetFeed
    | RemoveFeed
    | RemoveShow
)


class Result(msgspec.Struct, frozen=True):
    change: Change
    message: str
    changed: int = 0
    inverse: Change | None = None
    refused: str | None = None
    # For marks changes: the marks as they were and as they are now (changed ones only).
    before: tuple[Mark, ...] = ()
    after: tuple[Mark, ...] = ()
    # What the change was about, as the fan knows it (a show's name, a news title): given by
    # whoever asked for the change, kept by the undo history so undo and redo can name it.
    title: str = ""

    @property
    def show_id(self) -> str | None:
        return getattr(self.change, "show_id", None)


# -- carrying them out ----------------------------------------------------------------------


def apply(store: Store, change: Change, now: str | None = None) -> Result:
    """Carry out one change; every write to user state comes through here."""
    when = now or now_iso()
    match change:
        case Watch() | Unwatch() | Rewatch() | WatchUpTo() | SetSeason():
            return _episodes_change(store, change, when)
        case ImportMarks():
            return _marks_change(
                store,
                change,
                lambda marks: marks_edit.merge_in(marks, change.marks),
                lambda n: f"Imported {plural(n, 'mark')}",
            )
        case RestoreMarks():
            return _marks_change(
                store,
                change,
                lambda marks: marks_edit.restore(marks, change.remove, change.put),
                lambda n: f"Restored: {change.label}" if change.label else "Marks restored",
            )
        case SetStatus():
            return _set_status(store, change, when)
        case SetRead():
            return _set_read(store, change, when)
        case SetSetting():
            old = store.user.settings().get(change.key)
            if old == change.value:
                return Result(change, "Nothing to change")
            store.user.set_setting(change.key, change.value)
            return Result(change, f"{change.key} set", 1, SetSetting(change.key, old))
        case SetFeed():
            store.user.put_feed(change.feed)
            return Result(change, f"Feed {change.feed.title or change.feed.url} saved", 1)
        case RemoveFeed():
            removed = store.user.remove_feed(change.url)
            return Result(change, "Feed removed" if removed else "No such feed", int(removed))
        case RemoveShow():
            return _remove_show(store, change)


def _episodes_change(
    store: Store, change: Watch | Unwatch | Rewatch | WatchUpTo | SetSeason, now: str
) -> Result:
    """Watch, unwatch, rewatch, up-to-here and season toggles: which episodes, then marks."""
    refused: list[Episode] = []
    match change:
        case Watch():
            targets, refused = _aired_only(change.episodes, now)
            at = change.at or now
            result = _marks_change(
                store,
                change,
                lambda marks: marks_edit.watch(marks, targets, at),
                _watched_text(targets),
            )
        case Rewatch():
            targets, refused = _aired_only((change.episode,), now)
            at = change.at or now
            result = _marks_change(
                store,
                change,
                lambda marks: marks_edit.watch(marks, targets, at, again=True),
                lambda n: f"Watched {change.episode.code} again" if n else "Nothing to change",
            )
        case WatchUpTo():
            targets = earlier_aired(change.episodes, change.episode, now)
            result = _marks_change(
                store,
                change,
                lambda marks: marks_edit.watch(marks, targets, now),
                lambda n: f"Marked {plural(n, 'episode')} up to {change.episode.code} watched",
            )
        case SetSeason() if change.watched:
            season = [e for e in change.episodes if e.season == change.season and e.number]
            targets = [e for e in season if has_aired(e, now)]
            result = _marks_change(
                store,
                change,
                lambda marks: marks_edit.watch(marks, targets, now),
                lambda n: f"Marked {plural(n, 'episode')} of season {change.season} watched",
            )
        case SetSeason():
            season = [e for e in change.episodes if e.season == change.season and e.number]
            result = _marks_change(
                store,
                change,
                lambda marks: marks_edit.unwatch(marks, season),
                lambda n: f"Unmarked {plural(n, 'episode')} of season {change.season}",
            )
        case Unwatch():
            targets = list(change.episodes)
            result = _marks_change(
                store,
                change,
                lambda marks: marks_edit.unwatch(marks, targets),
                _unwatched_text(targets),
            )
    if refused and not result.changed:
        return Result(change, _refusal(refused), refused=_refusal(refused))
    if refused:
        note = f"; {_refusal(refused)}"
        return Result(
            result.change,
            result.message + note,
            result.changed,
            result.inverse,
            None,
            result.before,
            result.after,
        )
    return result


def _marks_change(
    store: Store,
    change: Change,
    edit: Callable[[list[Mark]], list[Mark]],
    describe: Callable[[int], str],
) -> Result:
    show_id = getattr(change, "show_id", "")
    before, after = store.user.edit_marks(show_id, edit)
    removed = tuple(m for m in before if m not in after)
    added = tuple(m for m in after if m not in before)
    count = marks_edit.touched(removed, added)
    if not count:
        return Result(change, "Nothing to change")
    message = describe(count)
    inverse = RestoreMarks(show_id, remove=added, put=removed, label=message)
    return Result(change, message, count, inverse, None, removed, added)


# -- status, read marks, removal --------------------------------------------------------------


def _set_status(store: Store, change: SetStatus, now: str) -> Result:
    old = store.user.statuses().get(change.show_id, WatchStatus.NONE)
    if old is change.status:
        return Result(change, f"Status is already {change.status.label}")
    store.user.set_status(change.show_id, change.status, at=change.at or now)
    return Result(change, f"Status: {change.status.label}", 1, SetStatus(change.show_id, old))


def _set_read(store: Store, change: SetRead, now: str) -> Result:
    read = store.user.read_ids()
    wanted = tuple(dict.fromkeys(n for n in change.news_ids if (n in read) != change.read))
    if not wanted:
        return Result(change, "Nothing to change")
    store.user.set_read(wanted, change.read, at=change.at or now)
    state = "read" if change.read else "unread"
    noun = "item" if len(wanted) == 1 else "items"
    message = f"Marked {len(wanted)} news {noun} {state}"
    return Result(change, message, len(wanted), SetRead(wanted, not change.read))


def _remove_show(store: Store, change: RemoveShow) -> Result:
    record = store.catalog.record(change.show_id)
    name = record.show.name if record else change.show_id
    with store.user.lock.held():
        marks = store.user.remove_show(change.show_id)
    removed = store.catalog.remove_show(change.show_id)
    if not removed and not marks:
        return Result(change, f"{name} is not in the library", refused="not in the library")
    return Result(change, f"Removed {name} ({plural(marks, 'mark')})", 1)


# -- wording ----------------------------------------------------------------------------------


def _aired_only(episodes: Iterable[Episode], now: str) -> tuple[list[Episode], list[Episode]]:
    aired: list[Episode] = []
    unaired: list[Episode] = []
    for episode in episodes:
        (aired if has_aired(episode, now) else unaired).append(episode)
    return aired, unaired


def _refusal(unaired: Sequence[Episode]) -> str:
    first = unaired[0]
    when = local_display(first.airstamp or (first.airdate and f"{first.airdate}T00:00:00Z"))
    if len(unaired) == 1:
        airs = f"airs {when}" if when else "no air date yet"
        return f"{first.code} has not aired yet ({airs}): only aired episodes can be marked"
    return f"{plural(len(unaired), 'episode')} not aired yet were left unmarked"


def _watched_text(targets: Sequence[Episode]) -> Callable[[int], str]:
    if len(targets) == 1:
        return lambda n: f"Marked {targets[0].code} watched"
    return lambda n: f"Marked {plural(n, 'episode')} watched"


def _unwatched_text(targets: Sequence[Episode]) -> Callable[[int], str]:
    if len(targets) == 1:
        return lambda n: f"Unmarked {targets[0].code}"
    return lambda n: f"Unmarked {plural(n, 'episode')}"


__all__ = [
    "Change",
    "ImportMarks",
    "RemoveFeed",
    "RemoveShow",
    "RestoreMarks",
    "Result",
    "Rewatch",
    "SetFeed",
    "SetRead",
    "SetSeason",
    "SetSetting",
    "SetStatus",
    "Unwatch",
    "Watch",
    "WatchUpTo",
    "apply",
]
