"""A fan looks at how much they watched, when, and their longest binge streak."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from fancompanion.core.library import Library
from fancompanion.core.models import WatchStatus
from fancompanion.core.store import Store
from fancompanion.exchange.stats import compute, longest_streak, month_series
from tests.exchange.helpers import cli
from tests.marks import watch


def _watch(store: Store) -> None:
    view = Library(store).show("tvmaze-1370")
    assert view is not None
    episodes = view.record.episodes
    watch(store, view.id, episodes[0:2], at="2025-12-30T21:00:00Z")
    watch(store, view.id, episodes[2:3], at="2025-12-31T21:00:00Z")
    watch(store, view.id, episodes[3:4], at="2026-01-01T21:00:00Z")
    watch(store, view.id, episodes[4:5], at="2026-01-05T21:00:00Z")
    watch(store, view.id, episodes[0:1], rewatch=True, at="2026-02-10T21:00:00Z")
    store.user.set_status(view.id, WatchStatus.WATCHING)
    store.user.set_status("imdb-tt5675620", WatchStatus.PLAN)
    store.user.set_status("imdb-tt3322310", WatchStatus.DROPPED)


def test_counts_episodes_rewatches_and_hours(store: Store) -> None:
    _watch(store)
    stats = compute(store)
    assert (stats.episodes, stats.plays, stats.shows_watched) == (5, 6, 1)
    # The bundle gives the pilot 53 min (watched twice); episodes 2-5 have no runtime and
    # take the median of the show's known episode runtimes, 52 min.
    assert stats.minutes == 2 * 53 + 4 * 52
    assert stats.hours == 5.2
    assert stats.unknown_runtime == 0


def test_per_year_and_month_follow_the_first_watch(store: Store) -> None:
    _watch(store)
    stats = compute(store)
    assert stats.per_year == {"2025": 3, "2026": 2}
    assert stats.per_month == {"2025-12": 3, "2026-01": 2}  # the February rewatch moves nothing


def test_longest_streak_spans_the_new_year(store: Store) -> None:
    _watch(store)
    streak = compute(store).longest_streak
    assert (streak.days, streak.start, streak.end) == (3, "2025-12-30", "2026-01-01")


def test_shows_by_status_in_watchlist_order(store: Store) -> None:
    _watch(store)
    assert compute(store).by_status == {"Watching": 1, "Plan to watch": 1, "Dropped": 1}


def test_streak_of_nothing_is_zero_and_single_days_count_one() -> None:
    assert longest_streak(set()).days == 0
    assert longest_streak({date(2026, 1, 1), date(2026, 1, 3)}).days == 1


def test_month_series_fills_gaps_with_zero(store: Store) -> None:
    _watch(store)
    series = month_series(compute(store), 4, date(2026, 2, 15))
    assert series == [("2025-11", 0), ("2025-12", 3), ("2026-01", 2), ("2026-02", 0)]


def test_stats_command_prints_totals_and_json(store: Store, data_dir: Path) -> None:
    _watch(store)
    code, out, _ = cli("stats")
    assert code == 0
    assert out.startswith("5 episode(s) watched (1 rewatch(es))")
    assert "longest streak: 3 day(s), 2025-12-30 to 2026-01-01" in out
    assert "2025      3     3.5 h  " in out  # every play of episodes first seen in 2025
    code, out, _ = cli("stats", "--json")
    data = json.loads(out)
    assert data["episodes"] == 5
    assert data["rewatches"] == 1
    assert data["shows_by_status"]["Watching"] == 1


def test_one_damaged_marks_file_is_named_and_the_rest_still_reported(store: Store) -> None:
    """Daredevil's marks file overwritten with junk: ``stats`` still prints Jessica Jones's
    figures, names the damaged file and its repair in one line on stderr, and exits 1 (the
    figures leave something out); the TUI's Stats screen reads the same ``problems``."""
    _watch(store)
    daredevil = "imdb-tt3322312"
    view = Library(store).show(daredevil)
    assert view is not None
    watch(store, daredevil, view.record.episodes[:2], at="2026-01-02T21:00:00Z")
    store.user.marks_path(daredevil).write_text("{not json")
    code, out, err = cli("stats")
    assert code == 1
    assert out.startswith("5 episode(s) watched (1 rewatch(es))")
    assert "in 1 show(s)" in out
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("fancompanion: not counted: ")
    assert f"{daredevil}.json is damaged" in lines[0]
    assert "fancompanion doctor --repair" in lines[0]
    code, out, err = cli("stats", "--json")
    assert code == 1
    assert json.loads(out)["episodes"] == 5
    assert f"{daredevil}.json is damaged" in err
    problems: list[str] = []
    assert compute(store, problems).shows_watched == 1
    assert len(problems) == 1
