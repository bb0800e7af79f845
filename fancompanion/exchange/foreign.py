"""What a foreign export (TV Time, Trakt) says, row by row, before it meets the library.

Readers turn files into a :class:`ForeignExport`: one :class:`Play` per watch row (a rewatch row
is one more play), shows named by the ids their service used (never by name alone), statuses,
and an account of every row that cannot become a play (with the reason). The planner
(:mod:`fancompanion.exchange.foreign_plan`) then maps shows to the library and plays to episodes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fancompanion.core.models import WatchStatus

# Why a row did not become a mark (also the report's ``reason`` column).
UNKNOWN_SHOW = "unknown show"  # the service's id is not on TVmaze
NO_SHOW_ID = "no show id"  # the row names no id we can look up
NO_EPISODE_NUMBER = "no episode number"
SPECIAL = "special"  # season 0: TVmaze does not number specials
NOT_ON_TVMAZE = "episode not on TVmaze"  # TVmaze numbers the show differently
PENDING = "pending"  # offline: the show could not be looked up yet
REASONS = (UNKNOWN_SHOW, NO_SHOW_ID, NO_EPISODE_NUMBER, SPECIAL, NOT_ON_TVMAZE, PENDING)


@dataclass(frozen=True, slots=True)
class ShowRef:
    """A show as the export names it. Equality is by ids; the name is only for people."""

    thetvdb: int | None = None
    imdb: str | None = None
    name: str = field(default="", compare=False)

    @property
    def key(self) -> str:
        if self.thetvdb is not None:
            return f"thetvdb:{self.thetvdb}"
        if self.imdb:
            return f"imdb:{self.imdb}"
        return ""

    @property
    def ids_text(self) -> str:
        parts = []
        if self.thetvdb is not None:
            parts.append(f"TheTVDB {self.thetvdb}")
        if self.imdb:
            parts.append(f"IMDb {self.imdb}")
        return ", ".join(parts) or "no id"


@dataclass(frozen=True, slots=True)
class Play:
    """One watch of one episode (a first watch or a rewatch)."""

    show: ShowRef
    season: int
    number: int
    at: str  # UTC ``YYYY-MM-DDTHH:MM:SSZ``, "" when the export gives no time


@dataclass(frozen=True, slots=True)
class Unmatched:
    """A row that did not become a mark: what it said and why (one line of the report)."""

    show: ShowRef
    season: int | None
    number: int | None
    at: str
    reason: str


@dataclass(slots=True)
class ForeignExport:
    source: str  # "TV Time export", "Trakt export"
    rows: int = 0  # watch rows read (plays, duplicates and rows that cannot be placed)
    plays: list[Play] = field(default_factory=list)
    # Least plays per episode when the export also counts rewatches (TV Time's rewatch_count).
    floors: dict[tuple[ShowRef, int, int], int] = field(default_factory=dict)
    duplicates: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # rows that are not episodes (movies)
    unmatched: list[Unmatched] = field(default_factory=list)
    statuses: dict[ShowRef, WatchStatus] = field(default_factory=dict)
    status_times: dict[ShowRef, str] = field(default_factory=dict)
    followed: set[ShowRef] = field(default_factory=set)  # followed: Watching once it has marks
    names: dict[ShowRef, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # lines for the fan (partial export, …)

    def name_of(self, show: ShowRef) -> str:
        return self.names.get(show) or show.name

    def add_watch(
        self, show: ShowRef, has_id: bool, season: int | None, number: int | None, at: str
    ) -> Play | None:
        """One watch row: a play, or an unmatched row with its reason (the one rule for both
        formats: no show id, no episode number, a special). Returns the play, if it is one."""
        reason = ""
        if not has_id:
            reason = NO_SHOW_ID
        elif season is None or number is None:
            reason = NO_EPISODE_NUMBER
        elif season == 0:
            reason = SPECIAL
        if reason or season is None or number is None:
            self.unmatched.append(Unmatched(show, season, number, at, reason))
            return None
        play = Play(show, season, number, at)
        self.plays.append(play)
        return play

    def skip(self, what: str) -> None:
        self.skipped[what] = self.skipped.get(what, 0) + 1

    def shows(self) -> list[ShowRef]:
        """Every show the export mentions (plays, statuses, unmatched), first-seen order."""
        seen: dict[ShowRef, None] = {}
        for play in self.plays:
            seen.setdefault(play.show, None)
        for show in (*self.statuses, *self.followed):
            seen.setdefault(show, None)
        for row in self.unmatched:
            seen.setdefault(row.show, None)
        return list(seen)
