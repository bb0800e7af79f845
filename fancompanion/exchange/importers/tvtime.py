"""Read TV Time's GDPR export: ``tracking-prod-records-v2.csv`` (TV Time closed in 2026).

TV Time's personal-data ZIP holds many CSV files; the episode history is in
``tracking-prod-records-v2.csv``, one row per record, told apart by the ``key`` column:

- ``watch-episode-…`` / ``rewatch-episode-…``: one watch of one episode. Columns read:
  ``series_name``, ``season_number``, ``episode_number`` (or ``s_no`` / ``ep_no`` when those are
  empty), ``created_at`` (``YYYY-MM-DD HH:MM:SS``, UTC), ``s_id`` (TheTVDB series id, used only to
  borrow a name for rows that have none) and ``rewatch_count``.
- ``user-series-…``: a followed show. ``is_for_later`` = true → *Plan to watch*; otherwise a
  followed show (``is_followed``) that is not ``is_archived`` → *Watching*.

Every other row and column (movies, devices, ids, stats) is ignored. Names carrying a
disambiguation year (``Doctor Who (2005)``) are matched without it. Several watches of one
episode become one mark: plays = the number of rows (or ``1 + rewatch_count`` if larger),
first/last watch = earliest/latest ``created_at``.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from fancompanion.core.models import Mark, WatchStatus, episode_key
from fancompanion.exchange.history import EpisodeEntry, History, ShowHistory, ShowIdentity
from fancompanion.exchange.importers import ImportFormatError
from fancompanion.exchange.importers.values import as_int, as_stamp, as_text

FILE_NAME = "tracking-prod-records-v2.csv"
_YEAR = re.compile(r"\s*\((\d{4})\)$")
_TRUE = {"true", "1", "yes", "t"}


def looks_like_tvtime(path: Path) -> bool:
    if path.is_dir():
        return (path / FILE_NAME).exists()
    if path.name.lower() == FILE_NAME:
        return True
    try:
        head = path.read_bytes()[:2048].decode("utf-8-sig", "replace").splitlines()
    except OSError:
        return False
    columns = {c.strip().lower() for c in head[0].split(",")} if head else set()
    return {"key", "s_id"} <= columns


def read_tvtime(path: Path) -> History:
    if path.is_dir():
        path = path / FILE_NAME
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ImportFormatError(f"cannot read {path.name} as a UTF-8 CSV ({error})") from error
    rows = [
        {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(io.StringIO(text))
    ]
    if rows and "key" not in rows[0]:
        raise ImportFormatError(f"{path.name} has no 'key' column: not a TV Time {FILE_NAME}")
    names = {r["s_id"]: r["series_name"] for r in rows if r.get("s_id") and r.get("series_name")}
    watches: dict[str, list[tuple[Mark, int]]] = {}
    statuses: dict[str, WatchStatus] = {}
    for row in rows:
        key = row.get("key", "")
        name = _name(row.get("series_name") or names.get(row.get("s_id", ""), ""))
        if not name:
            continue
        if key.startswith(("watch-episode-", "rewatch-episode-")):
            mark = _mark(row)
            if mark is not None:
                rewatches = as_int(row.get("rewatch_count")) or 0
                watches.setdefault(name, []).append((mark, rewatches))
        elif key.startswith("user-series-"):
            status = _status(row)
            if status is not WatchStatus.NONE:
                statuses[name] = status
    shows = [
        ShowHistory(
            identity=ShowIdentity(name=name),
            status=statuses.get(name, WatchStatus.NONE),
            episodes=tuple(EpisodeEntry(m) for m in _fold(watches.get(name, []))),
        )
        for name in sorted(set(watches) | set(statuses), key=str.casefold)
    ]
    return History(source="TV Time export", shows=tuple(shows))


def _name(value: str) -> str:
    return as_text(_YEAR.sub("", value))


def _mark(row: dict[str, str]) -> Mark | None:
    season = as_int(row.get("season_number")) or as_int(row.get("s_no"))
    number = as_int(row.get("episode_number")) or as_int(row.get("ep_no"))
    if season is None or number is None:
        return None
    when = as_stamp(row.get("created_at"))
    return Mark(episode_key(season, number, None), season, number, None, 1, when, when)


def _status(row: dict[str, str]) -> WatchStatus:
    if row.get("is_for_later", "").lower() in _TRUE:
        return WatchStatus.PLAN
    followed = row.get("is_followed", "").lower() in _TRUE
    if followed and row.get("is_archived", "").lower() not in _TRUE:
        return WatchStatus.WATCHING
    return WatchStatus.NONE


def _fold(rows: list[tuple[Mark, int]]) -> list[Mark]:
    by_key: dict[str, list[tuple[Mark, int]]] = {}
    for mark, rewatches in rows:
        by_key.setdefault(mark.key, []).append((mark, rewatches))
    out = []
    for found in by_key.values():
        marks = [m for m, _ in found]
        times = sorted(m.first_at for m in marks if m.first_at)
        plays = max(len(marks), 1 + max(r for _, r in found))
        first = marks[0]
        out.append(
            Mark(
                first.key,
                first.season,
                first.number,
                None,
                plays,
                times[0] if times else "",
                times[-1] if times else "",
            )
        )
    return sorted(out, key=lambda m: (m.season, m.number or 0))
