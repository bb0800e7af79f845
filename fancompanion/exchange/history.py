"""The portable shape of a fan's history, shared by the exporter and every importer.

Each importer turns its file into a :class:`History`; the merge step maps it onto the library.
Shows carry identity a stranger can use (TVmaze, IMDb and TheTVDB ids, name), not only our
internal id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fancompanion.core.models import Feed, Mark, WatchStatus

FORMAT_NAME = "fancompanion-export"
SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class ShowIdentity:
    """How a show is recognised in another library: any of these may be missing."""

    id: str | None = None  # our id (only meaningful between FanCompanion installs)
    tvmaze_id: int | None = None
    imdb_id: str | None = None
    name: str = ""
    thetvdb_id: int | None = None

    @property
    def label(self) -> str:
        return self.name or self.imdb_id or (str(self.tvmaze_id) if self.tvmaze_id else "?")


@dataclass(frozen=True, slots=True)
class EpisodeEntry:
    """One watched episode: the mark plus the episode's name (for people reading the file)."""

    mark: Mark
    name: str = ""


@dataclass(frozen=True, slots=True)
class ShowHistory:
    identity: ShowIdentity
    status: WatchStatus = WatchStatus.NONE
    status_at: str = ""
    episodes: tuple[EpisodeEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class ReadItem:
    """A news item the fan read; URL and title let another install find the same article."""

    id: str
    url: str | None = None
    title: str = ""


@dataclass(frozen=True, slots=True)
class History:
    source: str  # "fancompanion json", "trakt", ... (for messages)
    shows: tuple[ShowHistory, ...] = ()
    read: tuple[ReadItem, ...] = ()
    feeds: tuple[Feed, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)
    exported_at: str = ""


def merge_marks(marks: list[Mark]) -> list[Mark]:
    """Fold several marks of one episode into one: plays add up, earliest first, latest last.

    Foreign exports list one row per play (Trakt) — this turns them into our one-mark-per-episode
    shape.
    """
    by_key: dict[str, Mark] = {}
    for mark in marks:
        known = by_key.get(mark.key)
        if known is None:
            by_key[mark.key] = mark
            continue
        firsts = [t for t in (known.first_at, mark.first_at) if t]
        by_key[mark.key] = Mark(
            key=known.key,
            season=known.season,
            number=known.number,
            tvmaze_id=known.tvmaze_id if known.tvmaze_id is not None else mark.tvmaze_id,
            plays=known.plays + mark.plays,
            first_at=min(firsts) if firsts else "",
            last_at=max(known.last_at, mark.last_at),
        )
    return list(by_key.values())
