"""Link news to the library: which shows and people a text mentions.

Names match on word boundaries, case-insensitively, longest first (so "Jessica Jones" wins
over "Jessica"). A one-word name matches only with its own capitalisation, so a show called
"Lost" does not link every article that says "lost". A show's name links the show even where
the text means its title character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from msgspec.structs import replace

from fancompanion.core.models import NewsItem
from fancompanion.core.store.store import Store

MIN_LENGTH = 3
MAX_LENGTH = 120  # no real name is longer; a hostile 500-character one must not deepen the trie
_END = ""  # marks a trie node where a name ends


def _trie_source(names: Iterable[str]) -> str:
    """One regex for many names, as a trie: ``(?:har(?:bor(?!\\w)|vest(?!\\w)))``.

    A flat alternation tries every name at every position of every text (an hour for 50,000
    articles against a 10,000-show library); the trie follows only the text's own letters.
    Where a name ends inside a longer one, the longer path is tried first, so the longest
    name matching at a position wins, exactly as with an alternation sorted longest first.
    """
    root: dict[str, Any] = {}
    for name in names:
        node = root
        for char in name:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _node_source(root)


def _node_source(node: dict[str, Any]) -> str:
    parts = [re.escape(char) + _node_source(child) for char, child in node.items() if char]
    if _END in node:
        parts.append(r"(?!\w)")  # a name ends here: only at a word boundary
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


@dataclass(slots=True)
class Linker:
    shows: dict[str, set[str]] = field(default_factory=dict)  # folded name -> show ids
    people: dict[str, set[str]] = field(default_factory=dict)  # folded name -> person ids
    _single: dict[str, str] = field(default_factory=dict)  # folded one-word name -> exact form
    _pattern: re.Pattern[str] | None = None

    @classmethod
    def build(
        cls, shows: Iterable[tuple[str, Iterable[str]]], people: Iterable[tuple[str, str]]
    ) -> Linker:
        """``shows``: (show id, names incl. aliases); ``people``: (person id, name)."""
        linker = cls()
        for show_id, names in shows:
            for name in names:
                linker._add(linker.shows, name, show_id)
        for person_id, name in people:
            linker._add(linker.people, name, person_id)
        names = set(linker.shows) | set(linker.people)
        if names:
            linker._pattern = re.compile(rf"(?<!\w){_trie_source(names)}", re.IGNORECASE)
        return linker

    def _add(self, table: dict[str, set[str]], name: str, target: str) -> None:
        name = " ".join(name.split())
        if not MIN_LENGTH <= len(name) <= MAX_LENGTH:
            return
        folded = name.casefold()
        table.setdefault(folded, set()).add(target)
        if " " not in name:
            self._single[folded] = name

    def link(self, *texts: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(show ids, person ids) mentioned in the texts, each in order of first mention."""
        shows: dict[str, None] = {}
        people: dict[str, None] = {}
        if self._pattern is None:
            return (), ()
        for text in texts:
            for match in self._pattern.finditer(text):
                found = match.group(0)
                folded = " ".join(found.split()).casefold()
                exact = self._single.get(folded)
                if exact is not None and found != exact:
                    continue
                for show_id in sorted(self.shows.get(folded, ())):
                    shows.setdefault(show_id, None)
                for person_id in sorted(self.people.get(folded, ())):
                    people.setdefault(person_id, None)
        return tuple(shows), tuple(people)


def build_linker(store: Store) -> Linker:
    summaries = store.catalog.summaries()
    people = store.catalog.people()
    return Linker.build(
        ((s.id, (s.name, *s.aliases)) for s in summaries),
        ((pid, entry.person.name) for pid, entry in people.items()),
    )


def link_news(store: Store, only: Sequence[str] | None = None) -> int:
    """(Re)compute the show and person links of news items; returns how many items link."""
    from fancompanion.core.spoilers import read_linked

    linker = build_linker(store)
    wanted = set(only) if only is not None else None
    links: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    linked: list[NewsItem] = []
    for item in store.catalog.news():
        if wanted is not None and item.id not in wanted:
            continue
        body = store.catalog.news_text(item.id)
        links[item.id] = linker.link(item.title, item.summary, body)
        linked.append(replace(item, show_ids=links[item.id][0]))
    # what each item reveals of its shows, for the spoiler shield (read once, here)
    spoils = read_linked(linked, store.catalog.record)
    store.catalog.set_news_links(links, spoils)
    return sum(1 for shows, people in links.values() if shows or people)
