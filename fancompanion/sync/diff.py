"""Between the fan's user state and the replicated state: what changed here (as operations),
and what a merge changed (as a plan the core applies).

The user state is the truth for this device: whatever changed it (a command, an undo, an import,
marks made before sync was set up) shows up as a difference from the state last merged here,
and becomes operations stamped now. Only what the fan owns travels: marks, statuses, read
marks, settings and feed subscriptions; never a credential, never the catalog.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from fancompanion.core.models import Mark
from fancompanion.core.timeutil import parse_utc
from fancompanion.core.wording import plural
from fancompanion.sync.hlc import Clock
from fancompanion.sync.model import (
    AddPlay,
    Kill,
    MarkView,
    Op,
    Play,
    SetRegister,
    State,
    fold,
    play_id,
)

STATUS = "status/"
READ = "read/"
SETTING = "setting/"
FEED = "feed/"
SHOW = "show/"  # a show's identity (name, TVmaze and IMDb ids), so another device can fetch it

_SECRET = re.compile(r"token|secret|passw|api.?key|auth|cookie|credential|session", re.IGNORECASE)


# What this machine's screens were last showing is not the fan's history: it stays here.
_VIEW_STATE = frozenset({"last_show"})


def private_setting(key: str) -> bool:
    """Settings that stay on this machine: anything that could hold a credential, and view
    state (the show last open)."""
    return key in _VIEW_STATE or bool(_SECRET.search(key))


def private_feed(url: str) -> bool:
    """A feed URL with a user name, password or token in it stays on this machine."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return True
    if parts.username or parts.password:
        return True
    return any(_SECRET.search(name) for name, _ in parse_qsl(parts.query))


@dataclass(slots=True)
class UserView:
    """The fan's user state as sync sees it (read from the store in one pass)."""

    marks: dict[str, dict[str, Mark]] = field(default_factory=dict)  # show -> key -> mark
    statuses: dict[str, tuple[str, str]] = field(default_factory=dict)  # show -> (status, at)
    read: dict[str, str] = field(default_factory=dict)  # news id -> when read
    settings: dict[str, Any] = field(default_factory=dict)
    feeds: dict[str, dict[str, Any]] = field(default_factory=dict)  # url -> title, enabled
    identities: dict[str, dict[str, Any]] = field(default_factory=dict)  # show -> name, ids


def _ms(at: str) -> int | None:
    moment = parse_utc(at)
    return int(moment.timestamp() * 1000) if moment is not None else None


def diff(user: UserView, state: State, clock: Clock) -> list[Op]:
    """The operations that turn ``state`` into what the fan has here."""
    ops: list[Op] = []
    grouped = state.by_show()
    fresh: set[str] = set()
    for show in sorted(set(user.marks) | set(grouped)):
        ops.extend(_diff_show(show, user.marks.get(show, {}), grouped.get(show, {}), state, fresh))
    ops.extend(_diff_registers(user, state, clock))
    return ops


def _diff_show(
    show: str,
    marks: dict[str, Mark],
    live: dict[str, list[tuple[str, Play]]],
    state: State,
    fresh: set[str],
) -> list[Op]:
    ops: list[Op] = []
    for key in sorted(set(marks) | set(live)):
        mark = marks.get(key)
        plays = sorted(live.get(key, []), key=lambda item: (item[1].last, item[1].first, item[0]))
        if mark is None:
            ops.append(Kill(tuple(pid for pid, _ in plays)))
            continue
        first = mark.first_at or mark.last_at
        last = mark.last_at or mark.first_at
        wanted = MarkView(mark.season, mark.number, mark.tvmaze_id, max(mark.plays, 1), first, last)
        if plays and fold(plays) == wanted:
            continue
        ops.extend(_reshape(show, key, wanted, plays, state, fresh))
    return ops


def _reshape(
    show: str,
    key: str,
    wanted: MarkView,
    plays: list[tuple[str, Play]],
    state: State,
    fresh: set[str],
) -> list[Op]:
    """Fewest tombstones and new plays that make the live plays fold into ``wanted``: an undone
    rewatch removes the latest play, a rewatch adds one, a changed time replaces one play."""
    killed: list[str] = []
    spans: list[tuple[str, str]] = [(p.first, p.last) for _, p in plays]
    keep: list[str | None] = [pid for pid, _ in plays]
    same_meta = all((p.season, p.number, p.tvmaze_id) == wanted[:3] for _, p in plays)
    if not same_meta:  # renumbered: every play is written again under the new numbering
        killed.extend(pid for pid in keep if pid is not None)
        keep = [None] * len(keep)
    while len(spans) > wanted.plays:  # the latest plays go first (an undone rewatch)
        spans.pop()
        gone = keep.pop()
        if gone is not None:
            killed.append(gone)
    while len(spans) < wanted.plays:  # new plays: the first watch, then rewatches at the last
        if spans:
            spans.append((wanted.last, wanted.last))
        elif wanted.plays > 1:
            spans.append((wanted.first, wanted.first))
        else:
            spans.append((wanted.first, wanted.last))
        keep.append(None)
    _fix_bounds(spans, keep, killed, wanted.first, wanted.last)
    ops: list[Op] = []
    if killed:
        ops.append(Kill(tuple(killed)))
    for (first, last), pid in zip(spans, keep, strict=True):
        if pid is not None:
            continue
        ordinal = 0
        new_id = play_id(show, key, first, last, ordinal)
        while new_id in fresh or state.knows(new_id) or new_id in killed:
            ordinal += 1
            new_id = play_id(show, key, first, last, ordinal)
        fresh.add(new_id)
        play = Play(show, key, wanted.season, wanted.number, wanted.tvmaze_id, first, last)
        ops.append(AddPlay(new_id, play))
    return ops


def _fix_bounds(
    spans: list[tuple[str, str]], keep: list[str | None], killed: list[str], first: str, last: str
) -> None:
    """Make the earliest first equal ``first`` and the latest last equal ``last``, replacing
    (tombstone + new play) only the plays whose times must change."""

    def replace(index: int, span: tuple[str, str]) -> None:
        if spans[index] == span:
            return
        old = keep[index]
        if old is not None:
            killed.append(old)
        keep[index] = None
        spans[index] = span

    for index, (start, end) in enumerate(spans):  # times outside the wanted range move in
        if start < first or end > last:
            new_first = max(start, first)
            new_last = min(end, last)
            replace(index, (min(new_first, new_last), max(new_first, new_last)))
    if min(start for start, _ in spans) != first:
        index = min(range(len(spans)), key=lambda i: spans[i][0])
        replace(index, (first, spans[index][1]))
    if max(end for _, end in spans) != last:
        index = max(range(len(spans)), key=lambda i: spans[i][1])
        replace(index, (spans[index][0], last))


def _diff_registers(user: UserView, state: State, clock: Clock) -> list[Op]:
    ops: list[Op] = []

    def put(name: str, value: Any, at: str = "") -> None:
        if state.register(name) != value:
            ops.append(SetRegister(name, clock.now(_ms(at) if at else None), value))

    known_status = dict(state.registers_with(STATUS))
    for show in sorted(set(user.statuses) | set(known_status)):
        status, at = user.statuses.get(show, ("", ""))
        if known_status.get(show, "") != status:
            put(STATUS + show, status, at)
    known_read = {k for k, v in state.registers_with(READ) if v is True}
    for news_id in sorted(set(user.read) - known_read):
        put(READ + news_id, True, user.read[news_id])
    for news_id in sorted(known_read - set(user.read)):
        put(READ + news_id, False)
    for key, value in sorted(user.settings.items()):
        if not private_setting(key):
            put(SETTING + key, value)
    known_feeds = {k for k, v in state.registers_with(FEED) if v is not None}
    for url, feed in sorted(user.feeds.items()):
        if not private_feed(url):
            put(FEED + url, feed)
    for url in sorted(known_feeds - set(user.feeds)):
        put(FEED + url, None)
    for show, identity in sorted(user.identities.items()):
        if state.register(SHOW + show) is None:
            put(SHOW + show, identity)
    return ops


# -- what a merge changed, for the core to apply ---------------------------------------------


@dataclass(slots=True)
class Plan:
    marks: dict[str, dict[str, Mark | None]] = field(default_factory=dict)  # show -> key -> mark
    statuses: dict[str, str] = field(default_factory=dict)
    read: dict[str, bool] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    feeds: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    plays_added: int = 0

    @property
    def empty(self) -> bool:
        return not (self.marks or self.statuses or self.read or self.settings or self.feeds)

    def summary(self) -> list[str]:
        """What arrived, in words: ``3 new plays``, ``1 episode unmarked``, ``2 statuses``."""
        unmarked = sum(1 for keys in self.marks.values() for m in keys.values() if m is None)
        episodes = sum(len(keys) for keys in self.marks.values())
        parts = []
        if self.plays_added:
            parts.append(plural(self.plays_added, "new play"))
        if unmarked:
            parts.append(plural(unmarked, "episode") + " unmarked")
        if not parts and episodes:
            parts.append(plural(episodes, "episode") + " with other watch times")
        for count, noun, many in (
            (len(self.statuses), "status", "statuses"),
            (len(self.read), "read mark", None),
            (len(self.settings), "setting", None),
            (len(self.feeds), "feed", None),
        ):
            if count:
                parts.append(plural(count, noun, many))
        return parts


def to_mark(key: str, view: MarkView) -> Mark:
    return Mark(key, view.season, view.number, view.tvmaze_id, view.plays, view.first, view.last)


def _plays_of(
    state: State, wanted: set[tuple[str, str]]
) -> dict[tuple[str, str], list[tuple[str, Play]]]:
    out: dict[tuple[str, str], list[tuple[str, Play]]] = {}
    if wanted:
        for pid, play in state.plays.items():
            if (play.show, play.key) in wanted:
                out.setdefault((play.show, play.key), []).append((pid, play))
    return out


def plan(before: State, after: State) -> Plan:
    """What differs between two states, as the user state should show it."""
    out = Plan()
    moved = before.plays.keys() ^ after.plays.keys()  # plays added or killed by the merge
    touched = {
        (p.show, p.key) for p in (before.plays.get(pid) or after.plays[pid] for pid in moved)
    }
    old, new = _plays_of(before, touched), _plays_of(after, touched)
    for show, key in sorted(touched):
        a = fold(old[(show, key)]) if (show, key) in old else None
        b = fold(new[(show, key)]) if (show, key) in new else None
        if a != b:
            out.marks.setdefault(show, {})[key] = to_mark(key, b) if b is not None else None
            out.plays_added += max(0, (b.plays if b else 0) - (a.plays if a else 0))
    for name, (_, value) in after.registers.items():
        current = before.registers.get(name)
        if current is not None and current[1] == value:
            continue
        if name.startswith(STATUS):
            if current is not None or value:
                out.statuses[name[len(STATUS) :]] = str(value or "")
        elif name.startswith(READ):
            if current is not None or value is True:
                out.read[name[len(READ) :]] = value is True
        elif name.startswith(SETTING) and not private_setting(name[len(SETTING) :]):
            out.settings[name[len(SETTING) :]] = value
        elif name.startswith(FEED):
            out.feeds[name[len(FEED) :]] = value if isinstance(value, dict) else None
    return out
