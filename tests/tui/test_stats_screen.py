"""The stats screen shows a fan how much they watched, when, and in which state their list is."""

from __future__ import annotations

from textual.widgets import Sparkline, Static

from fancompanion.core.library import Library
from fancompanion.core.models import WatchStatus
from fancompanion.tui.app import FanCompanionApp
from fancompanion.tui.screens.stats import StatsScreen
from tests.marks import watch
from tests.tui.library_pilot import said
from tests.tui.screen_harness import HarnessApp, settle


def _plain(screen: StatsScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def _history(library: Library) -> None:
    view = library.show("tvmaze-1370")
    assert view is not None
    user = library.store.user
    watch(library.store, view.id, view.record.episodes[0:3], at="2026-09-10T21:00:00Z")
    watch(library.store, view.id, view.record.episodes[3:4], at="2026-09-11T21:00:00Z")
    watch(library.store, view.id, view.record.episodes[4:5], at="2026-11-02T21:00:00Z")
    user.set_status(view.id, WatchStatus.WATCHING)
    user.set_status("imdb-tt5675620", WatchStatus.PLAN)


async def test_stats_screen_shows_totals_streak_and_monthly_chart(library: Library) -> None:
    _history(library)
    app = HarnessApp(library)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = StatsScreen(library, now=lambda: "2026-11-25T12:00:00Z")
        await app.push_screen(screen)
        await settle(pilot)
        summary = _plain(screen, "#stats-summary")
        assert "5 episodes watched, 0 rewatches" in summary
        assert "Longest streak: 2 days (2026-09-10 to 2026-09-11)" in summary
        spark = screen.query_one(Sparkline)
        assert list(spark.data or [])[-3:] == [4.0, 0.0, 1.0]  # Sep, Oct, Nov
        months = _plain(screen, "#stats-months")
        assert "2026-09      4  " + "█" * 30 in months
        assert "2026-10      0" in months
        assert "Watching" in _plain(screen, "#stats-status")
        assert "Plan to watch" in _plain(screen, "#stats-status")
        assert "2026     4.3 h      5" in _plain(screen, "#stats-years")  # 261 min


async def test_stats_screen_with_no_history_says_how_to_start(library: Library) -> None:
    app = HarnessApp(library)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = StatsScreen(library, now=lambda: "2026-11-25T12:00:00Z")
        await app.push_screen(screen)
        await settle(pilot)
        assert "0 episodes watched" in _plain(screen, "#stats-summary")
        assert "No watched episodes yet" in _plain(screen, "#stats-summary")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StatsScreen)


async def test_one_damaged_marks_file_is_named_and_the_rest_is_counted(library: Library) -> None:
    """Daredevil's marks file overwritten with junk (a bad sync, a stray editor): S still shows
    the figures of every other show, and one notification names the file and its repair."""
    _history(library)
    daredevil = "imdb-tt3322312"
    record = library.store.catalog.record(daredevil)
    assert record is not None
    watch(library.store, daredevil, record.episodes[:2], at="2026-11-03T21:00:00Z")
    library.store.user.marks_path(daredevil).write_text("{not json")
    app = FanCompanionApp(library, clock=lambda: "2026-11-25T12:00:00Z")
    messages = said(app)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        before = len(messages)  # the library list may name it too
        await pilot.press("S")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        summary = _plain(screen, "#stats-summary")
        assert "5 episodes watched, 0 rewatches" in summary
        assert "in 1 show" in summary
        assert "Watching" in _plain(screen, "#stats-status")
        assert len(messages) == before + 1
        assert f"{daredevil}.json is damaged" in messages[-1]
        assert "fancompanion doctor --repair" in messages[-1]
