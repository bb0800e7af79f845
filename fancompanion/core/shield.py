"""The spoiler shield applied to a library: which shows are started, how far the fan is in each,
and the verdicts for a list of news items: each item's stored readings (what it reveals, read
by :mod:`fancompanion.core.spoilers` when it was linked) compared with the fan's horizons.

Started means the fan has marks for the show or it is *Watching* or *On hold*. Horizons are
worked out only for started shows that the items link to, from the show's record and marks —
the same figures the show pane shows (:func:`fancompanion.core.progress.standing`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fancompanion.core.library import Library
from fancompanion.core.models import Episode, NewsItem, WatchStatus
from fancompanion.core.progress import MarkIndex, standing
from fancompanion.core.spoilers import READING_VERSION, ShowFacts, read_item, show_facts

SETTING = "news_shield"  # global switch: False turns the shield off
SETTING_OFF_FOR = "news_shield_off"  # list of show ids the shield is off for

# How a reading compares with a horizon: "beyond" readings shield when their position is after
# the horizon, "reached" ones when it is the horizon or after.
_BEYOND = {"later season", "later episode", "finale"}
_REACHED = {"death or return", "published later"}

STARTED_STATUSES = (WatchStatus.WATCHING, WatchStatus.ON_HOLD)


@dataclass(frozen=True, slots=True)
class Horizon:
    """The fan's place in one show: the next episode they have not watched."""

    show_id: str
    show_name: str
    season: int
    number: int

    @property
    def code(self) -> str:
        return f"S{self.season:02d}E{self.number:02d}"


@dataclass(frozen=True, slots=True)
class Verdict:
    """A shielded item: which show, beyond which episode, and the rule that decided."""

    show_id: str
    show_name: str
    beyond: str  # the horizon's code, e.g. "S01E08"
    rule: str

    def label(self) -> str:
        """What screens and the CLI show instead of the title."""
        return f"Spoiler shield · {self.show_name} · beyond {self.beyond}"


def horizon(show_id: str, show_name: str, next_episode: Episode | None) -> Horizon | None:
    """The horizon of a started show whose next unwatched episode is ``next_episode``
    (None: the fan has watched all there is, nothing can be spoiled)."""
    if next_episode is None or next_episode.number is None:
        return None
    return Horizon(show_id, show_name, next_episode.season, next_episode.number)


def judge(
    item: NewsItem,
    horizons: Mapping[str, Horizon],
    readings: Sequence[str] | None = None,
) -> Verdict | None:
    """The verdict for one item against the started shows' horizons (shows not in
    ``horizons`` are never shielded), or None when it is safe to show. ``readings``: the
    item's, when not stored with it (:func:`read_item`)."""
    for reading in (item.spoils if readings is None else readings)[1:]:
        show_id, season, number, rule = reading.split(" ", 3)
        here = horizons.get(show_id)
        if here is None:
            continue
        at = (int(season) or here.season, int(number))
        mine = (here.season, here.number)
        if (rule in _BEYOND and at > mine) or (rule in _REACHED and at >= mine):
            return Verdict(here.show_id, here.show_name, here.code, rule)
    return None


def judge_all(
    items: Iterable[NewsItem],
    horizons: Mapping[str, Horizon],
    shows: Mapping[str, ShowFacts] | None = None,
) -> dict[str, Verdict]:
    """The shielded items by id (the rest are safe). An item not read yet (stored before the
    shield existed) is read now, when ``shows`` is given."""
    out: dict[str, Verdict] = {}
    if not horizons:
        return out
    for item in items:
        spoils = item.spoils
        if spoils and spoils[0] == READING_VERSION:
            if len(spoils) == 1:
                continue  # read: reveals nothing (most items)
            verdict = judge(item, horizons, spoils)
        elif shows is not None:  # stored before, or read by older rules: read it now
            verdict = judge(item, horizons, (READING_VERSION, *read_item(item, shows)))
        else:
            continue
        if verdict is not None:
            out[item.id] = verdict
    return out


def shield_settings(settings: Mapping[str, Any]) -> tuple[bool, frozenset[str]]:
    """(shield on at all, show ids it is off for) from the user's settings."""
    on = settings.get(SETTING, True) is not False
    off = settings.get(SETTING_OFF_FOR)
    return on, frozenset(str(s) for s in off) if isinstance(off, list) else frozenset()


@dataclass(frozen=True, slots=True)
class Shield:
    """The verdicts for a set of items at one moment (``shielded`` maps news id → verdict)."""

    horizons: Mapping[str, Horizon] = field(default_factory=dict)
    shielded: Mapping[str, Verdict] = field(default_factory=dict)
    enabled: bool = True

    def verdict(self, news_id: str) -> Verdict | None:
        return self.shielded.get(news_id)


def started_shows(library: Library) -> set[str]:
    """Shows with marks, or Watching / On hold."""
    started = {k for k, v in library.statuses().items() if v in STARTED_STATUSES}
    started.update(library.store.user.shows_with_marks(marked=True))
    return started


def horizons(
    library: Library, show_ids: Iterable[str], now: str, facts: dict[str, ShowFacts] | None = None
) -> dict[str, Horizon]:
    """The horizon of each of these shows (caught-up shows and unknown ids are left out).
    ``facts``, when given, receives each show's :class:`ShowFacts` (to read unread items)."""
    out: dict[str, Horizon] = {}
    for show_id in show_ids:
        record = library.store.catalog.record(show_id)
        if record is None:
            continue
        marks = MarkIndex(library.store.user.marks(show_id))
        _, to_watch, to_air = standing(record.episodes, marks, now)
        found = horizon(show_id, record.show.name, to_watch or to_air)
        if found is not None:
            out[show_id] = found
            if facts is not None:
                facts[show_id] = show_facts(record)
    return out


def shield(library: Library, items: Iterable[NewsItem], now: str) -> Shield:
    """Judge ``items`` against the fan's progress and settings right now."""
    on, off_for = shield_settings(library.store.user.settings())
    if not on:
        return Shield(enabled=False)
    listed = list(items)
    # the shows an item could be shielded for: those its stored readings name (most items name
    # none), or every linked show of an item not read yet
    needed: set[str] = set()
    unread = False
    for item in listed:
        spoils = item.spoils
        if spoils and spoils[0] == READING_VERSION:
            needed.update(reading.split(" ", 1)[0] for reading in spoils[1:])
        else:
            needed.update(item.show_ids)
            unread = True
    wanted = (started_shows(library) & needed) - off_for if needed else set()
    facts: dict[str, ShowFacts] = {}
    found = horizons(library, sorted(wanted), now, facts if unread else None)
    return Shield(found, judge_all(listed, found, facts))
