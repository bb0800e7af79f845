"""Command palette providers (``ctrl+p``): jump to any show, person or news item.

Candidates are read from the store in a thread when the palette opens, and each search ranks
them in a thread, so typing stays responsive with 10,000 shows. Hits are built as ``Content``
(never markup): Textual's ``Matcher.highlight`` parses its argument as markup, so it is not used
for store text; the match offsets are applied to literal ``Content`` instead.
"""

from __future__ import annotations

import asyncio
from abc import abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from fancompanion.core.library import Library
from fancompanion.core.models import STATUS_ORDER, WatchStatus
from fancompanion.core.timeutil import local_display
from fancompanion.tui.host import Host, host_of
from fancompanion.tui.safe import line as safe

if TYPE_CHECKING:
    from textual.screen import Screen

    from fancompanion.tui.app import FanCompanionApp

MAX_HITS = 40
MAX_DISCOVERY = 20


@dataclass(frozen=True, slots=True)
class Candidate:
    """One candidate: ``name`` is what the query matches, ``extra`` is shown dimmed after it."""

    name: str
    extra: str
    target: str
    tab: str = "overview"
    focus: str | None = None  # a person id to put the Cast cursor on

    def __post_init__(self) -> None:
        # names and details are store text: no control character may reach the palette
        object.__setattr__(self, "name", safe(self.name))
        object.__setattr__(self, "extra", safe(self.extra))


def could_match(query: str, candidate: str) -> bool:
    """Cheap test: the query's letters appear in order in the candidate (any case)."""
    position = 0
    for letter in query:
        if letter.isspace():
            continue
        position = candidate.find(letter, position) + 1
        if position == 0:
            return False
    return True


def rank(
    matcher: Matcher, entries: Sequence[Candidate], limit: int = MAX_HITS
) -> list[tuple[float, Content, Candidate]]:
    """The best ``limit`` entries for the matcher's query, with their highlighted display."""
    query = matcher.query.casefold()
    scored: list[tuple[float, Sequence[int], Candidate]] = []
    for entry in entries:
        if not could_match(query, entry.name.casefold()):
            continue
        score, offsets = matcher.fuzzy_search.match(matcher.query, entry.name)
        if score > 0:
            scored.append((score, offsets, entry))
    scored.sort(key=lambda s: (-s[0], s[2].name.casefold()))
    return [
        (score, display(entry, offsets, matcher), entry) for score, offsets, entry in scored[:limit]
    ]


def display(entry: Candidate, offsets: Iterable[int], matcher: Matcher | None = None) -> Content:
    name = Content(entry.name)
    if matcher is not None:
        for offset in offsets:
            if not entry.name[offset].isspace():
                name = name.stylize(matcher.match_style, offset, offset + 1)
    if not entry.extra:
        return name
    return Content.assemble(name, (f" — {entry.extra}", "dim"))


def plain(entry: Candidate) -> str:
    return f"{entry.name} — {entry.extra}" if entry.extra else entry.name


class _EntryProvider(Provider):
    """Loads entries once per palette opening; subclasses say what they are and where they go."""

    _reading: asyncio.Future[list[Candidate]]
    weight = 1.0  # shows first, then people, then news: a score is scaled by it

    @property
    def host(self) -> Host:
        return host_of(self.app)

    @abstractmethod
    def load(self, library: Library) -> list[Candidate]:
        """Read the candidates from the store (runs in a thread)."""

    def command(self, entry: Candidate) -> Callable[[], None]:
        return partial(self.host.open_show, entry.target, entry.tab, entry.focus)

    async def startup(self) -> None:
        # Started here, awaited by the searches: Textual's searches wait for ``startup``, and a
        # search replaced by the next letter is cancelled with what it waits for. The reading
        # (seconds at 50,000 news items) must outlive it, or no search finds anything after.
        self._reading = asyncio.ensure_future(asyncio.to_thread(self.load, self.host.library))

    async def entries(self) -> list[Candidate]:
        """The candidates, once read (a cancelled search leaves the reading running)."""
        return await asyncio.shield(self._reading)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        entries = await self.entries()
        for score, shown, entry in await asyncio.to_thread(rank, matcher, entries):
            yield Hit(score * self.weight, shown, self.command(entry), text=plain(entry))


class ShowsProvider(_EntryProvider):
    """Every show in the library → its page."""

    def load(self, library: Library) -> list[Candidate]:
        statuses = library.statuses()
        return [
            Candidate(
                s.name,
                " · ".join(
                    p
                    for p in (s.years, statuses.get(s.id, WatchStatus.NONE).label)
                    if p and p != WatchStatus.NONE.label
                ),
                s.id,
            )
            for s in library.summaries()
        ]

    async def discover(self) -> Hits:
        entries = await self.entries()
        watching = [e for e in entries if e.extra.endswith(WatchStatus.WATCHING.label)]
        for entry in watching[:MAX_DISCOVERY]:
            yield DiscoveryHit(display(entry, ()), self.command(entry), text=plain(entry))


class PeopleProvider(_EntryProvider):
    """Every person in the catalog → the first show they appear in, at its cast tab, with the
    cursor on them."""

    weight = 0.8

    def load(self, library: Library) -> list[Candidate]:
        summaries = {s.id: s for s in library.store.catalog.summaries()}
        entries = []
        for person in library.store.catalog.people().values():
            show_ids = list(dict.fromkeys(c[0] for c in person.credits if c[0] in summaries))
            if not show_ids:
                continue
            show_ids.sort(key=lambda i: (summaries[i].premiered or "9999", summaries[i].name))
            names = ", ".join(summaries[i].name for i in show_ids)
            entries.append(
                Candidate(person.person.name, names, show_ids[0], "cast", person.person.id)
            )
        return entries


class NewsProvider(_EntryProvider):
    """Every news item's title → the news screen with that item open."""

    weight = 0.6

    def load(self, library: Library) -> list[Candidate]:
        from fancompanion.core.shield import shield
        from fancompanion.core.timeutil import now_iso
        from fancompanion.tui.shielded import shown_title

        news = library.news()
        verdicts = shield(library, news, now_iso()).shielded
        return [
            Candidate(
                shown_title(n, verdicts.get(n.id), self.app),
                " · ".join(p for p in (n.source, local_display(n.published)) if p),
                n.id,
            )
            for n in news
        ]

    def command(self, entry: Candidate) -> Callable[[], None]:
        return partial(self.host.open_news, entry.target)


def system_commands(app: FanCompanionApp, screen: Screen[object]) -> Iterable[SystemCommand]:
    """The app's own entries in the palette (after Textual's): spoilers, import, the looks,
    add, undo and redo; on the library with a show selected, remove and its statuses."""
    library = app.library_screen()
    if library.hide_spoilers:
        title, detail = "Spoilers: show", "Show summaries of episodes you have not watched"
    else:
        title, detail = "Spoilers: hide", "Hide summaries of episodes until you watch them"
    yield SystemCommand(title, detail, library.toggle_spoilers)
    yield SystemCommand(
        "Import history…",
        "Bring your TV Time or Trakt export (or a FanCompanion export) into the library",
        app.action_import_history,
    )
    yield from app.looks.commands(library.view.id if library.view else None)
    yield SystemCommand("Add a show", "Search TVmaze and add a show (a)", app.action_add_show)
    yield SystemCommand("Undo", "Undo the last change to your history (ctrl+z)", app.action_undo)
    yield SystemCommand("Redo", "Redo the change just undone (ctrl+y)", app.action_redo)
    if screen is library and library.view is not None:
        yield SystemCommand(
            "Remove show",
            "Remove the selected show (asks first; its history is saved) (del)",
            library.action_remove_show,
        )
        for status in STATUS_ORDER:
            yield SystemCommand(
                f"Status: {status.label}",
                "Set the selected show's watchlist status",
                partial(library.set_status, status),
            )
