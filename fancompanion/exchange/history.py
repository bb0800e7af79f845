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
