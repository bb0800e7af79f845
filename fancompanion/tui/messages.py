"""Messages between the library's widgets, its screen and its thread workers.

Small dataclasses (Toolong's habit): a widget says what happened, the screen decides what to do.
Workers post the ``...Loaded`` / ``...Changed`` ones from their thread (``post_message`` is
thread-safe), so the event loop only ever receives finished results.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from fancompanion.core.library import ShowView, Work
from fancompanion.core.models import Episode, NewsItem, ShowSummary, WatchStatus


@dataclass
class ShowHighlighted(Message):
    """The shows list's cursor moved to a show (None: the list is empty)."""

    show_id: str | None


@dataclass
class ShowChosen(Message):
    """``enter`` (or a double click) on a show in the list."""

    show_id: str


@dataclass
class LibraryLoaded(Message):
    """The show index, watchlist statuses and settings, read off the event loop."""

    summaries: list[ShowSummary]
    statuses: dict[str, WatchStatus]
    settings: dict[str, object]


@dataclass
class ShowLoaded(Message):
    """One show opened: its catalog record with the fan's marks and status."""

    view: ShowView


@dataclass
class NewsLoaded(Message):
    """A show's news and which of it the fan has read (read when the News tab is shown)."""

    show_id: str
    news: list[NewsItem]
    read_ids: set[str]


@dataclass
class Track(Message):
    """A tracking request from the seasons tab.

    ``kind`` is "toggle", "season", "up_to" or "rewatch"; ``episode`` is set for every kind but
    "season", which uses ``season``. ``show_id`` is the show the tab was showing.
    """

    show_id: str
    kind: str
    episode: Episode | None = None
    season: int | None = None


@dataclass
class Tracked(Message):
    """A tracking change was saved; ``view`` is the show as it is now."""

    before_complete: bool
    view: ShowView
    note: str


@dataclass
class StatusChanged(Message):
    show_id: str
    status: WatchStatus


@dataclass
class WorkLoaded(Message):
    """A person's credits in the library, for the cast tab."""

    person_id: str
    person_name: str
    works: list[Work]
