"""The stats screen: episodes and hours watched, per year and month, statuses, streaks.

Figures come from :func:`fancompanion.exchange.stats.compute` (the same numbers as
``fancompanion stats``), computed in a thread. Everything is drawn as literal ``Text`` — bars
are block characters — and the last twelve months also get a ``Sparkline``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Sparkline, Static

from fancompanion.core.library import Library
from fancompanion.core.timeutil import now_iso
from fancompanion.core.wording import plural
from fancompanion.exchange.stats import Stats, compute, month_series
from fancompanion.tui.keys import bindings
from fancompanion.tui.messages import StoreChanged
from fancompanion.tui.safe import line, plain
from fancompanion.tui.widgets.footer import KeysFooter
from fancompanion.tui.workers import WorkFailed, name_damaged_once, run_in_thread


@dataclass
class StatsLoaded(Message):
    stats: Stats
    problems: list[str]  # marks files left out: they cannot be read (one line each)


MONTHS = 12
BAR_WIDTH = 30

DEFAULT_CSS = """
StatsScreen VerticalScroll { padding: 1 2; }
StatsScreen .stats-heading { text-style: bold; margin-top: 1; }
StatsScreen Sparkline { height: 3; margin: 1 0; max-width: 60; }
"""


def bars(rows: list[tuple[str, int]], width: int = BAR_WIDTH) -> Text:
    """A horizontal bar chart: label, count, a bar of full blocks scaled to the largest."""
    text = Text()
    rows = [(line(label), count) for label, count in rows]  # years come from stored marks
    top = max((count for _, count in rows), default=0)
    label_width = max((len(label) for label, _ in rows), default=0)
    for i, (label, count) in enumerate(rows):
        if i:
            text.append("\n")
        size = round(width * count / top) if top else 0
        text.append(f"{label:<{label_width}}  {count:>5}  ")
        text.append("█" * size, style="green")
    return text


def summary_text(stats: Stats) -> Text:
    rewatches = stats.plays - stats.episodes
    text = Text(
        f"{plural(stats.episodes, 'episode')} watched, {plural(rewatches, 'rewatch')}, "
        f"{plural_hours(stats.hours)}, in {plural(stats.shows_watched, 'show')}"
    )
    if stats.unknown_runtime:
        unknown = stats.unknown_runtime
        verb = "has" if unknown == 1 else "have"
        text.append(f"\n{plural(unknown, 'episode')} {verb} no known runtime")
    streak = stats.longest_streak
    if streak.days:
        days = plural(streak.days, "day")
        text.append(plain(f"\nLongest streak: {days} ({streak.start} to {streak.end})"))
    else:
        text.append("\nNo watched episodes yet: mark some with space in a show's episode list.")
    return text


def plural_hours(hours: float) -> str:
    return f"{hours:g} hour" if hours == 1 else f"{hours:g} hours"


def _year_rows(stats: Stats) -> list[tuple[str, int]]:
    """Year labels carry the hours watched that year; bars count episodes."""
    return [
        (f"{year}  {stats.minutes_per_year.get(year, 0) / 60:6.1f} h", count)
        for year, count in stats.per_year.items()
    ]


class StatsScreen(Screen[None]):
    DEFAULT_CSS = DEFAULT_CSS
    BINDINGS = bindings("screen.back")

    def __init__(self, library: Library, *, now: Callable[[], str] | None = None) -> None:
        super().__init__()
        self.library = library
        self.now = now or now_iso
        self.stats: Stats | None = None
        self._said: set[str] = set()  # damaged files already named

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static(Text("Loading…"), id="stats-summary")
            yield Static(Text(f"Episodes per month (last {MONTHS})"), classes="stats-heading")
            yield Sparkline([], id="stats-sparkline")
            yield Static(Text(""), id="stats-months")
            yield Static(Text("Hours and episodes per year"), classes="stats-heading")
            yield Static(Text(""), id="stats-years")
            yield Static(Text("Shows by status"), classes="stats-heading")
            yield Static(Text(""), id="stats-status")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Stats"
        self._load()

    def _load(self) -> None:
        store = self.library.store

        def load() -> None:
            problems: list[str] = []
            self.post_message(StatsLoaded(compute(store, problems), problems))

        run_in_thread(self, load, group="stats-load", description="Computing stats")

    def on_store_changed(self, event: StoreChanged) -> None:
        self._load()

    def on_work_failed(self, event: WorkFailed) -> None:
        self.query_one("#stats-summary", Static).update(Text(event.message))

    def on_stats_loaded(self, event: StatsLoaded) -> None:
        for problem in event.problems:  # a damaged marks file: the others are counted
            name_damaged_once(self, self._said, problem)
        stats = self.stats = event.stats
        today = date.fromisoformat(self.now()[:10])
        months = month_series(stats, MONTHS, today)
        self.query_one("#stats-summary", Static).update(summary_text(stats))
        self.query_one("#stats-sparkline", Sparkline).data = [float(c) for _, c in months]
        self.query_one("#stats-months", Static).update(bars(months))
        self.query_one("#stats-years", Static).update(
            bars(_year_rows(stats)) if stats.per_year else Text("—")
        )
        self.query_one("#stats-status", Static).update(
            bars(list(stats.by_status.items())) if stats.by_status else Text("—")
        )

    def action_back(self) -> None:
        self.dismiss()
