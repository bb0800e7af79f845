"""``fancompanion export``: all user state as one documented JSON file, or two CSV files.

The JSON file is the complete backup (schema in ``docs/export-schema.md``); the CSV pair
(``<stem>-shows.csv`` and ``<stem>-episodes.csv``) is for spreadsheets and carries shows and
episodes only. Files are written atomically, so a crash never leaves half an export.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import orjson

from fancompanion.core.models import WatchStatus
from fancompanion.core.store.files import atomic_write
from fancompanion.core.store.store import Store
from fancompanion.core.timeutil import now_iso
from fancompanion.exchange.history import (
    FORMAT_NAME,
    SCHEMA_VERSION,
    EpisodeEntry,
    History,
    ReadItem,
    ShowHistory,
    ShowIdentity,
)

SHOW_COLUMNS = ("show_id", "tvmaze_id", "imdb_id", "thetvdb_id", "name", "status", "status_at")
EPISODE_COLUMNS = (
    *("show_id", "show_tvmaze_id", "show_imdb_id", "show_thetvdb_id", "show_name"),
    *("season", "number"),
    *("episode_tvmaze_id", "key", "episode_name", "plays", "rewatches", "first_at", "last_at"),
)


def collect(store: Store, now: str | None = None) -> History:
    """Everything the fan did, with each show's portable identity."""
    user = store.user
    summaries = {s.id: s for s in store.catalog.summaries()}
    statuses = user.statuses()
    status_times = user.status_times()
    show_ids = sorted(
        {k for k, v in statuses.items() if v is not WatchStatus.NONE} | set(user.shows_with_marks())
    )
    shows = []
    for show_id in show_ids:
        summary = summaries.get(show_id)
        record = store.catalog.record(show_id) if summary is not None else None
        names = {e.key: e.name for e in record.episodes} if record else {}
        marks = sorted(user.marks(show_id), key=lambda m: (m.season, m.number or 0, m.key))
        shows.append(
            ShowHistory(
                identity=ShowIdentity(
                    id=show_id,
                    tvmaze_id=summary.tvmaze_id if summary else None,
                    imdb_id=summary.imdb_id if summary else None,
                    name=summary.name if summary else "",
                    thetvdb_id=summary.thetvdb_id if summary else None,
                ),
                status=statuses.get(show_id, WatchStatus.NONE),
                status_at=status_times.get(show_id, ""),
                episodes=tuple(EpisodeEntry(m, names.get(m.key, "")) for m in marks),
            )
        )
    news = {n.id: n for n in store.catalog.news()}
    read = tuple(
        ReadItem(i, news[i].url if i in news else None, news[i].title if i in news else "")
        for i in sorted(user.read_ids())
    )
    return History(
        source="fancompanion",
        shows=tuple(shows),
        read=read,
        feeds=tuple(sorted(user.feeds(), key=lambda f: f.url)),
        settings=dict(sorted(user.settings().items())),
        exported_at=now or now_iso(),
    )


def to_document(history: History) -> dict[str, Any]:
    """The versioned JSON document (see docs/export-schema.md)."""
    return {
        "format": FORMAT_NAME,
        "version": SCHEMA_VERSION,
        "exported_at": history.exported_at,
        "shows": [_show_doc(s) for s in history.shows],
        "news_read": [{"id": r.id, "url": r.url, "title": r.title} for r in history.read],
        "feeds": [{"url": f.url, "title": f.title, "enabled": f.enabled} for f in history.feeds],
        "settings": history.settings,
    }


def _show_doc(show: ShowHistory) -> dict[str, Any]:
    return {
        "id": show.identity.id,
        "tvmaze_id": show.identity.tvmaze_id,
        "imdb_id": show.identity.imdb_id,
        "thetvdb_id": show.identity.thetvdb_id,
        "name": show.identity.name,
        "status": show.status.value or None,
        "status_at": show.status_at or None,
        "episodes": [
            {
                "key": e.mark.key,
                "season": e.mark.season,
                "number": e.mark.number,
                "tvmaze_id": e.mark.tvmaze_id,
                "name": e.name,
                "plays": e.mark.plays,
                "rewatches": e.mark.plays - 1,
                "first_at": e.mark.first_at,
                "last_at": e.mark.last_at,
            }
            for e in show.episodes
        ],
    }


def write_json(history: History, path: Path) -> Path:
    data = orjson.dumps(to_document(history), option=orjson.OPT_INDENT_2) + b"\n"
    atomic_write(path, data)
    return path


def csv_paths(path: Path) -> tuple[Path, Path]:
    """``history`` or ``history.csv`` -> ``history-shows.csv``, ``history-episodes.csv``.

    A directory gets ``fancompanion-shows.csv`` and ``fancompanion-episodes.csv`` inside it.
    """
    if path.is_dir():
        return path / "fancompanion-shows.csv", path / "fancompanion-episodes.csv"
    stem = path.name[:-4] if path.name.lower().endswith(".csv") else path.name
    for suffix in ("-shows", "-episodes"):
        stem = stem.removesuffix(suffix)
    return path.with_name(f"{stem}-shows.csv"), path.with_name(f"{stem}-episodes.csv")


def write_csv(history: History, path: Path) -> tuple[Path, Path]:
    shows_path, episodes_path = csv_paths(path)
    show_rows = [
        (
            s.identity.id or "",
            s.identity.tvmaze_id or "",
            s.identity.imdb_id or "",
            s.identity.thetvdb_id or "",
            s.identity.name,
            s.status.value,
            s.status_at,
        )
        for s in history.shows
    ]
    episode_rows = [
        (
            *(s.identity.id or "", s.identity.tvmaze_id or "", s.identity.imdb_id or ""),
            *(s.identity.thetvdb_id or "", s.identity.name, e.mark.season),
            "" if e.mark.number is None else e.mark.number,
            *("" if e.mark.tvmaze_id is None else e.mark.tvmaze_id, e.mark.key, e.name),
            *(e.mark.plays, e.mark.plays - 1, e.mark.first_at, e.mark.last_at),
        )
        for s in history.shows
        for e in s.episodes
    ]
    atomic_write(shows_path, csv_bytes(SHOW_COLUMNS, show_rows))
    atomic_write(episodes_path, csv_bytes(EPISODE_COLUMNS, episode_rows))
    return shows_path, episodes_path


# A cell starting with one of these is a formula to a spreadsheet ("CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """Text a spreadsheet would run as a formula gets a leading ``'`` (the readers drop it)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_bytes(header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> bytes:
    """UTF-8 with a BOM so spreadsheet apps pick the right encoding; CRLF rows per RFC 4180."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(tuple(spreadsheet_safe(v) for v in row) for row in rows)
    return buffer.getvalue().encode("utf-8-sig")
