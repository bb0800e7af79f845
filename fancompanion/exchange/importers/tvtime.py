"""Read TV Time's GDPR export (a ZIP of CSV tables; TV Time closed in July 2026).

Only two tables are opened, by basename; every other file in the archive (tokens, logins,
addresses) is never read:

- ``tracking-prod-records-v2.csv``: one row per record, its kind told by ``key``:
  ``watch-episode-…`` (a first watch), ``rewatch-episode-…`` (one more watch),
  ``user-series-…`` (follow / for later / archived), ``tracking-stats`` (ignored).
- ``followed_tv_show.csv``: follows, including old ones missing from the v2 flags.

TV Time's other, in-app export (``tvtime-series-episodes-<date>.csv``: ``series_tvdb_id``,
``series_imdb_id``, ``season``, ``episode``, ``is_watched``, ``watched_at``, ``rewatch_count``,
``special``) is read too.

Columns are read by header name (their order differs between exports); season and episode are
the first non-empty of ``s_no``/``season_number`` and ``ep_no``/``episode_number``. ``s_id`` is
TheTVDB's series id: shows are matched by it, never by name. ``created_at`` is UTC without a
zone marker. Rows repeating a ``key`` are duplicates. Season 0 is a special, which TVmaze does
not number: such rows are reported, never put on a regular episode. A blank time stays unknown.
"""

from __future__ import annotations

import csv
import functools
import io

from fancompanion.core.models import WatchStatus
from fancompanion.exchange.archive import ExportFiles
from fancompanion.exchange.foreign import (
    NO_EPISODE_NUMBER,
    NO_SHOW_ID,
    SPECIAL,
    ForeignExport,
    Play,
    ShowRef,
    Unmatched,
)
from fancompanion.exchange.importers import ImportFormatError
from fancompanion.exchange.importers.values import as_imdb, as_int, as_stamp, as_text

RECORDS = "tracking-prod-records-v2.csv"
FOLLOWED = "followed_tv_show.csv"
IN_APP_PREFIX = "tvtime-series-episodes"
# Older tables of some exports; their full headers are not known, so they are only named.
OLDER = ("watched_on_episode.csv", "seen_episode_latest.csv", "rewatched_episode.csv")
_TRUE = frozenset({"true", "1", "t", "yes"})
_WATCH = ("watch-episode-", "rewatch-episode-")


def is_tvtime(files: ExportFiles) -> bool:
    if files.single:
        [name] = files.names
        header = set(_header(files.read(name))) if name.endswith(".csv") else set()
        return {"key", "s_id"} <= header or {"series_tvdb_id", "is_watched"} <= header
    if any(files.has(name) for name in OLDER):
        return True
    return files.has(RECORDS) or files.has(FOLLOWED) or bool(_in_app(files))


def _in_app(files: ExportFiles) -> list[str]:
    """The in-app export's episode files (``tvtime-series-episodes-<date>.csv``)."""
    return files.matching(IN_APP_PREFIX, ".csv")


def read_tvtime(files: ExportFiles) -> ForeignExport:
    export = ForeignExport(source="TV Time export")
    records = RECORDS if files.has(RECORDS) else _single_csv(files)
    archived: set[ShowRef] = set()
    seen_status: set[ShowRef] = set()
    if records is not None:
        rows = _rows(files.read(records), records)
        if rows and "key" not in rows[0]:
            raise ImportFormatError(f"{records} has no 'key' column: not a TV Time export")
        keys: set[str] = set()
        for row in rows:
            key = row.get("key", "")
            if key.startswith(_WATCH):
                export.rows += 1
                if key in keys:
                    export.duplicates += 1
                    continue
                keys.add(key)
                _watch(export, row, first=key.startswith("watch-"))
            elif key.startswith("user-series-"):
                if key in keys:
                    continue
                keys.add(key)
                show = _show(export, row.get("s_id"), row.get("series_name"))
                if show.thetvdb is None:
                    continue
                seen_status.add(show)
                _follow(
                    export,
                    archived,
                    show,
                    for_later=_flag(row.get("is_for_later")),
                    followed=_flag(row.get("is_followed")),
                    archived_flag=_flag(row.get("is_archived")),
                    at=as_stamp(row.get("updated_at") or row.get("created_at")),
                )
            elif key.startswith("movie") or row.get("movie_name"):
                export.skip("movie")
    if files.has(FOLLOWED):
        for row in _rows(files.read(FOLLOWED), FOLLOWED):
            show = _show(export, row.get("tv_show_id"), row.get("tv_show_name"))
            if show.thetvdb is None or show in seen_status:
                continue  # the v2 flags, where present, are newer
            seen_status.add(show)
            active = row.get("active", "1") == "" or _flag(row.get("active", "1"))
            _follow(
                export,
                archived,
                show,
                for_later=False,
                followed=active,
                archived_flag=_flag(row.get("archived")),
                at=as_stamp(row.get("updated_at") or row.get("created_at")),
            )
    in_app = _in_app(files)
    if records is not None and files.single and "series_tvdb_id" in _header(files.read(records)):
        in_app, records = [records], None
    for name in in_app if records is None else ():
        _read_in_app(export, _rows(files.read(name), name))
    if records is None and not files.has(FOLLOWED) and not in_app:
        older = ", ".join(name for name in OLDER if files.has(name))
        raise ImportFormatError(
            f"{files.label}: no {RECORDS} or {FOLLOWED} in this TV Time export"
            + (f" (only older tables FanCompanion cannot read yet: {older})" if older else "")
        )
    return export


def _read_in_app(export: ForeignExport, rows: list[dict[str, str]]) -> None:
    """TV Time's in-app export: one row per episode, ``is_watched`` and ``rewatch_count``
    (the rewatches' own times are not in it: they count as plays at the one ``watched_at``)."""
    for row in rows:
        if not _flag(row.get("is_watched")):
            continue
        export.rows += 1
        show = _ref(row.get("series_tvdb_id", ""), "")
        show = ShowRef(show.thetvdb, as_imdb(row.get("series_imdb_id")), as_text(row.get("title")))
        if show.key and show.name:
            export.names.setdefault(show, show.name)
        season = as_int(row.get("season"))
        number = as_int(row.get("episode"))
        at = as_stamp(row.get("watched_at"))
        reason = ""
        if not show.key:
            reason = NO_SHOW_ID
        elif season is None or number is None:
            reason = NO_EPISODE_NUMBER
        elif season == 0 or _flag(row.get("special")):
            reason = SPECIAL
        if reason or season is None or number is None:
            export.unmatched.append(Unmatched(show, season, number, at, reason))
            continue
        export.plays.append(Play(show, season, number, at))
        export.followed.add(show)
        rewatches = as_int(row.get("rewatch_count"))
        if rewatches:
            export.floors[(show, season, number)] = 1 + rewatches


def _single_csv(files: ExportFiles) -> str | None:
    if files.single:
        [name] = files.names
        if name != FOLLOWED:
            return name
    return None


def _watch(export: ForeignExport, row: dict[str, str], *, first: bool) -> None:
    show = _show(export, row.get("s_id"), row.get("series_name"))
    season = _first_int(row, "s_no", "season_number")
    number = _first_int(row, "ep_no", "episode_number")
    at = as_stamp(row.get("created_at"))
    play = export.add_watch(show, show.thetvdb is not None, season, number, at)
    if play is None:
        return
    rewatches = as_int(row.get("rewatch_count"))
    if first and rewatches:
        floor_key = (show, play.season, play.number)
        export.floors[floor_key] = max(export.floors.get(floor_key, 0), 1 + rewatches)


def _follow(
    export: ForeignExport,
    archived: set[ShowRef],
    show: ShowRef,
    *,
    for_later: bool,
    followed: bool,
    archived_flag: bool,
    at: str,
) -> None:
    if archived_flag:
        archived.add(show)  # TV Time's "stopped watching": never put on the watchlist
        export.followed.discard(show)
        export.statuses.pop(show, None)
    elif for_later:
        export.statuses[show] = WatchStatus.PLAN
        export.status_times[show] = at
    elif followed:
        export.followed.add(show)
        export.status_times[show] = at


def _show(export: ForeignExport, tvdb: str | None, name: str | None) -> ShowRef:
    show = _ref(tvdb or "", name or "")
    if show.name and show.thetvdb is not None:
        export.names.setdefault(show, show.name)
    return show


@functools.lru_cache(maxsize=4096)
def _ref(tvdb: str, name: str) -> ShowRef:
    """One show as rows name it (cleaned once per distinct id and spelling: rows repeat it)."""
    thetvdb = as_int(tvdb)
    return ShowRef(thetvdb=thetvdb if thetvdb and thetvdb > 0 else None, name=as_text(name))


def _first_int(row: dict[str, str], *names: str) -> int | None:
    for name in names:
        value = as_int(row.get(name))
        if value is not None:
            return value
    return None


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in _TRUE


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")  # a spreadsheet re-save; names may suffer


def _header(data: bytes) -> list[str]:
    first = _decode(data[:4096], "").splitlines()[:1]
    return [c.strip().lower() for c in next(csv.reader(first), [])]


def _rows(data: bytes, name: str) -> list[dict[str, str]]:
    """Rows as {column: text}, only the columns read here (by header name, any order)."""
    text = _decode(data, name)
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        header = [h.strip().lower() for h in next(reader, [])]
        wanted = [(i, h) for i, h in enumerate(header) if h in _COLUMNS]
        out = []
        for values in reader:
            if values:
                count = len(values)
                out.append({h: values[i].strip() for i, h in wanted if i < count})
        return out
    except csv.Error as error:
        raise ImportFormatError(f"{name} is not a readable CSV ({error})") from None


_COLUMNS = frozenset(
    {
        *("key", "s_id", "series_name", "s_no", "ep_no", "season_number", "episode_number"),
        *("created_at", "updated_at", "rewatch_count", "is_followed", "is_for_later"),
        *("is_archived", "movie_name", "tv_show_id", "tv_show_name", "active", "archived"),
        *("series_tvdb_id", "series_imdb_id", "title", "season", "episode", "is_watched"),
        *("watched_at", "special"),
    }
)
