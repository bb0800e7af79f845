"""Plain data models shared by the store, the fetcher, the CLI and the TUI.

Every text field here has already passed through :func:`fancompanion.core.text.clean_text`
(or :func:`clean_line`): models never carry markup or control characters.
Ids are strings chosen by :mod:`fancompanion.core.ids`, stable across refreshes.

The models are msgspec structs (frozen, but for :class:`Progress`): store reads decode straight
into them in C, and they are built in C at import (as dataclasses, 11 of them cost ~15 ms of
every command line's start). Copy one with a change by :func:`msgspec.structs.replace`.
"""

from __future__ import annotations

from enum import StrEnum

import msgspec
from msgspec.structs import replace


class WatchStatus(StrEnum):
    """A show's place on the fan's watchlist (the set Trakt and Simkl users know)."""

    NONE = ""
    WATCHING = "watching"
    PLAN = "plan"
    ON_HOLD = "on_hold"
    COMPLETED = "completed"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @classmethod
    def parse(cls, value: object) -> WatchStatus:
        """Read a stored or typed status; unknown values mean no status."""
        if isinstance(value, str):
            known = _STATUS_BY_VALUE.get(value)  # stored values: one lookup (read per show open)
            if known is not None:
                return known
            text = value.strip().lower().replace(" ", "_").replace("-", "_")
            text = {"plan_to_watch": "plan", "onhold": "on_hold", "hold": "on_hold"}.get(text, text)
            return _STATUS_BY_VALUE.get(text, cls.NONE)
        return cls.NONE


_STATUS_BY_VALUE: dict[str, WatchStatus] = {member.value: member for member in WatchStatus}

_STATUS_LABELS = {
    WatchStatus.NONE: "No status",
    WatchStatus.WATCHING: "Watching",
    WatchStatus.PLAN: "Plan to watch",
    WatchStatus.ON_HOLD: "On hold",
    WatchStatus.COMPLETED: "Completed",
    WatchStatus.DROPPED: "Dropped",
}

# The order statuses cycle through and group by.
STATUS_ORDER: tuple[WatchStatus, ...] = (
    WatchStatus.WATCHING,
    WatchStatus.PLAN,
    WatchStatus.ON_HOLD,
    WatchStatus.COMPLETED,
    WatchStatus.DROPPED,
    WatchStatus.NONE,
)


class Show(msgspec.Struct, frozen=True):
    id: str
    name: str
    tvmaze_id: int | None = None
    imdb_id: str | None = None
    thetvdb_id: int | None = None  # how TV Time and Trakt exports name a show
    premiered: str | None = None  # ISO date
    ended: str | None = None
    status: str | None = None  # "Running", "Ended", ...
    network: str | None = None  # network or streaming service
    country: str | None = None
    genres: tuple[str, ...] = ()
    runtime: int | None = None
    summary: str = ""
    image_url: str | None = None
    official_site: str | None = None
    aliases: tuple[str, ...] = ()
    updated: int | None = None  # TVmaze's epoch "updated" stamp

    @property
    def years(self) -> str:
        return years_text(self.premiered, self.ended)


def years_text(premiered: str | None, ended: str | None) -> str:
    """``2015–2019``, ``2017`` (one year) or ``2021–`` (still running); "" when unknown."""
    start = (premiered or "")[:4]
    end = (ended or "")[:4]
    if not start:
        return ""
    if end == start:
        return start
    return f"{start}–{end}" if end else f"{start}–"


# ``gc=False`` on the types a show file holds by the thousand (a daily soap: 10,000 episodes):
# only strings and numbers, never part of a cycle, so the garbage collector need not track them.
# Tracked, each decoded episode counted towards a collection: opening that show set off ~14
# young collections and, every few opens, a full one (50-70 ms here) inside the read.


class Season(msgspec.Struct, frozen=True, gc=False):
    number: int
    episode_count: int | None = None
    premiere: str | None = None
    end: str | None = None
    name: str = ""


class Episode(msgspec.Struct, frozen=True, gc=False):
    """One episode. ``number`` is None for specials."""

    show_id: str
    season: int
    number: int | None
    name: str
    tvmaze_id: int | None = None
    airdate: str | None = None  # ISO date
    airstamp: str | None = None  # ISO-8601 UTC
    runtime: int | None = None
    summary: str = ""

    @property
    def is_special(self) -> bool:
        return self.number is None

    @property
    def key(self) -> str:
        """Stable key of the episode within its show (marks refer to it)."""
        return episode_key(self.season, self.number, self.tvmaze_id)

    @property
    def code(self) -> str:
        if self.number is None:
            return f"S{self.season:02d} special"
        return f"S{self.season:02d}E{self.number:02d}"


def episode_key(season: int, number: int | None, tvmaze_id: int | None) -> str:
    """``S1E5`` for regular episodes, ``sp<tvmaze id>`` (or ``S1sp``) for specials."""
    if number is not None:
        return f"S{season}E{number}"
    if tvmaze_id is not None:
        return f"sp{tvmaze_id}"
    return f"S{season}sp"


class Person(msgspec.Struct, frozen=True, gc=False):
    id: str
    name: str
    tvmaze_id: int | None = None
    country: str | None = None
    birthday: str | None = None
    deathday: str | None = None


class Credit(msgspec.Struct, frozen=True, gc=False):
    """A person's part in a show: ``kind`` is "cast" (with character) or "crew" (with job)."""

    show_id: str
    person_id: str
    kind: str
    role: str  # character for cast, job for crew ("" when unknown)
    seasons: str = ""  # e.g. "1-3" when the source says
    order: int = 0


class ShowRecord(msgspec.Struct, frozen=True):
    """Everything the catalog holds for one show."""

    show: Show
    seasons: tuple[Season, ...] = ()
    episodes: tuple[Episode, ...] = ()
    credits: tuple[Credit, ...] = ()
    people: tuple[Person, ...] = ()


class ShowSummary(msgspec.Struct, frozen=True):
    """One row of the show index: what the library list and ``shows`` need, nothing more.

    ``pending`` holds the air times (ISO) of regular episodes that had not aired when the
    record was written; with ``regular`` and ``undated`` it lets
    :func:`fancompanion.core.progress.aired_count` answer for any moment without opening the
    show's file.
    """

    id: str
    name: str
    tvmaze_id: int | None
    imdb_id: str | None
    premiered: str | None
    ended: str | None
    status: str | None
    network: str | None
    seasons: int
    regular: int  # regular episodes (specials excluded)
    specials: int
    undated: int  # regular episodes with no date at all
    pending: tuple[str, ...]  # sorted air times of regular episodes not yet aired at write time
    aliases: tuple[str, ...] = ()
    updated: int | None = None
    thetvdb_id: int | None = None  # absent from index rows written before it existed

    @property
    def years(self) -> str:
        return years_text(self.premiered, self.ended)


class NewsItem(msgspec.Struct, frozen=True):
    id: str
    feed: str  # the feed URL, or a source label for bundled items
    title: str
    url: str | None = None
    published: str | None = None  # ISO-8601 UTC, or a bare YYYY-MM-DD when only a date is known
    author: str = ""
    summary: str = ""
    source: str = ""  # the feed's title
    show_ids: tuple[str, ...] = ()
    person_ids: tuple[str, ...] = ()
    has_text: bool = False
    title_from_text: bool = False  # the entry had no title: this one is its first words
    # What it reveals of its shows, read when it is linked (fancompanion.core.spoilers);
    # () when not read yet.
    spoils: tuple[str, ...] = ()


class Feed(msgspec.Struct, frozen=True):
    url: str
    title: str = ""
    enabled: bool = True
    etag: str | None = None
    last_modified: str | None = None
    last_fetched: str | None = None
    last_error: str | None = None


class Mark(msgspec.Struct, frozen=True, gc=False):
    """The fan watched an episode: ``plays`` counts the first watch plus rewatches."""

    key: str
    season: int
    number: int | None
    tvmaze_id: int | None
    plays: int = 1
    first_at: str = ""
    last_at: str = ""

    @classmethod
    def first(cls, episode: Episode, at: str) -> Mark:
        """The first play of an episode, at ``at`` (UTC ISO; "" when unknown)."""
        return cls(episode.key, episode.season, episode.number, episode.tvmaze_id, 1, at, at)

    def played_again(self, at: str) -> Mark:
        """One more play (a rewatch) at ``at``."""
        last = max(self.last_at, at)
        return replace(self, plays=self.plays + 1, first_at=self.first_at or at, last_at=last)

    def merged(self, other: Mark) -> Mark:
        """Two records of one episode's plays as one (imports, restores): the more plays,
        the earlier first watch and the later last watch; an unknown ("") time never wins."""
        firsts = [t for t in (self.first_at, other.first_at) if t]
        return replace(
            self,
            tvmaze_id=self.tvmaze_id if self.tvmaze_id is not None else other.tvmaze_id,
            plays=max(self.plays, other.plays),
            first_at=min(firsts) if firsts else "",
            last_at=max(self.last_at, other.last_at),
        )


class Progress(msgspec.Struct):
    watched: int = 0
    aired: int = 0
    total: int = 0
    per_season: dict[int, tuple[int, int]] = msgspec.field(
        default_factory=dict
    )  # season -> (watched, aired)

    @property
    def complete(self) -> bool:
        return self.aired > 0 and self.watched >= self.aired
