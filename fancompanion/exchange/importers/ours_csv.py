"""Read our own CSV pair (``<stem>-shows.csv`` + ``<stem>-episodes.csv``).

Either file (or the stem, or a directory holding ``fancompanion-*.csv``) may be given; a missing
shows file just means no statuses. Columns are matched by header name, so a spreadsheet that
reorders or adds columns still imports.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from fancompanion.core.models import Mark, WatchStatus, episode_key
from fancompanion.exchange.export import FORMULA_START, csv_paths
from fancompanion.exchange.history import EpisodeEntry, History, ShowHistory, ShowIdentity
from fancompanion.exchange.importers import ImportFormatError
from fancompanion.exchange.importers.values import as_imdb, as_int, as_stamp, as_text

Key = tuple[str, int | None, str | None, str]


def read_csv_export(path: Path) -> History:
    shows_path, episodes_path = csv_paths(path)
    if not shows_path.exists() and not episodes_path.exists():
        raise ImportFormatError(f"neither {shows_path.name} nor {episodes_path.name} exists")
    shows: dict[Key, ShowHistory] = {}
    for row in _rows(shows_path):
        identity = _identity(row, "")
        shows[_key(identity)] = ShowHistory(
            identity=identity,
            status=WatchStatus.parse(row.get("status")),
            status_at=as_stamp(row.get("status_at")),
        )
    episodes: dict[Key, list[EpisodeEntry]] = {}
    identities: dict[Key, ShowIdentity] = {}
    for row in _rows(episodes_path):
        identity = _identity(row, "show_")
        entry = _episode(row)
        if entry is not None:
            episodes.setdefault(_key(identity), []).append(entry)
            identities.setdefault(_key(identity), identity)
    for key, entries in episodes.items():
        base = shows.get(key) or ShowHistory(identity=identities[key])
        shows[key] = ShowHistory(base.identity, base.status, base.status_at, tuple(entries))
    return History(source="FanCompanion CSV", shows=tuple(shows.values()))


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ImportFormatError(f"cannot read {path.name} as UTF-8 CSV ({error})") from error
    return [
        {(k or "").strip().lower(): _unguard(v or "") for k, v in row.items()}
        for row in csv.DictReader(io.StringIO(text))
    ]


def _unguard(value: str) -> str:
    """Undo :func:`spreadsheet_safe`: ``'=x`` was written for ``=x``."""
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def _identity(row: dict[str, str], prefix: str) -> ShowIdentity:
    return ShowIdentity(
        id=as_text(row.get("show_id"), 120) or None,
        tvmaze_id=as_int(row.get(f"{prefix}tvmaze_id")),
        imdb_id=as_imdb(row.get(f"{prefix}imdb_id")),
        name=as_text(row.get(f"{prefix}name")),
        thetvdb_id=as_int(row.get(f"{prefix}thetvdb_id")),
    )


def _key(identity: ShowIdentity) -> Key:
    return (identity.id or "", identity.tvmaze_id, identity.imdb_id, identity.name.casefold())


def _episode(row: dict[str, str]) -> EpisodeEntry | None:
    season = as_int(row.get("season"))
    if season is None:
        return None
    number = as_int(row.get("number"))
    tvmaze_id = as_int(row.get("episode_tvmaze_id"))
    first = as_stamp(row.get("first_at"))
    last = as_stamp(row.get("last_at")) or first
    plays = as_int(row.get("plays"))
    if plays is None:
        rewatches = as_int(row.get("rewatches"))
        plays = 1 + rewatches if rewatches is not None else 1
    mark = Mark(
        key=as_text(row.get("key"), 40) or episode_key(season, number, tvmaze_id),
        season=season,
        number=number,
        tvmaze_id=tvmaze_id,
        plays=max(1, plays),
        first_at=first or last,
        last_at=last,
    )
    return EpisodeEntry(mark, as_text(row.get("episode_name")))
