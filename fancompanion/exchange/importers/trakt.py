"""Read Trakt's data export (a ZIP of raw API responses), its folder, or one history file.

Files opened, by basename: ``watched-history.json`` or its pages ``watched-history-1…N.json``
(read in numeric order), ``lists-watchlist[-N].json``, ``watched-shows.json`` (a cross-check
only) and ``_errors.json`` (its presence means the export is partial). Nothing else is read:
custom lists (``lists-list-…``) are not the watchlist, and ``user-profile.json`` holds personal
data. The layout ``history*.json`` / ``watchlist*.json`` (trakt-web's importer) is accepted too.

A history entry is one play: ``{"id", "watched_at", "type", "episode": {"season", "number"},
"show": {"title", "ids": {"tvdb", "imdb", …}}}``. Entries repeated across pages are deduped by
``id``; movies are skipped; shows are found by TheTVDB id, else IMDb id, never by title.
"""

from __future__ import annotations

import re
from typing import Any

from fancompanion.exchange.archive import ExportFiles
from fancompanion.exchange.foreign import (
    ForeignExport,
    ShowRef,
)
from fancompanion.exchange.importers import ImportFormatError
from fancompanion.exchange.importers.values import as_imdb, as_int, as_stamp, as_text

HISTORY = ("watched-history", "history")
WATCHLIST = ("lists-watchlist", "watchlist")
WATCHED_SHOWS = "watched-shows.json"
ERRORS = "_errors.json"
_PAGE = re.compile(r"^(?P<stem>[a-z_-]+?)(?:-(?P<page>\d+))?\.json$")


def pages(files: ExportFiles, stems: tuple[str, ...]) -> list[str]:
    """The files of one paged endpoint in numeric page order (the first stem that has any)."""
    for stem in stems:
        found = []
        for name in files.names:
            match = _PAGE.match(name)
            if match and match["stem"] == stem:
                found.append((int(match["page"] or 0), name))
        if found:
            return [name for _, name in sorted(found)]
    return []


def is_trakt(files: ExportFiles) -> bool:
    """A single file by its content (a JSON array); an archive or folder by its file names."""
    if files.single:
        [name] = files.names
        head = files.read(name)[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
        return name.endswith(".json") and head.startswith(b"[")
    return bool(pages(files, HISTORY) or pages(files, WATCHLIST) or files.has(WATCHED_SHOWS))


def read_trakt(files: ExportFiles) -> ForeignExport:
    export = ForeignExport(source="Trakt export")
    history = sorted(files.names) if files.single else pages(files, HISTORY)
    ids: set[int] = set()
    counted: dict[str, int] = {}
    for name in history:
        for item in _array(files, name):
            _entry(export, item, ids, counted)
    for name in pages(files, WATCHLIST):
        for item in _array(files, name):
            kind = item.get("type")
            show = _dict(item.get("show"))
            if kind == "movie" or not show:
                continue
            ref = _ref(export, show)
            if ref.key:
                export.followed.add(ref)
                export.status_times.setdefault(ref, as_stamp(item.get("listed_at")))
    if files.has(WATCHED_SHOWS):
        _cross_check(export, _array(files, WATCHED_SHOWS), counted)
    if files.has(ERRORS):
        endpoints = sorted(
            {
                as_text(_dict(e).get("endpoint"), limit=80)
                for e in _loose_array(files, ERRORS)
                if _dict(e).get("endpoint")
            }
        )
        what = f" ({', '.join(endpoints[:5])})" if endpoints else ""
        export.notes.append(
            f"this Trakt export is partial: Trakt could not export everything{what}; "
            "request a new export and import it too"
        )
    if not history and not export.followed:
        raise ImportFormatError(f"{files.label}: no watched-history or watchlist in this export")
    return export


def _entry(
    export: ForeignExport, item: dict[str, Any], ids: set[int], counted: dict[str, int]
) -> None:
    kind = item.get("type", "episode")
    if kind != "episode":
        export.skip(str(kind) if kind in ("movie", "show", "season") else "other")
        return
    export.rows += 1
    entry_id = as_int(item.get("id"))
    if entry_id is not None:
        if entry_id in ids:
            export.duplicates += 1
            return
        ids.add(entry_id)
    show = _ref(export, _dict(item.get("show")))
    episode = _dict(item.get("episode"))
    season = as_int(episode.get("season"))
    number = as_int(episode.get("number"))
    at = as_stamp(item.get("watched_at"))
    counted[show.key] = counted.get(show.key, 0) + 1
    if export.add_watch(show, bool(show.key), season, number, at) is None:
        return
    export.followed.add(show)


def _ref(export: ForeignExport, show: dict[str, Any]) -> ShowRef:
    ids = _dict(show.get("ids"))
    tvdb = as_int(ids.get("tvdb"))
    name = as_text(show.get("title"))
    ref = ShowRef(
        thetvdb=tvdb if tvdb and tvdb > 0 else None, imdb=as_imdb(ids.get("imdb")), name=name
    )
    if name and ref.key:
        export.names.setdefault(ref, name)
    return ref


def _cross_check(
    export: ForeignExport, shows: list[dict[str, Any]], counted: dict[str, int]
) -> None:
    """``watched-shows.json`` gives no marks (since 2026-07 it has no seasons); it can only
    tell the fan when the history holds fewer plays than Trakt counted."""
    expected = 0
    found = 0
    for item in shows:
        ref = _ref(export, _dict(item.get("show")))
        plays = as_int(item.get("plays"))
        if plays and ref.key:
            expected += plays
            found += counted.get(ref.key, 0)
    if found < expected:
        export.notes.append(
            f"Trakt counted {expected} plays of these shows but the history holds {found}: "
            "some plays are missing from this export"
        )


def _array(files: ExportFiles, name: str) -> list[dict[str, Any]]:
    doc = _load(files, name)
    if not isinstance(doc, list):
        raise ImportFormatError(f"{name} is not a Trakt export file (expected a JSON array)")
    return [item for item in doc if isinstance(item, dict)]


def _loose_array(files: ExportFiles, name: str) -> list[object]:
    doc = _load(files, name)
    if isinstance(doc, dict):
        doc = doc.get("errors", [doc])
    return doc if isinstance(doc, list) else []


def _load(files: ExportFiles, name: str) -> object:
    import orjson

    try:
        return orjson.loads(files.read(name))
    except orjson.JSONDecodeError as error:
        raise ImportFormatError(f"{name} is not valid JSON ({error.msg})") from None


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
