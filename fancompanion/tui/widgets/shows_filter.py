"""Fuzzy, incremental filtering of the shows list (no Textual here: plain data, easy to test).

Typing extends the query one character at a time, so each keystroke filters only the previous
matches instead of the whole library: at 10,000 shows a keystroke stays well under a frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

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


def score(entry: Entry, query: str) -> int | None:
    """How well ``query`` (casefolded) matches: 0 prefix, 1 word start, 2 substring, 3 letters
    in order; None when it does not match at all."""
    best: int | None = None
    for hay in entry.haystacks:
        if hay.startswith(query):
            return 0
        found = hay.find(query)
        if found > 0:
            tier = 1 if not hay[found - 1].isalnum() else 2
        elif _in_order(query, hay):
            tier = 3
        else:
            continue
        best = tier if best is None else min(best, tier)
    return best


def _in_order(query: str, hay: str) -> bool:
    letters = iter(hay)
    return all(char in letters for char in query if not char.isspace())


@dataclass
class ShowFilter:
    """The current query and its matches, best first then by name."""

    entries: Sequence[Entry] = ()
    query: str = ""
    matches: list[tuple[int, Entry]] = field(default_factory=list)

    def reset(self, entries: Sequence[Entry]) -> None:
        self.entries = entries
        previous, self.query = self.query, ""
        self.apply(previous)

    def apply(self, query: str) -> list[Entry]:
        """Filter for ``query``; reuses the previous matches when the query only grew."""
        wanted = query.strip().casefold()
        if not wanted:
            self.query = ""
            self.matches = [(0, e) for e in self.entries]
            return list(self.entries)
        if self.query and wanted.startswith(self.query):
            pool = [e for _, e in self.matches]
        else:
            pool = list(self.entries)
        scored = [(s, e) for e in pool if (s := score(e, wanted)) is not None]
        scored.sort(key=lambda pair: (pair[0], pair[1].sort_key))
        self.query = wanted
        self.matches = scored
        return [e for _, e in scored]
