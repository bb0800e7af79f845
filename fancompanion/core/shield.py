"""The spoiler shield applied to a library: which shows are started, how far the fan is in each,
and the verdicts for a list of news items (rules in :mod:`fancompanion.core.spoilers`).

Started means the fan has marks for the show or it is *Watching* or *On hold*. Horizons are
worked out only for started shows that the items link to, from the show's record and marks —
the same figures the show pane shows (:func:`fancompanion.core.progress.standing`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from fancompanion.core.library import Library
from fancompanion.core.models import NewsItem, WatchStatus
from fancompanion.core.progress import MarkIndex, standing
from fancompanion.core.spoilers import (
    READING_VERSION,
    Horizon,
    ShowFacts,
    Verdict,
    horizon,
    judge_all,
    shield_settings,
    show_facts,
)

STARTED_STATUSES = (WatchStatus.WATCHING, WatchStatus.ON_HOLD)


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
    started.update(library.store.user.shows_with_marks())
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
