"""The replicated state and the operations that change it; the merge is a join (a CRDT).

* A **play** is one watch of one episode, with an id that never changes. Plays are only ever
  added; a play recorded on two machines while apart is two plays. ``first``/``last`` are the
  times it stands for (equal for a play recorded live; an imported mark's span otherwise).
* A **tombstone** names a play id that was unmarked. An unmark names only the plays its device
  had seen, so a play recorded elsewhere at the same time survives. Tombstones are kept for
  good (an id is 11 characters); the play's details are dropped once it is dead.
* A **register** (status, setting, read mark, feed, a show's identity) keeps the value with the
  greatest hybrid-logical-clock stamp: last writer wins, ties broken by device id.

The join of two states is the union of plays and tombstones and the newest value of each
register: commutative, associative and idempotent, so any order of merging converges.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

FORMAT = 1


class Play(NamedTuple):
    show: str
    key: str
    season: int
    number: int | None
    tvmaze_id: int | None
    first: str
    last: str


class MarkView(NamedTuple):
    """What the fan sees of one episode: the live plays folded into a mark."""

    season: int
    number: int | None
    tvmaze_id: int | None
    plays: int
    first: str
    last: str


def play_id(show: str, key: str, first: str, last: str, ordinal: int) -> str:
    """Ids come from what the play says: two devices that hold the same history before sync
    (a copied data dir, the same import on both) make the same ids, so it is not counted
    twice; ``ordinal`` separates equal plays (two rewatches in one second, a re-mark after an
    unmark of the same times)."""
    raw = f"{show}\x1f{key}\x1f{first}\x1f{last}\x1f{ordinal}".encode()
    return base64.urlsafe_b64encode(hashlib.blake2b(raw, digest_size=8).digest()).decode()[:11]


# -- operations (one JSON object per line in a device's log) ----------------------------------


@dataclass(frozen=True, slots=True)
class AddPlay:
    id: str
    play: Play


@dataclass(frozen=True, slots=True)
class Kill:
    ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SetRegister:
    name: str
    stamp: str
    value: Any


Op = AddPlay | Kill | SetRegister


def op_to_doc(op: Op, seq: int) -> dict[str, Any]:
    if isinstance(op, AddPlay):
        p = op.play
        fields = [op.id, p.show, p.key, p.season, p.number, p.tvmaze_id, p.first, p.last]
        return {"q": seq, "p": fields}
    if isinstance(op, Kill):
        return {"q": seq, "x": list(op.ids)}
    return {"q": seq, "r": [op.name, op.stamp, op.value]}


def op_from_doc(doc: Any) -> tuple[int, Op] | None:
    """An op and its sequence number, or None when the line is not one (damaged, foreign)."""
    if not isinstance(doc, dict):
        return None
    seq = doc.get("q")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        return None
    if "p" in doc:
        play = _play(doc["p"])
        return (seq, play) if play is not None else None
    if "x" in doc:
        ids = doc["x"]
        if isinstance(ids, list) and all(isinstance(i, str) for i in ids):
            return seq, Kill(tuple(ids))
        return None
    reg = doc.get("r")
    if not isinstance(reg, list) or len(reg) != 3:
        return None
    name, stamp, value = reg
    if isinstance(name, str) and isinstance(stamp, str) and stamp:
        return seq, SetRegister(name, stamp, value)
    return None


def _int_or_none(value: Any) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


def _play(raw: Any) -> AddPlay | None:
    if not isinstance(raw, list) or len(raw) != 8:
        return None
    pid, show, key, season, number, tvmaze_id, first, last = raw
    if not all(isinstance(v, str) for v in (pid, show, key, first, last)):
        return None
    if not isinstance(season, int) or not _int_or_none(number) or not _int_or_none(tvmaze_id):
        return None
    return AddPlay(pid, Play(show, key, season, number, tvmaze_id, first, last))


# -- the state --------------------------------------------------------------------------------


@dataclass(slots=True)
class State:
    plays: dict[str, Play] = field(default_factory=dict)  # live and not yet known dead
    dead: set[str] = field(default_factory=set)
    registers: dict[str, tuple[str, Any]] = field(default_factory=dict)  # name -> (stamp, value)
    vv: dict[str, int] = field(default_factory=dict)  # device -> its ops merged, contiguous

    def copy(self) -> State:
        return State(dict(self.plays), set(self.dead), dict(self.registers), dict(self.vv))

    # -- applying ------------------------------------------------------------------------------

    def apply(self, op: Op) -> None:
        if isinstance(op, AddPlay):
            if op.id not in self.dead:
                self.plays[op.id] = op.play
        elif isinstance(op, Kill):
            for pid in op.ids:
                self.dead.add(pid)
                self.plays.pop(pid, None)
        else:
            current = self.registers.get(op.name)
            if current is None or op.stamp > current[0]:
                self.registers[op.name] = (op.stamp, op.value)

    def join(self, other: State) -> None:
        """Merge another state into this one (the CRDT join)."""
        self.dead |= other.dead
        for pid, play in other.plays.items():
            if pid not in self.dead:
                self.plays[pid] = play
        if other.dead:
            for pid in [p for p in self.plays if p in other.dead]:
                del self.plays[pid]
        for name, (stamp, value) in other.registers.items():
            current = self.registers.get(name)
            if current is None or stamp > current[0]:
                self.registers[name] = (stamp, value)
        for device, seq in other.vv.items():
            if seq > self.vv.get(device, 0):
                self.vv[device] = seq

    # -- reading -------------------------------------------------------------------------------

    def knows(self, pid: str) -> bool:
        return pid in self.plays or pid in self.dead

    def newest_stamp(self) -> str:
        return max((stamp for stamp, _ in self.registers.values()), default="")

    def register(self, name: str, default: Any = None) -> Any:
        found = self.registers.get(name)
        return found[1] if found is not None else default

    def registers_with(self, prefix: str) -> Iterator[tuple[str, Any]]:
        for name, (_, value) in self.registers.items():
            if name.startswith(prefix):
                yield name[len(prefix) :], value

    def by_show(self) -> dict[str, dict[str, list[tuple[str, Play]]]]:
        """Live plays grouped by show, then episode key."""
        out: dict[str, dict[str, list[tuple[str, Play]]]] = {}
        for pid, play in self.plays.items():
            out.setdefault(play.show, {}).setdefault(play.key, []).append((pid, play))
        return out


def fold(plays: list[tuple[str, Play]]) -> MarkView:
    """Live plays of one episode as a mark: how many, earliest first, latest last. The
    episode's numbering is taken from the latest play (an episode renumbered upstream)."""
    if len(plays) == 1:
        only = plays[0][1]
        return MarkView(only.season, only.number, only.tvmaze_id, 1, only.first, only.last)
    newest = max(plays, key=lambda item: (item[1].last, item[0]))[1]
    return MarkView(
        newest.season,
        newest.number,
        newest.tvmaze_id,
        len(plays),
        min(p.first for _, p in plays),
        max(p.last for _, p in plays),
    )


# -- snapshots: a whole state as one document -------------------------------------------------


def state_to_doc(state: State) -> dict[str, Any]:
    shows: dict[str, dict[str, list[Any]]] = {}
    for pid, p in state.plays.items():
        entry = shows.setdefault(p.show, {}).setdefault(p.key, [p.season, p.number, p.tvmaze_id])
        entry.append([pid, p.first] if p.first == p.last else [pid, p.first, p.last])
    return {
        "format": FORMAT,
        "vv": state.vv,
        "shows": shows,
        "dead": sorted(state.dead),
        "registers": {name: [stamp, value] for name, (stamp, value) in state.registers.items()},
    }


def state_from_doc(doc: Any) -> State:
    """A state from a snapshot; anything malformed in it is skipped, never guessed."""
    state = State()
    if not isinstance(doc, dict):
        return state
    vv = doc.get("vv")
    if isinstance(vv, dict):
        state.vv = {str(k): v for k, v in vv.items() if isinstance(v, int) and v > 0}
    dead = doc.get("dead")
    if isinstance(dead, list):
        state.dead = {d for d in dead if isinstance(d, str)}
    shows = doc.get("shows")
    if isinstance(shows, dict):
        for show, keys in shows.items():
            if isinstance(keys, dict):
                _read_show(state, str(show), keys)
    registers = doc.get("registers")
    if isinstance(registers, dict):
        for name, pair in registers.items():
            if isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str):
                state.registers[str(name)] = (pair[0], pair[1])
    return state


def _read_show(state: State, show: str, keys: dict[str, Any]) -> None:
    plays, dead = state.plays, state.dead
    for key, entry in keys.items():
        if not isinstance(entry, list) or len(entry) < 3:
            continue
        season, number, tvmaze_id = entry[:3]
        if not isinstance(season, int) or not _int_or_none(number) or not _int_or_none(tvmaze_id):
            continue
        for raw in entry[3:]:
            try:
                pid, first, *rest = raw
            except (TypeError, ValueError):
                continue
            last = rest[0] if rest else first
            if len(rest) > 1 or type(pid) is not str or type(first) is not str:
                continue
            if type(last) is str and pid not in dead:
                plays[pid] = Play(show, key, season, number, tvmaze_id, first, last)
