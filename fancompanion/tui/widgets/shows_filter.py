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


@dataclass(frozen=True, slots=True)
class Entry:
    """One show as the list needs it: its index row and the text the filter searches."""

    summary: ShowSummary
    haystacks: tuple[str, ...]  # casefolded name first, then aliases
    sort_key: str

    @classmethod
    def of(cls, summary: ShowSummary) -> Entry:
        names = (summary.name, *summary.aliases)
        return cls(summary, tuple(n.casefold() for n in names if n), summary.name.casefold())

    @property
    def id(self) -> str:
        return self.summary.id


def score(entry: Entry, query: str, scattered: Search | None = None) -> int | None:
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

    entries: Sequence[Entry] = ()
    query: str = ""
    matches: list[tuple[int, Entry]] = field(default_factory=list)
    # The entries by name, and the current matches by name: scoring a pool in name order and
    # keeping one list per tier gives "best first, then by name" without sorting per keystroke.
    _by_name: list[Entry] = field(default_factory=list)
    _matched: list[Entry] = field(default_factory=list)

    def reset(self, entries: Sequence[Entry]) -> None:
        self.entries = entries
        self._by_name = sorted(entries, key=_name_order)
        previous, self.query = self.query, ""
        self.apply(previous)

    def apply(self, query: str) -> list[Entry]:
        """Filter for ``query``; reuses the previous matches when the query only grew."""
        wanted = query.strip().casefold()
        if not wanted:
            self.query = ""
            self.matches = [(0, e) for e in self.entries]
            self._matched = self._by_name
            return list(self.entries)
        pool = self._matched if self.query and wanted.startswith(self.query) else self._by_name
        search = _scattered(wanted)
        tiers: tuple[list[tuple[int, Entry]], ...] = ([], [], [], [])
        matched: list[Entry] = []
        for entry in pool:
            tier = score(entry, wanted, search)
            if tier is not None:
                tiers[tier].append((tier, entry))
                matched.append(entry)
        self.query = wanted
        self._matched = matched
        self.matches = [pair for found in tiers for pair in found]
        return [e for _, e in self.matches]


def _name_order(entry: Entry) -> str:
    return entry.sort_key
