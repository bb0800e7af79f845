"""Fuzzy, incremental filtering of the shows list (no Textual here: plain data, easy to test).

Typing extends the query one character at a time, so each keystroke filters only the previous
matches instead of the whole library: at 10,000 shows a keystroke stays well under a frame.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import NamedTuple

from fancompanion.core.models import ShowSummary


class ListedShow:
    """One show as the list needs it: its index row and the text the filter searches.

    The searched text is made on first use: the list is drawn (unfiltered) before it, and
    casefolding 10,000 names would otherwise delay the first frame.
    """

    __slots__ = ("_haystacks", "group", "summary")

    def __init__(self, summary: ShowSummary, group: int = 0) -> None:
        self.summary = summary
        self.group = group  # the list's status group (its place in the list's group order)
        self._haystacks: tuple[str, ...] | None = None

    @property
    def haystacks(self) -> tuple[str, ...]:
        """Casefolded name first, then aliases."""
        found = self._haystacks
        if found is None:
            names = (self.summary.name, *self.summary.aliases)
            found = self._haystacks = tuple(n.casefold() for n in names if n)
        return found

    def __repr__(self) -> str:
        return f"ListedShow({self.summary.id!r})"

    @property
    def id(self) -> str:
        return self.summary.id


def score(entry: ListedShow, query: str, scattered: Search | None = None) -> int | None:
    """How well ``query`` (casefolded) matches: 0 prefix, 1 word start, 2 substring, 3 letters
    in order; None when it does not match at all. ``scattered`` is :func:`scattered` of the
    query, passed in when many entries are scored."""
    search = scattered or _scattered(query)
    best: int | None = None
    for hay in entry.haystacks:
        found = hay.find(query)
        if found == 0:
            return 0
        if found > 0:
            tier = 1 if not hay[found - 1].isalnum() else 2
        elif search(hay) is not None:
            tier = 3
        else:
            continue
        if best is None or tier < best:
            best = tier
    return best


Search = Callable[[str], "re.Match[str] | None"]


@lru_cache(maxsize=64)
def _scattered(query: str) -> Search:
    """A search for the query's letters in order (spaces ignored), run by the regex engine:
    at 10,000 shows a Python loop over each name costs most of a keystroke."""
    letters = [re.escape(char) for char in query if not char.isspace()]
    return re.compile(".*?".join(letters), re.DOTALL).search


@dataclass
class ShowFilter:
    """The current query and its matches, best first then by name."""

    entries: Sequence[ListedShow] = ()
    query: str = ""
    matches: list[ListedShow] = field(default_factory=list)
    # The entries by name, and the current matches as positions in that order: scoring a pool
    # in name order and keeping one list per tier gives "best first, then by name" without
    # sorting names per keystroke.
    _by_name: list[ListedShow] | None = None  # made by prepare(), at the latest on the first query
    _names: list[str] = field(default_factory=list)  # casefolded name, by position in _by_name
    _searched: _Pool | None = None  # every position of _by_name, split as a pool
    # The queries typed since the box was last empty, each extending the one before, with
    # what each matched: a longer query searches only the matches of the longest one it
    # extends, and deleting letters goes back to an earlier answer without searching at all.
    _typed: list[_Typed] = field(default_factory=list)

    def reset(self, entries: Sequence[ListedShow]) -> None:
        self.entries = entries
        self._by_name = self._searched = None
        self._typed = []
        previous, self.query = self.query, ""
        self.apply(previous)

    def prepare(self) -> None:
        """Casefold and order the entries now (e.g. once the list is on screen), so the first
        keystroke does not pay for it. One pass over the entries: at 10,000 shows, going
        through them once per list (order, names, plain, other) cost ~60 ms here, this ~20."""
        if self._by_name is None:
            keyed = []
            for entry in self.entries:
                haystacks = entry.haystacks
                named = bool(entry.summary.name)
                name = haystacks[0] if named and haystacks else ""
                keyed.append((name, named and len(haystacks) == 1, entry))
            keyed.sort(key=_first)
            self._by_name = [entry for _, _, entry in keyed]
            self._names = [name for name, _, _ in keyed]
            # shows with aliases (or no name) are scored one by one; the rest a list at a time
            plain = [i for i, (_, is_plain, _) in enumerate(keyed) if is_plain]
            other = [i for i, (_, is_plain, _) in enumerate(keyed) if not is_plain]
            self._searched = _Pool(plain, other)

    def apply(self, query: str) -> list[ListedShow]:
        """Filter for ``query``, reusing what earlier queries of the same typing found."""
        wanted = query.strip().casefold()
        typed = self._typed
        while typed and not wanted.startswith(typed[-1].query):
            typed.pop()  # letters deleted (or another query): back to what still applies
        if not wanted:
            self.query = ""
            self.matches = list(self.entries)
            return list(self.entries)
        if not typed or typed[-1].query != wanted:
            if typed:
                pool = typed[-1].matched
            else:
                self.prepare()
                assert self._searched is not None
                pool = self._searched
            tiers, matched = self._tiers(pool, wanted)
            by_name = self._by_name
            assert by_name is not None
            found = list(map(by_name.__getitem__, chain.from_iterable(tiers)))
            typed.append(_Typed(wanted, matched, found))
        self.query = wanted
        self.matches = typed[-1].matches
        return list(self.matches)

    def _tiers(self, pool: _Pool, wanted: str) -> tuple[tuple[list[int], ...], _Pool]:
        """The pool's matches as four lists of positions (prefix, word start, inside, letters
        in order), each in name order; and all of them as the pool for a longer query.

        Each pass is a list comprehension over the pool rather than one loop that branches per
        name: at 10,000 shows the first letter took 8-10 ms as a loop, ~3 ms like this."""
        names = self._names
        plain = pool.plain
        finds = [names[i].find(wanted) for i in plain]
        inside = [(i, f) for i, f in zip(plain, finds, strict=True) if f > 0]
        tiers: tuple[list[int], ...] = (
            [i for i, f in zip(plain, finds, strict=True) if f == 0],
            [i for i, f in inside if not names[i][f - 1].isalnum()],
            [i for i, f in inside if names[i][f - 1].isalnum()],
            [],
        )
        search = _scattered(wanted)
        if len(wanted) > 1:  # one letter in order is a substring: the passes above found it
            tiers[3].extend(
                i for i, f in zip(plain, finds, strict=True) if f < 0 and search(names[i])
            )
        matched = _Pool(sorted(chain.from_iterable(tiers)), [])
        by_name = self._by_name
        assert by_name is not None
        for i in pool.other:
            tier = score(by_name[i], wanted, search)
            if tier is not None:
                tiers[tier].append(i)
                tiers[tier].sort()  # a show with aliases joins its tier in name order
                matched.other.append(i)
        return tiers, matched


class _Pool(NamedTuple):
    """Positions in the name order: ``plain`` shows are searched by name only, ``other`` shows
    (aliases, or no name) one by one with :func:`score`. Both in name order."""

    plain: list[int]
    other: list[int]


class _Typed(NamedTuple):
    """One query typed, what it matched (positions, for a longer query) and its answer."""

    query: str
    matched: _Pool
    matches: list[ListedShow]


_first = itemgetter(0)
