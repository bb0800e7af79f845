"""Fuzzy, incremental filtering of the shows list (no Textual here: plain data, easy to test).

Typing extends the query one character at a time, so each keystroke filters only the previous
matches instead of the whole library: at 10,000 shows a keystroke stays well under a frame.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from fancompanion.core.models import ShowSummary


class ListedShow:
    """One show as the list needs it: its index row and the text the filter searches.

    The searched text is made on first use: the list is drawn (unfiltered) before it, and
    casefolding 10,000 names would otherwise delay the first frame.
    """

    __slots__ = ("_haystacks", "summary")

    def __init__(self, summary: ShowSummary) -> None:
        self.summary = summary
        self._haystacks: tuple[str, ...] | None = None

    @property
    def haystacks(self) -> tuple[str, ...]:
        """Casefolded name first, then aliases."""
        found = self._haystacks
        if found is None:
            names = (self.summary.name, *self.summary.aliases)
            found = self._haystacks = tuple(n.casefold() for n in names if n)
        return found

    @property
    def sort_key(self) -> str:
        haystacks = self.haystacks
        return haystacks[0] if haystacks and self.summary.name else ""

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
    matches: list[tuple[int, ListedShow]] = field(default_factory=list)
    # The entries by name, and the current matches by name: scoring a pool in name order and
    # keeping one list per tier gives "best first, then by name" without sorting per keystroke.
    _by_name: list[ListedShow] | None = None  # made by prepare(), at the latest on the first query
    _matched: list[ListedShow] | None = None

    def reset(self, entries: Sequence[ListedShow]) -> None:
        self.entries = entries
        self._by_name = self._matched = None
        previous, self.query = self.query, ""
        self.apply(previous)

    def prepare(self) -> None:
        """Casefold and order the entries now (e.g. once the list is on screen), so the first
        keystroke does not pay for it."""
        if self._by_name is None:
            self._by_name = sorted(self.entries, key=_name_order)

    def apply(self, query: str) -> list[ListedShow]:
        """Filter for ``query``; reuses the previous matches when the query only grew."""
        wanted = query.strip().casefold()
        if not wanted:
            self.query = ""
            self.matches = [(0, e) for e in self.entries]
            self._matched = None
            return list(self.entries)
        if self.query and wanted.startswith(self.query) and self._matched is not None:
            pool = self._matched
        else:
            self.prepare()
            assert self._by_name is not None
            pool = self._by_name
        search = _scattered(wanted)
        tiers: tuple[list[tuple[int, ListedShow]], ...] = ([], [], [], [])
        matched: list[ListedShow] = []
        for entry in pool:
            haystacks = entry.haystacks
            if len(haystacks) == 1:  # no aliases (most shows): score() inlined, it is hot
                hay = haystacks[0]
                found = hay.find(wanted)
                if found == 0:
                    tier: int | None = 0
                elif found > 0:
                    tier = 1 if not hay[found - 1].isalnum() else 2
                else:
                    tier = 3 if search(hay) is not None else None
            else:
                tier = score(entry, wanted, search)
            if tier is not None:
                tiers[tier].append((tier, entry))
                matched.append(entry)
        self.query = wanted
        self._matched = matched
        self.matches = [pair for found in tiers for pair in found]
        return [e for _, e in self.matches]


def _name_order(entry: ListedShow) -> str:
    return entry.sort_key
