"""A hostile store cannot send escape sequences to the fan's terminal.

Text is cleaned on its way into the store, but a store file edited by hand (or written by
something hostile) can hold raw escapes. These tests write such a store — the models go in
uncleaned, so the JSON on disk holds the control characters — then walk every screen and
capture exactly what Textual would write to the terminal (each compositor update encoded by
``render_segments``, as ``App._display`` does for a real terminal). Apart from Textual's own
colour (SGR) and cursor-position sequences, not one ESC, C1, NUL or bare CR may be in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from textual.app import App, ComposeResult
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from fancompanion.core.library import Library
from fancompanion.core.models import (
    Credit,
    Episode,
    NewsItem,
    Person,
    Season,
    Show,
    ShowRecord,
    WatchStatus,
)
from fancompanion.core.store import Store
from fancompanion.tui import compat
from fancompanion.tui.app import FanCompanionApp
from fancompanion.tui.safe import line, plain
from fancompanion.tui.screens.stats import StatsScreen
from tests.tui.library_pilot import (
    NOW,
    library_screen,
    make_app,
    screen_text,
    select,
    shows_list,
)
from tests.tui.screen_harness import settle

CLEAR = "\x1b[2J"
CLIPBOARD = "\x1b]52;c;aGk=\x07"
LINK = "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"
RED = "\x9b31m"  # 8-bit CSI
NUL = "\x00"
RETURN = "\r"
HOSTILE = f"{CLEAR}{CLIPBOARD}{LINK}{RED}{NUL}{RETURN}"

SHOW = "evil"
SHOW_NAME = f"Evil{HOSTILE} Show"
EPISODE_TITLE = f"Pilot{HOSTILE} Episode"
PERSON_NAME = f"Mal{HOSTILE} Actor"
NEWS_TITLE = f"Breaking{HOSTILE} News"
NEWS_BODY = f"Body{HOSTILE} text\nsecond{HOSTILE} line"

# What Textual itself writes: SGR colours and absolute cursor moves.
TEXTUAL_OWN = re.compile(r"\x1b\[[0-9;]*m|\x1b\[[0-9]+;[0-9]+H|\x1b\[[0-9]*[ABCD]")
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def hostile_store(store: Store) -> None:
    """Models written raw (no clean_text on the way), as a hand-edited file would hold them."""
    aired = Episode(SHOW, 1, 1, EPISODE_TITLE, airdate="2026-01-05", summary=f"Sum{HOSTILE}")
    coming = Episode(
        SHOW, 1, 2, EPISODE_TITLE, airstamp="2026-12-01T20:00:00Z", airdate="2026-12-01"
    )
    store.catalog.put_shows(
        [
            ShowRecord(
                show=Show(
                    id=SHOW,
                    name=SHOW_NAME,
                    premiered="2026-01-01",
                    network=f"Net{HOSTILE}",
                    genres=(f"Drama{HOSTILE}",),
                    summary=f"About{HOSTILE} it",
                ),
                seasons=(Season(1, name=f"Season{HOSTILE} name"),),
                episodes=(aired, coming),
                credits=(
                    Credit(SHOW, "p-evil", "cast", f"Role{HOSTILE}"),
                    Credit(SHOW, "p-evil", "crew", f"Job{HOSTILE}"),
                ),
                people=(Person("p-evil", PERSON_NAME),),
            )
        ]
    )
    store.catalog.put_news(
        [
            (
                NewsItem(
                    id="news-evil",
                    feed="https://example.org/feed",
                    title=NEWS_TITLE,
                    published="2026-11-20T10:00:00Z",
                    author=f"Author{HOSTILE}",
                    source=f"Src{HOSTILE}",
                    summary=f"Summary{HOSTILE}",
                    show_ids=(SHOW,),
                    person_ids=("p-evil",),
                    has_text=True,
                ),
                NEWS_BODY,
            )
        ]
    )
    store.user.set_status(SHOW, WatchStatus.WATCHING)


class Terminal:
    """Everything the app would have written to a real terminal, frame by frame."""

    def __init__(self, app: App[None]) -> None:
        self.app = app
        self.written: list[str] = []
        compat.watch_frames(
            app, lambda update: self.written.append(update.render_segments(app.console))
        )

    def frame(self) -> str:
        """The whole current screen, encoded as for the terminal."""
        update = compat.render_screen(self.app)
        encoded: str = update.render_segments(self.app.console)
        self.written.append(encoded)
        return encoded

    def leaks(self) -> list[str]:
        """Control characters that are not Textual's own sequences, in what was written."""
        found: list[str] = []
        for chunk in self.written:
            found += FORBIDDEN.findall(TEXTUAL_OWN.sub("", chunk))
        return sorted(set(found))


@contextmanager
def watched(app: FanCompanionApp) -> Iterator[Terminal]:
    terminal = Terminal(app)
    yield terminal
    assert terminal.written, "nothing was drawn"
    assert terminal.leaks() == []


async def look(pilot: Pilot[None], terminal: Terminal) -> str:
    await settle(pilot)
    terminal.frame()
    return screen_text(pilot.app)


def test_the_hostile_store_file_really_holds_the_escapes(store: Store) -> None:
    hostile_store(store)
    raw = store.catalog.show_path(SHOW).read_bytes()
    assert b"\\u001b]52;c;aGk=\\u0007" in raw
    assert "\x9b31m".encode() in raw  # a C1 control is written as plain UTF-8
    assert store.catalog.record(SHOW) is not None
    assert "\x1b]52" in store.catalog.record(SHOW).show.name  # type: ignore[union-attr]


async def test_the_capture_sees_escapes_that_reach_the_terminal() -> None:
    """Without the safe helpers, Textual passes these straight through (why they exist)."""

    class Raw(App[None]):
        def compose(self) -> ComposeResult:
            yield Static(Content(SHOW_NAME))

    app = Raw()
    async with app.run_test(size=(60, 5)) as pilot:
        terminal = Terminal(app)
        await pilot.pause()
        terminal.frame()
        assert {"\x1b", "\x9b", "\x00"} <= set(terminal.leaks())


def test_plain_keeps_clean_text_and_strips_every_escape() -> None:
    assert plain("Daredevil · S01E05 — ✓ 日本 👍🏽") == "Daredevil · S01E05 — ✓ 日本 👍🏽"
    assert plain(SHOW_NAME) == "Evillink\n Show"  # a bare CR is a line break
    assert line(SHOW_NAME) == "Evillink Show"
    assert plain("two\nlines\tand tab") == "two\nlines\tand tab"


async def test_library_tabs_show_hostile_names_without_escapes(store: Store) -> None:
    hostile_store(store)
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        with watched(app) as terminal:
            shown = await look(pilot, terminal)
            assert "Evillink Show" in shown  # the list row and the overview title
            await select(pilot, SHOW, "overview")
            shown = await look(pilot, terminal)
            assert "Aboutlink" in shown  # the summary: a bare CR is a line break
            assert "Pilotlink Episode" in shown  # next to watch
            await pilot.press("2")
            shown = await look(pilot, terminal)
            assert "Pilotlink Episode" in shown
            assert "Seasonlink name" in shown
            await pilot.press("3")
            shown = await look(pilot, terminal)
            assert "Mallink Actor" in shown
            assert "as Rolelink" in shown
            people = library_screen(app).query_one("#cast-people", OptionList)
            people.focus()
            await pilot.press("enter")  # the person's work in the library
            shown = await look(pilot, terminal)
            assert "Mallink Actor in your library" in shown
            await pilot.press("4")
            shown = await look(pilot, terminal)
            assert "Breakinglink News" in shown
            shows_list(app).focus()
            await pilot.press("w")  # a status change: the notification names the show
            await look(pilot, terminal)
            notes = [f"{n.title}: {n.message}" for n in compat.notifications(app)]
            assert any(n.startswith("Evillink Show: Status: Plan to watch") for n in notes)
        assert app.is_running


async def test_news_screen_and_reader_show_hostile_news_without_escapes(store: Store) -> None:
    hostile_store(store)
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        with watched(app) as terminal:
            await settle(pilot)
            app.open_news("news-evil")
            shown = await look(pilot, terminal)
            assert "Breakinglink News" in shown
            assert "Bodylink" in shown
            assert "by Authorlink" in shown
            assert "Evillink Show" in shown  # the mentions list
            assert "Mallink Actor" in shown
        assert app.is_running


async def test_up_next_palette_and_stats_show_hostile_names_without_escapes(
    store: Store,
) -> None:
    hostile_store(store)
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        with watched(app) as terminal:
            await settle(pilot)
            await pilot.press("u")
            shown = await look(pilot, terminal)
            assert "Evillink Show" in shown
            assert "Pilotlink Episode" in shown
            await pilot.press("2")  # upcoming
            shown = await look(pilot, terminal)
            assert "Pilotlink Episode" in shown
            await pilot.press("escape")
            await settle(pilot)
            await pilot.press("ctrl+p", *"evil")
            await pilot.pause(0.3)
            shown = await look(pilot, terminal)
            assert "Evillink Show" in shown
            await pilot.press("escape")
            await settle(pilot)
            app.push_screen(StatsScreen(app.library, now=lambda: NOW))
            shown = await look(pilot, terminal)
            assert "in 0 shows" in shown or "shows" in shown
        assert app.is_running


async def test_an_error_quoting_store_text_is_notified_without_escapes(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failing read whose message quotes a hostile value: one clean notification."""
    hostile_store(store)

    def fail(self: Library, show_id: str, now: str | None = None) -> None:
        raise ValueError(f"cannot read {SHOW_NAME}")

    monkeypatch.setattr(Library, "show", fail)
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        with watched(app) as terminal:
            await look(pilot, terminal)
            errors = [n.message for n in compat.notifications(app) if n.severity == "error"]
            assert errors
            assert all(FORBIDDEN.search(message) is None for message in errors)
            assert any("cannot read Evillink" in message for message in errors)  # its first line
        assert app.is_running
