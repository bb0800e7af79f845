"""Viewing statistics computed from marks and the catalog (pure: nothing is stored).

- Episodes watched counts marked episodes; *plays* adds rewatches.
- Hours watched = plays × runtime: the episode's runtime, else the show's, else the median
  runtime of the show's other episodes; episodes with none are counted in ``unknown_runtime``
  and add no time.
- Per year and per month use each mark's **first** watch time (``first_at``, else ``last_at``):
  a rewatch does not move an episode to another month, and the hours of all its plays count
  there (only the first and last watch times are stored).
- A streak is a run of consecutive UTC days with a watch; both the first and the last watch of
  every mark count as days with a watch.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from fancompanion.core.models import STATUS_ORDER, WatchStatus
from fancompanion.core.store.store import Store


@dataclass(frozen=True, slots=True)
class Streak:
    days: int = 0
    start: str = ""  # ISO date
    end: str = ""


@dataclass(slots=True)
class Stats:
    episodes: int = 0
    plays: int = 0
    minutes: int = 0
    unknown_runtime: int = 0
    shows_watched: int = 0
    per_year: dict[str, int] = field(default_factory=dict)  # "2026" -> episodes first watched
    per_month: dict[str, int] = field(default_factory=dict)  # "2026-11" -> episodes
    minutes_per_month: dict[str, int] = field(default_factory=dict)
    minutes_per_year: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)  # status label -> shows
    longest_streak: Streak = field(default_factory=Streak)

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)

    def as_dict(self) -> dict[str, object]:
        return {
            "episodes": self.episodes,
            "plays": self.plays,
            "rewatches": self.plays - self.episodes,
            "hours": self.hours,
            "minutes": self.minutes,
            "episodes_without_runtime": self.unknown_runtime,
            "shows_watched": self.shows_watched,
            "per_year": self.per_year,
            "per_month": self.per_month,
            "minutes_per_month": self.minutes_per_month,
            "minutes_per_year": self.minutes_per_year,
            "shows_by_status": self.by_status,
            "longest_streak": {
                "days": self.longest_streak.days,
                "start": self.longest_streak.start or None,
                "end": self.longest_streak.end or None,
            },
        }


def compute(store: Store, problems: list[str] | None = None) -> Stats:
    """The figures of every marks file. With ``problems``, a damaged file is left out and its
    one line (the file and its repair) added there; without, its error is raised."""
    stats = Stats()
    per_year: Counter[str] = Counter()
    per_month: Counter[str] = Counter()
    minutes_month: Counter[str] = Counter()
    minutes_year: Counter[str] = Counter()
    days: set[date] = set()
    for show_id, marks in store.user.each_marks(problems):
        if not marks:
            continue
        stats.shows_watched += 1
        record = store.catalog.record(show_id)
        runtimes = {e.key: e.runtime for e in record.episodes} if record else {}
        show_runtime = record.show.runtime if record else None
        if show_runtime is None:
            known = sorted(r for r in runtimes.values() if r)
            show_runtime = known[len(known) // 2] if known else None
        for mark in marks:
            stats.episodes += 1
            stats.plays += mark.plays
            runtime = runtimes.get(mark.key) or show_runtime
            minutes = mark.plays * runtime if runtime else 0
            if not runtime:
                stats.unknown_runtime += 1
            stats.minutes += minutes
            when = mark.first_at or mark.last_at
            if when:
                per_year[when[:4]] += 1
                per_month[when[:7]] += 1
                minutes_month[when[:7]] += minutes
                minutes_year[when[:4]] += minutes
            for stamp in (mark.first_at, mark.last_at):
                day = _day(stamp)
                if day is not None:
                    days.add(day)
    stats.per_year = dict(sorted(per_year.items()))
    stats.per_month = dict(sorted(per_month.items()))
    stats.minutes_per_month = dict(sorted(minutes_month.items()))
    stats.minutes_per_year = dict(sorted(minutes_year.items()))
    counts = Counter(store.user.statuses().values())
    stats.by_status = {
        s.label: counts[s] for s in STATUS_ORDER if s is not WatchStatus.NONE and counts[s]
    }
    stats.longest_streak = longest_streak(days)
    return stats


def _day(stamp: str) -> date | None:
    try:
        return date.fromisoformat(stamp[:10]) if stamp else None
    except ValueError:
        return None


def longest_streak(days: set[date]) -> Streak:
    """The longest run of consecutive days (the earliest one when runs tie)."""
    best = Streak()
    ordered = sorted(days)
    run_start = previous = ordered[0] if ordered else date.min
    for day in ordered:
        if day - previous != timedelta(days=1):
            run_start = day
        previous = day
        length = (day - run_start).days + 1
        if length > best.days:
            best = Streak(length, run_start.isoformat(), day.isoformat())
    return best


def month_series(stats: Stats, months: int, today: date) -> list[tuple[str, int]]:
    """The last ``months`` calendar months up to ``today``, with episodes first watched in each
    (zero-filled, so a chart shows gaps)."""
    out: list[tuple[str, int]] = []
    year, month = today.year, today.month
    for _ in range(months):
        key = f"{year:04d}-{month:02d}"
        out.append((key, stats.per_month.get(key, 0)))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(out))
