"""Read our own JSON export (``docs/export-schema.md``, version 1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fancompanion.core.models import Feed, Mark, WatchStatus, episode_key
from fancompanion.core.text import clean_url
from fancompanion.exchange.history import (
    FORMAT_NAME,
    SCHEMA_VERSION,
    EpisodeEntry,
    History,
    ReadItem,
    ShowHistory,
    ShowIdentity,
)
from fancompanion.exchange.importers import ImportFormatError, read_json_file
from fancompanion.exchange.importers.values import as_imdb, as_int, as_stamp, as_text


def read_json_export(path: Path) -> History:
    doc = read_json_file(path)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise ImportFormatError(f"{path.name} is not a FanCompanion export")
    version = doc.get("version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise ImportFormatError(
            f"{path.name} uses export version {version!r}; this FanCompanion reads up to "
            f"{SCHEMA_VERSION} (update FanCompanion)"
        )
    return History(
        source="FanCompanion JSON",
        shows=tuple(_show(d) for d in _objects(doc.get("shows"))),
        read=tuple(r for r in (_read(d) for d in _objects(doc.get("news_read"))) if r),
        feeds=tuple(f for f in (_feed(d) for d in _objects(doc.get("feeds"))) if f),
        settings=_settings(doc.get("settings")),
        exported_at=as_stamp(doc.get("exported_at")),
    )


def _objects(value: object) -> list[dict[str, Any]]:
    return [d for d in value if isinstance(d, dict)] if isinstance(value, list) else []


def _show(doc: dict[str, Any]) -> ShowHistory:
    return ShowHistory(
        identity=ShowIdentity(
            id=as_text(doc.get("id"), 120) or None,
            tvmaze_id=as_int(doc.get("tvmaze_id")),
            imdb_id=as_imdb(doc.get("imdb_id")),
            name=as_text(doc.get("name")),
            thetvdb_id=as_int(doc.get("thetvdb_id")),
        ),
        status=WatchStatus.parse(doc.get("status")),
        status_at=as_stamp(doc.get("status_at")),
        episodes=tuple(e for e in (_episode(d) for d in _objects(doc.get("episodes"))) if e),
    )


def _episode(doc: dict[str, Any]) -> EpisodeEntry | None:
    season = as_int(doc.get("season"))
    if season is None:
        return None
    number = as_int(doc.get("number"))
    tvmaze_id = as_int(doc.get("tvmaze_id"))
    plays = as_int(doc.get("plays"))
    first = as_stamp(doc.get("first_at"))
    last = as_stamp(doc.get("last_at")) or first
    mark = Mark(
        key=as_text(doc.get("key"), 40) or episode_key(season, number, tvmaze_id),
        season=season,
        number=number,
        tvmaze_id=tvmaze_id,
        plays=max(1, plays or 1),
        first_at=first or last,
        last_at=last,
    )
    return EpisodeEntry(mark, as_text(doc.get("name")))


def _read(doc: dict[str, Any]) -> ReadItem | None:
    news_id = as_text(doc.get("id"), 120)
    if not news_id:
        return None
    return ReadItem(news_id, clean_url(doc.get("url")), as_text(doc.get("title")))


def _feed(doc: dict[str, Any]) -> Feed | None:
    url = clean_url(doc.get("url"))
    if not url:
        return None
    enabled = doc.get("enabled")
    return Feed(url=url, title=as_text(doc.get("title")), enabled=enabled is not False)


def _settings(value: object) -> dict[str, Any]:
    """Settings are plain JSON scalars or lists of them; anything else is left out."""
    if not isinstance(value, dict):
        return {}
    out: dict[str, Any] = {}
    for key, item in value.items():
        name = as_text(key, 80)
        if name and _plain(item):
            out[name] = item
    return out


def _plain(value: object) -> bool:
    if value is None or isinstance(value, (bool, int, float, str)):
        return True
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return False
