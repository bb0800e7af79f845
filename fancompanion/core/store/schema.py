"""The store's file formats, as types: each file is a TinyDB database of typed tables.

Every file is a JSON object of tables; each table maps TinyDB document ids ("1", "2", ...) to
documents; the ``_meta`` table records the schema version and what the file holds. The types
below are the whole format: :func:`fancompanion.core.store.tinyfile.read_file` decodes a file
straight into them (msgspec, in C), checking every field's type on the way in, so a damaged
file is reported, never half-loaded. Unknown tables and fields are ignored on read and kept on
write (a newer FanCompanion's additions survive an older one's edit).
"""

from __future__ import annotations

from typing import Any

import msgspec

from fancompanion.core.changes import ShowChange
from fancompanion.core.models import (
    Credit,
    Episode,
    Feed,
    Mark,
    NewsItem,
    Person,
    Season,
    Show,
    ShowSummary,
)

SCHEMA = 1  # the newest schema version this code reads and writes
META = "_meta"

# What a file holds (its ``_meta`` "kind"): one per file type below.
INDEX = "catalog-index"
CHANGES = "catalog-changes"
SHOW = "catalog-show"
PEOPLE = "catalog-people"
NEWS = "catalog-news"
STATE = "user-state"
READ = "user-read"
WATCHED = "user-watched"


class Meta(msgspec.Struct, frozen=True):
    schema: Any = None  # checked by the reader: a newer version gets its own error
    kind: Any = None


class StoreFile(msgspec.Struct, frozen=True):
    """The part every store file shares: its ``_meta`` table."""

    meta: dict[str, Meta] = msgspec.field(default_factory=dict, name=META)


class IndexFile(StoreFile, frozen=True):
    """``catalog/index.json``: the catalog's info row and one row per show."""

    info: dict[str, dict[str, Any]] = {}
    shows: dict[str, ShowSummary] = {}


class IndexInfoFile(StoreFile, frozen=True):
    """``catalog/index.json`` read for its info row only (the show rows are skipped, not built)."""

    info: dict[str, dict[str, Any]] = {}


class ShowName(msgspec.Struct, frozen=True, gc=False):
    """What names a show (part of an index row): enough to find one by what a fan types.

    Only strings and numbers, never part of a cycle: the garbage collector need not track the
    10,000 a command line decodes (``gc=False``).
    """

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    imdb_id: str | None = None
    tvmaze_id: int | None = None
    premiered: str | None = None

    @classmethod
    def of(cls, s: ShowSummary) -> ShowName:
        return cls(s.id, s.name, s.aliases, s.imdb_id, s.tvmaze_id, s.premiered)


class IndexNamesFile(StoreFile, frozen=True):
    """``catalog/index.json`` read for its info row and the shows' names (the other fields are
    skipped, not built)."""

    info: dict[str, dict[str, Any]] = {}
    shows: dict[str, ShowName] = {}


class ShowFile(StoreFile, frozen=True):
    """``catalog/shows/<id>.json``: one show and everything about it."""

    show: dict[str, Show] = {}
    seasons: dict[str, Season] = {}
    episodes: dict[str, Episode] = {}
    credits: dict[str, Credit] = {}
    people: dict[str, Person] = {}


class ChangesFile(StoreFile, frozen=True):
    """``catalog/changes.json``: what refreshes changed about shows (the digest reads it)."""

    changes: dict[str, ShowChange] = {}


class PersonCredits(msgspec.Struct, frozen=True):
    """A person and the shows they are credited in."""

    person: Person
    credits: tuple[tuple[str, str, str], ...] = ()  # (show id, "cast"|"crew", role)


class PeopleFile(StoreFile, frozen=True):
    """``catalog/people.json``: people and the shows they are credited in."""

    people: dict[str, PersonCredits] = {}


class NewsFile(StoreFile, frozen=True):
    """``catalog/news.json``: news items (bodies live in text/) and per-feed fetch state."""

    items: dict[str, NewsItem] = {}
    feeds: dict[str, Feed] = {}


class NewsDate(msgspec.Struct, frozen=True, gc=False):
    """When a news item was published (part of its row)."""

    id: str
    published: str | None = None


class NewsDatesFile(StoreFile, frozen=True):
    """``catalog/news.json`` read for the items' dates and the feeds only: a fifth of the
    time of whole items."""

    items: dict[str, NewsDate] = {}
    feeds: dict[str, Feed] = {}


class StatusDoc(msgspec.Struct, frozen=True):
    show: str
    status: str
    at: str = ""  # when it was set (UTC ISO; "" when unknown)


class SettingDoc(msgspec.Struct, frozen=True):
    key: str
    value: Any = None


class StateFile(StoreFile, frozen=True):
    """``user/state.json``: watchlist status per show, subscribed feeds, settings."""

    shows: dict[str, StatusDoc] = {}
    feeds: dict[str, Feed] = {}
    settings: dict[str, SettingDoc] = {}


class ReadDoc(msgspec.Struct, frozen=True):
    news: str
    at: str = ""


class ReadFile(StoreFile, frozen=True):
    """``user/read.json``: read marks of news items."""

    read: dict[str, ReadDoc] = {}


class ShowInfo(msgspec.Struct, frozen=True):
    show: str


class WatchedFile(StoreFile, frozen=True):
    """``user/watched/<id>.json``: the fan's marks for one show."""

    marks: dict[str, Mark] = {}
    info: dict[str, ShowInfo] = {}


FILE_TYPES: dict[str, type[StoreFile]] = {
    INDEX: IndexFile,
    CHANGES: ChangesFile,
    SHOW: ShowFile,
    PEOPLE: PeopleFile,
    NEWS: NewsFile,
    STATE: StateFile,
    READ: ReadFile,
    WATCHED: WatchedFile,
}


def to_doc(obj: object) -> dict[str, Any]:
    """A model as the JSON document stored for it (exactly what reading the JSON gives back)."""
    doc: dict[str, Any] = _DOC.decode(_ENCODER.encode(obj))
    return doc


_ENCODER = msgspec.json.Encoder()
_DOC = msgspec.json.Decoder(dict[str, Any])
