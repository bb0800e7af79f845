"""A daily soap's Seasons tab: reached by a jump, drawn once with that show, tracked like any.

The tab is built ahead (just after the pane) and is given a show only while it is shown; a jump
to a show's Seasons switches the tab when the show has been read, so no frame shows the tab
with the show left behind or with nothing in it.
"""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import App
from textual.widgets import TabbedContent

from fancompanion.core.commands import Watch
from fancompanion.core.models import Episode, Season, Show, ShowRecord
from fancompanion.core.store import Store
from fancompanion.tui import compat
from fancompanion.tui.compat import CompositorUpdate
from fancompanion.tui.widgets.seasons import Seasons
from tests.tui.library_pilot import DAREDEVIL, JESSICA, library_screen, make_app, shows_list
from tests.tui.screen_harness import settle
from tests.tui.test_library_tracking import (
    cursor_code,
    cursor_label,
    line_text,
    row_of,
    seasons_tree,
)

SOAP = "tvmaze-990001"
PER_SEASON = 250
SEASONS = 8


def soap() -> ShowRecord:
    """Days of Our Harbor: 2,000 daily episodes, all aired before the tests' "now"."""
    first = date(2015, 1, 1)
    episodes = tuple(
        Episode(
            show_id=SOAP,
            season=n // PER_SEASON + 1,
            number=n % PER_SEASON + 1,
            name=f"Harbor Day {n + 1}",
            tvmaze_id=990_000_000 + n,
            airdate=(first + timedelta(days=n)).isoformat(),
            summary=f"What happened on day {n + 1}.",
        )
        for n in range(PER_SEASON * SEASONS)
    )
    seasons = tuple(Season(number=s, episode_count=PER_SEASON) for s in range(1, SEASONS + 1))
    show = Show(id=SOAP, name="Days of Our Harbor", tvmaze_id=990_001, status="Ended")
    return ShowRecord(show, seasons, episodes)


def with_soap(store: Store, watched: int = 0) -> Store:
    record = soap()
    store.catalog.put_shows([record])
    if watched:
        from fancompanion.core.commands import apply

        apply(store, Watch(SOAP, record.episodes[:watched]))
    return store


def active_tab(app: App[None]) -> str:
    return library_screen(app).query_one(TabbedContent).active


def seasons_show(app: App[None]) -> str | None:
    view = library_screen(app).query_one(Seasons).view
    return view.id if view is not None else None


async def test_a_jump_draws_the_seasons_tab_once_with_the_show_jumped_to(store: Store) -> None:
    app = make_app(with_soap(store, watched=300))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")  # Daredevil's seasons: the tab then holds another show
        await settle(pilot)
        assert seasons_show(app) == DAREDEVIL
        await pilot.press("1")
        await settle(pilot)
        seen: list[tuple[str, str | None, int]] = []

        def frame(_: CompositorUpdate) -> None:
            if active_tab(app) == "seasons":
                tree = seasons_tree(app)
                seen.append((active_tab(app), seasons_show(app), len(tree.root.children)))

        compat.watch_frames(app, frame)
        app.open_show(SOAP, "seasons")
        await settle(pilot)
        assert seen, "the Seasons tab was never drawn"
        # every frame with the Seasons tab on screen shows the soap's eight seasons
        assert {(show, lines) for _, show, lines in seen} == {(SOAP, SEASONS)}
        assert shows_list(app).current_id == SOAP
        # the cursor lands on the next episode to watch, in its (lazily filled) season
        assert cursor_code(app) == "S02E51"
        assert cursor_label(app, parent=True).startswith("Season 2  50/250")


async def test_a_season_of_the_soap_opened_later_is_filled_and_marks_like_any(
    store: Store,
) -> None:
    app = make_app(with_soap(store, watched=300))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_show(SOAP, "seasons")
        await settle(pilot)
        tree = seasons_tree(app)
        season_5 = next(n for n in tree.root.children if line_text(app, n).startswith("Season 5"))
        assert len(season_5.children) == 0  # not built until opened
        tree.move_cursor(season_5)
        await pilot.press("enter")  # open it: its 250 episode lines are built now
        await settle(pilot)
        assert len(season_5.children) == PER_SEASON
        await pilot.press("down", "down", "space")  # S05E02 watched
        await settle(pilot)
        assert cursor_code(app) == "S05E02"
        assert cursor_label(app).startswith("✓ E02")
        assert cursor_label(app, parent=True).startswith("Season 5  1/250")
        assert row_of(app, "Days of")[-1] == "301/2000"
        await pilot.press("plus")  # a rewatch of the same episode
        await settle(pilot)
        assert "×2" in cursor_label(app)
        await pilot.press("ctrl+z", "ctrl+z")  # both undone: back to 300
        await settle(pilot)
        assert row_of(app, "Days of")[-1] == "300/2000"
        assert cursor_label(app).startswith("  E02")


async def test_moving_on_while_on_overview_shows_the_new_show_when_seasons_is_opened(
    store: Store,
) -> None:
    """A tab built ahead is given the show when it is shown, never a show read before."""
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert seasons_show(app) == DAREDEVIL
        await pilot.press("1")
        await settle(pilot)
        shows_list(app).select(JESSICA)
        await settle(pilot)
        assert seasons_show(app) == DAREDEVIL  # hidden: not rebuilt for every show passed
        await pilot.press("2")
        await settle(pilot)
        assert seasons_show(app) == JESSICA
        assert cursor_code(app) == "S01E01"
