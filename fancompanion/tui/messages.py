"""Messages between the library's widgets, its screen and its thread workers.

Small dataclasses (Toolong's habit): a widget says what happened, the screen decides what to do.
Workers post the ``...Loaded`` / ``...Changed`` ones from their thread (``post_message`` is
thread-safe), so the event loop only ever receives finished results.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from fancompanion.core.commands import Change, Result
from fancompanion.core.library import ShowView, Work
from fancompanion.core.models import NewsItem, ShowSummary, WatchStatus


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


class StartUpDrawn(Message):
    """The library's start-up work is on screen: the list, and the pane with its first show
    (the app starts what can wait, e.g. the look for changes, only now)."""


@dataclass
class NewsLoaded(Message):
    """A show's news and which of it the fan has read (read when the News tab is shown)."""

    show_id: str
    news: list[NewsItem]
    read_ids: set[str]


@dataclass
class Track(Message):
    """A tracking key in the Seasons tab: ``change`` for the show the tab shows (``show_id``);
    the screen carries it out only if that is the show under the list's cursor."""

    show_id: str
    change: Change


@dataclass
class WorkLoaded(Message):
    """A person's credits in the library, for the cast tab."""

    person_id: str
    person_name: str
    works: list[Work]


@dataclass
class Changed(Message):
    """A change of the fan's (``kind`` "do"), an undo or a redo was carried out; ``result`` is
    None when there was nothing to undo or redo. Goes to the app, which says what happened."""

    result: Result | None
    kind: str
    quiet: bool


@dataclass
class StoreChanged(Message, bubble=False):
    """Posted to every open screen: reread what you show. ``result`` is the change made in the
    app, or None for a change made elsewhere (a refresh, a sync, another process)."""

    result: Result | None
