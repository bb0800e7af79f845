"""A large TV Time GDPR archive built from a seed, with the answer an import must give.

Every show has the regular episodes of the recorded TVmaze fixture (seasons 1-8). The rows
mix every quirk of real exports: first watches, rewatch rows (and ``rewatch_count``), repeated
keys, season-0 specials, episodes TVmaze numbers differently, ids TVmaze does not know, rows
with no show id or no episode number, blank times, legacy-only columns, a shuffled header,
names in any script, and times near midnight UTC and in DST gaps of common time zones.
The expected result is counted while the rows are written, not by running the importer.
"""

from __future__ import annotations

import csv
import io
import random
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

# Regular episodes per season in tests/fixtures/tvmaze/episodes.json (what the stub serves).
SEASONS = {1: 10, 2: 10, 3: 10, 4: 10, 5: 10, 6: 10, 7: 7, 8: 6}
FIRST_TVDB = 700_000
UNKNOWN_TVDB = 990_000_000
COLUMNS = (
    *("key", "s_id", "series_name", "s_no", "ep_no", "ep_id", "season_number"),
    *("episode_number", "created_at", "updated_at", "rewatch_count", "runtime", "bulk_type"),
    *("is_special", "is_unitary", "gsi", "uuid", "user_id", "is_followed", "is_for_later"),
    *("is_archived", "followed_at", "most_recent_ep_watched", "ep_watch_count", "movie_name"),
)
# UTC instants that a local-time parser files on another day or cannot represent at all:
# just before/after midnight UTC, the spring-forward gaps of New York (2021-03-14 02:00-03:00)
# and Berlin (2021-03-28 02:00-03:00), New York's repeated hour (2021-11-07 01:00-02:00).
SENTINELS = (
    "2021-03-14 02:30:00",
    "2021-03-28 02:30:00",
    "2021-11-07 01:30:00",
    "2019-12-31 23:59:59",
    "2020-01-01 00:00:00",
    "2016-02-29 00:00:01",
    "2015-04-10 23:30:00",
)
NAMES = ("Show", "מופע", "عرض", "番組", "Шоу", "🦸\u200d♀️ Heroes", "Café Noir")


def show_name(index: int) -> str:
    return f"{NAMES[index % len(NAMES)]} {index} (2015)"


@dataclass
class Expected:
    """The import's answer: marks per (TheTVDB id, season, number) and every other row."""

    rows: int = 0
    marks: dict[tuple[int, int, int], tuple[int, str, str]] = field(default_factory=dict)
    duplicates: int = 0
    unmatched: dict[str, int] = field(default_factory=dict)
    plan: set[int] = field(default_factory=set)  # TheTVDB ids saved for later, never started
    archived: set[int] = field(default_factory=set)

    @property
    def plays(self) -> int:
        return sum(p for p, _, _ in self.marks.values())

    def miss(self, reason: str) -> None:
        self.unmatched[reason] = self.unmatched.get(reason, 0) + 1


def tvtime_archive(path: Path, *, shows: int = 50, rows: int = 5000, seed: int = 14) -> Expected:
    """Write the ZIP (members under ``gdpr/``, with ``__MACOSX`` junk) and return the answer."""
    rng = random.Random(seed)
    expected = Expected()
    out: list[dict[str, str]] = []
    watched: dict[tuple[int, int, int], list[str]] = {}
    episodes = [(s, n) for s, count in SEASONS.items() for n in range(1, count + 1)]
    serial = 0

    def row(key: str, tvdb: str, name: str, season: str, number: str, at: str) -> dict[str, str]:
        legacy = rng.random() < 0.2  # only the legacy column pair is filled
        return {
            "key": key,
            "s_id": tvdb,
            "series_name": name,
            "s_no": "" if legacy else season,
            "ep_no": "" if legacy else number,
            "season_number": season,
            "episode_number": number,
            "created_at": at,
            "updated_at": at,
            "is_special": "true" if season == "0" else "false",
            "is_unitary": "true",
            "user_id": "4242",
        }

    def when() -> str:
        if rng.random() < 0.1:
            return rng.choice(SENTINELS)
        if rng.random() < 0.03:
            return ""  # blank time: stays unknown
        day = rng.randrange(0, 3650)
        seconds = rng.randrange(0, 86400)
        y, rest = divmod(day, 365)
        month, dom = divmod(rest, 28)
        return (
            f"{2012 + y}-{min(month, 11) + 1:02d}-{dom + 1:02d} "
            f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        )

    while expected.rows < rows:
        serial += 1
        show = rng.randrange(shows)
        tvdb = FIRST_TVDB + show
        name = show_name(show)
        roll = rng.random()
        at = when()
        if roll < 0.05 and out:  # an exact duplicate of an earlier watch row
            out.append(dict(rng.choice(out)))
            expected.rows += 1
            expected.duplicates += 1
            continue
        if roll < 0.08:
            out.append(row(f"watch-episode-sp-{serial}", str(tvdb), name, "0", "1", at))
            expected.miss("special")
        elif roll < 0.10:
            out.append(row(f"watch-episode-rn-{serial}", str(tvdb), name, "1", "99", at))
            expected.miss("episode not on TVmaze")
        elif roll < 0.12:
            unknown = str(UNKNOWN_TVDB + serial % 7)
            out.append(row(f"watch-episode-uk-{serial}", unknown, "Nobody Knows", "1", "1", at))
            expected.miss("unknown show")
        elif roll < 0.13:
            out.append(row(f"watch-episode-ni-{serial}", "", name, "1", "1", at))
            expected.miss("no show id")
        elif roll < 0.14:
            out.append(row(f"watch-episode-nn-{serial}", str(tvdb), name, "", "", at))
            expected.miss("no episode number")
        else:
            season, number = rng.choice(episodes)
            key = (tvdb, season, number)
            rewatch = key in watched
            prefix = "rewatch-episode" if rewatch else "watch-episode"
            out.append(row(f"{prefix}-{serial}", str(tvdb), name, str(season), str(number), at))
            watched.setdefault(key, []).append(at)
        expected.rows += 1
    for key, times in watched.items():
        known = sorted(t for t in times if t)
        first = _iso(known[0]) if known else ""
        last = _iso(known[-1]) if known else ""
        expected.marks[key] = (len(times), first, last)
    started = {tvdb for tvdb, _, _ in watched}
    extra = [
        {"key": "tracking-stats", "user_id": "4242", "created_at": "2015-01-01 00:00:00"},
    ]
    for show in range(shows, shows + 3):  # saved for later, never started
        tvdb = FIRST_TVDB + show
        extra.append(_series(show, for_later=True))
        expected.plan.add(tvdb)
    expected.archived.add(FIRST_TVDB + shows + 3)
    extra.append(_series(shows + 3, archived=True))
    assert not started & expected.plan
    rng.shuffle(out)
    columns = list(COLUMNS)
    rng.shuffle(columns)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("gdpr/tracking-prod-records-v2.csv", _csv(columns, extra + out))
        archive.writestr("__MACOSX/gdpr/._tracking-prod-records-v2.csv", b"\x00\x05\x16\x07")
        archive.writestr("gdpr/access_token.csv", "token\r\nnever-read-me\r\n")
    return expected


def stub_shows(shows: int = 50) -> list[tuple[int, str, int]]:
    """(TVmaze id, name, TheTVDB id) for every show the archive names (plan-only ones too)."""
    return [(200_000 + i, show_name(i), FIRST_TVDB + i) for i in range(shows + 4)]


def _series(show: int, *, for_later: bool = False, archived: bool = False) -> dict[str, str]:
    return {
        "key": f"user-series-{show}",
        "s_id": str(FIRST_TVDB + show),
        "series_name": show_name(show),
        "is_followed": "false" if for_later or archived else "true",
        "is_for_later": "true" if for_later else "false",
        "is_archived": "true" if archived else "false",
        "created_at": "2016-01-01 10:00:00",
        "updated_at": "2016-01-01 10:00:00",
    }


def _iso(value: str) -> str:
    return value.replace(" ", "T") + "Z"


def _csv(columns: list[str], rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for item in rows:
        writer.writerow([item.get(c, "") for c in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # a BOM, as an Excel re-save adds
