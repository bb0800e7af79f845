"""Helpers for driving the real app in Pilot tests: built as the CLI builds it, with a fixed now.

Reads what the fan would see: the shows list rows as drawn, a widget's text, the whole screen.
"""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from textual import events
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static

from fancompanion.core.library import Library
from fancompanion.core.models import Episode, Show, ShowRecord
from fancompanion.core.store import Store
from fancompanion.tui import compat
from fancompanion.tui.app import FanCompanionApp
from fancompanion.tui.screens.library import LibraryScreen
from fancompanion.tui.widgets.shows_list import ShowsList
from tests.tui.screen_harness import settle

NOW = "2026-11-25T12:00:00Z"
JESSICA = "tvmaze-1370"
LUKE = "imdb-tt3322314"
DEFENDERS = "imdb-tt4230076"
DAREDEVIL = "imdb-tt3322312"

_CHARACTERS = {"slash": "/", "space": " ", "enter": "\r", "tab": "\t", "escape": "\x1b"}


def send_burst(app: App[Any], *keys: str) -> None:
    """Post keys all at once, as a terminal sends a paste or ``tmux send-keys``: each is handled
    in turn with no pause between them for the app to settle (``pilot.press`` waits)."""
    for key in keys:
        app.post_message(events.Key(key, _CHARACTERS.get(key, key if len(key) == 1 else None)))


def typing(text: str) -> list[str]:
    """The keys that type ``text`` (for :func:`send_burst`)."""
    return ["space" if char == " " else char for char in text]


def make_app(store: Store) -> FanCompanionApp:
    """The app exactly as ``fancompanion`` starts it, but with "now" frozen."""
    return FanCompanionApp(Library(store), clock=lambda: NOW)


def library_screen(app: App[None]) -> LibraryScreen:
    screen = app.screen_stack[0]
    assert isinstance(screen, LibraryScreen)
    return screen


def shows_list(app: App[None]) -> ShowsList:
    return library_screen(app).query_one(ShowsList)


def list_rows(app: App[None]) -> list[str]:
    """The shows list as drawn on screen, one stripped string per visible line."""
    shows = shows_list(app)
    lines = (shows.render_line(y).text.strip() for y in range(shows.size.height))
    return [line for line in lines if line]


def text_of(app: App[None], selector: str) -> str:
    content = library_screen(app).query_one(selector, Static).content
    assert isinstance(content, Content)
    return content.plain


def screen_text(app: App[None]) -> str:
    """Everything on screen as plain text (what ``tmux capture-pane`` would show)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True)
    update = compat.render_screen(app)
    console.print(update)
    return console.export_text()


async def filter_to(pilot: Pilot[None], text: str) -> None:
    """Type ``/`` and a query, then ``enter`` back to the list."""
    await pilot.press("slash", *text, "enter")
    await settle(pilot)


async def select(pilot: Pilot[None], show_id: str, tab: str = "overview") -> None:
    assert isinstance(pilot.app, FanCompanionApp)
    pilot.app.open_show(show_id, tab)
    await settle(pilot)


def small_show(show_id: str, name: str, *episodes: Episode, summary: str = "") -> ShowRecord:
    return ShowRecord(
        show=Show(id=show_id, name=name, premiered="2020-01-01", summary=summary),
        episodes=episodes,
    )


def said(app: App[None]) -> list[str]:
    """Every notification the app has shown since it started (Textual keeps only those still
    on screen; a slow run can outlast their timeout). Call before ``run_test``."""
    return said_titled(app, titles=False)


def said_titled(app: App[None], *, titles: bool = True) -> list[str]:
    """As :func:`said`, each notification as ``"title: message"`` (the title on top of it)."""
    messages: list[str] = []
    notify = app.notify

    def record(message: str, *args: Any, **kwargs: Any) -> None:
        title = kwargs.get("title", "")
        messages.append(f"{title}: {message}" if titles else message)
        notify(message, *args, **kwargs)

    app.notify = record  # type: ignore[method-assign]
    return messages
