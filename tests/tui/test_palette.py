"""The command palette (ctrl+p) jumps to any show, person or news item."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import ClassVar

import pytest
from textual.command import CommandList, CommandPalette, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.pilot import Pilot

from fancompanion.core.library import Library
from fancompanion.core.models import NewsItem
from fancompanion.core.store import Store
from fancompanion.tui.palette import (
    Candidate,
    NewsProvider,
    PeopleProvider,
    ShowsProvider,
    display,
    rank,
)
from tests.tui.screen_harness import HarnessApp

HOSTILE = '[@click=app.quit]Quit[/] [link="file:///etc/passwd"]x[/] [/]'


class PaletteApp(HarnessApp):
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        ShowsProvider,
        PeopleProvider,
        NewsProvider,
    }


async def search(pilot: Pilot[None], query: str, expected: str) -> list[str]:
    """Open the palette, type, and wait (bounded) until ``expected`` is among the hits."""
    await pilot.press("ctrl+p")
    await pilot.press(*query)
    prompts: list[str] = []
    for _ in range(100):
        await pilot.pause(0.02)
        palette = pilot.app.screen
        assert isinstance(palette, CommandPalette)
        results = palette.query_one(CommandList)
        prompts = [
            Content.from_markup(results.get_option_at_index(i).prompt).plain  # type: ignore[arg-type]
            for i in range(results.option_count)
        ]
        if any(expected in p for p in prompts):
            break
    return prompts


async def test_typing_a_person_jumps_to_their_first_show_at_the_cast_tab(
    library: Library,
) -> None:
    app = PaletteApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        prompts = await search(pilot, "mike colter", "Mike Colter")
        assert prompts[0] == "Mike Colter — Jessica Jones, Luke Cage, The Defenders"
        await pilot.press("enter")
        await pilot.pause()
        assert app.opened_shows == [("tvmaze-1370", "cast")]


async def test_typing_a_show_name_jumps_to_the_show(library: Library) -> None:
    app = PaletteApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        prompts = await search(pilot, "luke cage", "Luke Cage — 2016")
        assert prompts[0].startswith("Luke Cage — 2016")
        await pilot.press("enter")
        await pilot.pause()
        assert app.opened_shows == [("imdb-tt3322314", "overview")]


async def test_a_hostile_news_title_is_a_literal_hit_and_opens_the_news(
    library: Library, store: Store
) -> None:
    store.catalog.put_news([(NewsItem("evil", "feed", HOSTILE, source="[b]x"), "")])
    app = PaletteApp(library)
    async with app.run_test(size=(120, 30)) as pilot:
        prompts = await search(pilot, "quit", HOSTILE)
        assert f"{HOSTILE} — [b]x" in prompts
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert app.opened_news == ["evil"]


def test_match_highlight_keeps_markup_characters_literal() -> None:
    entry = Candidate("[b]Luke[/b] Cage", "[i]x", "id")
    matcher = Matcher("luke")
    (score, shown, found), *_ = rank(matcher, [entry, Candidate("Daredevil", "", "dd")])
    assert found is entry
    assert score > 0
    assert shown.plain == "[b]Luke[/b] Cage — [i]x"
    assert display(entry, ()).plain == shown.plain


def test_ranking_ten_thousand_shows_returns_the_best_few() -> None:
    entries = [Candidate(f"Show number {i}", "", str(i)) for i in range(10_000)]
    entries.append(Candidate("Jessica Jones", "", "jj"))
    best = rank(Matcher("jessica"), entries)
    assert [entry.target for _, _, entry in best] == ["jj"]
    assert len(rank(Matcher("show"), entries)) == 40


async def test_in_the_app_the_palette_follows_mike_colter_to_jessica_jones_cast(
    library: Library,
) -> None:
    from fancompanion.tui.app import FanCompanionApp
    from fancompanion.tui.screens.library import LibraryScreen
    from fancompanion.tui.widgets.show_pane import ShowPane
    from fancompanion.tui.widgets.shows_list import ShowsList

    app = FanCompanionApp(library, clock=lambda: "2030-01-01T00:00:00Z")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        prompts = await search(pilot, "mike colter", "Mike Colter")
        assert "Mike Colter — Jessica Jones, Luke Cage, The Defenders" in prompts
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert screen.query_one(ShowsList).current_id == "tvmaze-1370"
        assert screen.query_one(ShowPane).active == "cast"


async def test_typing_while_the_news_is_still_being_read_still_finds_news(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big store takes seconds to read every news item when the palette opens; a fan types
    meanwhile, and each letter replaces the search before it. News must still be found once
    it is read (the replaced search took the reading down with it: the palette searched
    forever, and found no news until it was opened again)."""
    gate = threading.Event()
    read = NewsProvider.load

    def slow(self: NewsProvider, library: Library) -> list[Candidate]:
        gate.wait(10)  # the store is big
        return read(self, library)

    monkeypatch.setattr(NewsProvider, "load", slow)
    app = PaletteApp(library)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("ctrl+p")
        for letter in "cro":
            await pilot.press(letter)
            await pilot.pause(0.05)  # each letter a new search, the one before given up
        gate.set()
        await pilot.press(*"ss")
        expected = "Same hero, several shows: the crossover casting"
        prompts: list[str] = []
        for _ in range(200):
            await pilot.pause(0.02)
            results = app.screen.query_one(CommandList)
            prompts = [
                Content.from_markup(results.get_option_at_index(i).prompt).plain  # type: ignore[arg-type]
                for i in range(results.option_count)
            ]
            if any(expected in p for p in prompts):
                break
        assert any(expected in p for p in prompts), prompts
