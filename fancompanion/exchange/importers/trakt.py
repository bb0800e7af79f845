"""Read a Trakt watch history export: the JSON array ``GET /sync/history/episodes`` returns.

Trakt's data export and backup tools (and the API) give one object per play::

    {"id": 1, "watched_at": "2016-06-01T20:00:00.000Z", "action": "watch", "type": "episode",
     "episode": {"season": 1, "number": 1, "title": "...", "ids": {"trakt": 0, "tvdb": 0,
                 "imdb": "tt...", "tmdb": 0}},
     "show": {"title": "...", "year": 2015, "ids": {"trakt": 0, "slug": "...", "tvdb": 0,
              "imdb": "tt...", "tmdb": 0}}}

Used: ``type`` (only "episode"), ``watched_at``, ``episode.season``, ``episode.number``,
``episode.title``, ``show.title``, ``show.ids.imdb`` (and ``show.ids.tvmaze`` if a tool added
it). Movies and other fields are skipped. Several plays of one episode become one mark with
``plays`` = their count, first/last time = earliest/latest ``watched_at``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fancompanion.core.models import Mark, episode_key
from fancompanion.exchange.history import (
    EpisodeEntry,
    History,
    ShowHistory,
    ShowIdentity,
    merge_marks,
)
from fancompanion.exchange.importers import ImportFormatError, read_json_file
from fancompanion.exchange.importers.values import as_imdb, as_int, as_stamp, as_text


def read_trakt_history(path: Path) -> History:
    doc = read_json_file(path)
    if not isinstance(doc, list):
        raise ImportFormatError(f"{path.name} is not a Trakt history (expected a JSON array)")
    marks: dict[tuple[int | None, str | None, str], list[Mark]] = {}
    names: dict[tuple[int | None, str | None, str], dict[str, str]] = {}
    labels: dict[tuple[int | None, str | None, str], str] = {}
    for item in doc:
        if not isinstance(item, dict) or item.get("type", "episode") != "episode":
            continue
        show = _dict(item.get("show"))
        episode = _dict(item.get("episode"))
        ids = _dict(show.get("ids"))
        season = as_int(episode.get("season"))
        number = as_int(episode.get("number"))
        name = as_text(show.get("title"))
        if season is None or number is None or not (name or ids):
            continue
        key = (as_int(ids.get("tvmaze")), as_imdb(ids.get("imdb")), name.casefold())
        when = as_stamp(item.get("watched_at"))
        mark = Mark(episode_key(season, number, None), season, number, None, 1, when, when)
        marks.setdefault(key, []).append(mark)
        names.setdefault(key, {})[mark.key] = as_text(episode.get("title"))
        labels.setdefault(key, name)
    shows = []
    for key, found in marks.items():
        merged = sorted(merge_marks(found), key=lambda m: (m.season, m.number or 0))
        shows.append(
            ShowHistory(
                identity=ShowIdentity(tvmaze_id=key[0], imdb_id=key[1], name=labels[key]),
                episodes=tuple(EpisodeEntry(m, names[key].get(m.key, "")) for m in merged),
            )
        )
    return History(source="Trakt history", shows=tuple(shows))


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
