"""Find the library show a foreign export means, by id: locally, from the cache, or on TVmaze.

Order for one show: the library itself (IMDb or TheTVDB id it already carries), then the
lookup cache (``<data>/catalog/import-lookups.json``: TheTVDB/IMDb id → TVmaze id, kept across
runs; it is catalog data, never user state), then TVmaze: ``/lookup/shows?thetvdb=`` (Trakt:
``?imdb=`` when there is no TheTVDB id), answered by a redirect to the show or 404. A show
found on TVmaze but missing from the library costs one more call, the show with its episodes
(the same call ``add`` makes); the record is stored when the import is applied. Every call goes
through :class:`~fancompanion.fetch.http.Http`, paced like every TVmaze call. Once TVmaze cannot
be reached, the remaining shows are *pending*.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from fancompanion.core.identity import ShowIds, ShowIndex
from fancompanion.core.models import ShowRecord, ShowSummary
from fancompanion.core.store.files import atomic_write
from fancompanion.core.store.records import summarize
from fancompanion.core.store.store import Store
from fancompanion.core.timeutil import now_iso
from fancompanion.exchange.foreign import PENDING, UNKNOWN_SHOW, ShowRef

if TYPE_CHECKING:
    from fancompanion.fetch.http import Http
    from fancompanion.fetch.tvmaze import TvMaze

CACHE_NAME = "import-lookups.json"
RETRY_MISSING_DAYS = 30  # a show TVmaze did not know is asked about again after this


@dataclass(frozen=True, slots=True)
class Found:
    """Where a foreign show landed: a library show id, or why not (``reason``)."""

    show_id: str | None
    name: str = ""
    reason: str = ""
    record: ShowRecord | None = None  # fetched now, stored when the import is applied


@dataclass(slots=True)
class LookupStats:
    calls: int = 0
    cached: int = 0
    problems: list[str] = field(default_factory=list)


class ShowFinder:
    def __init__(self, store: Store, *, online: bool = True, http: Http | None = None) -> None:
        self.store = store
        self.online = online
        self.offline = False  # TVmaze turned out unreachable during this run
        self.index = ShowIndex(store.catalog.summaries())
        self.path = store.catalog.root / CACHE_NAME
        self.cache = _read_cache(self.path)
        self.dirty = False
        self.found: dict[str, Found] = {}
        self.stats = LookupStats()
        self._http = http
        self._own_http = False
        self._tvmaze: TvMaze | None = None

    def close(self) -> None:
        self.save()
        if self._own_http and self._http is not None:
            self._http.close()

    def __enter__(self) -> ShowFinder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save(self) -> None:
        if self.dirty:
            atomic_write(self.path, orjson.dumps(self.cache, option=orjson.OPT_INDENT_2))
            self.dirty = False

    def find(self, ref: ShowRef) -> Found:
        """Once per show per run; later calls answer from memory."""
        key = ref.key
        if not key:
            return Found(None, reason="")
        if key not in self.found:
            self.found[key] = self._find(ref)
        return self.found[key]

    def _find(self, ref: ShowRef) -> Found:
        local = self.index.find(ShowIds(imdb=ref.imdb, thetvdb=ref.thetvdb))
        if local is not None:
            return Found(local.id, local.name)
        cached = self._cached(ref)
        if cached is not None:
            entry_id = cached.get("tvmaze")
            if not isinstance(entry_id, int):
                self.stats.cached += 1
                return Found(None, reason=UNKNOWN_SHOW)
            known = self.index.find(ShowIds(tvmaze=entry_id, imdb=_str(cached.get("imdb"))))
            if known is not None:
                self.stats.cached += 1
                return Found(known.id, known.name)
            return self._fetch_record(ref, entry_id)
        if not self.online or self.offline:
            return Found(None, reason=PENDING)
        return self._look_up(ref)

    def _cached(self, ref: ShowRef) -> dict[str, Any] | None:
        for key in _keys(ref):
            entry = self.cache.get(key)
            if not isinstance(entry, dict):
                continue
            if entry.get("tvmaze") is None and _stale(str(entry.get("at", ""))):
                continue
            return entry
        return None

    def _look_up(self, ref: ShowRef) -> Found:
        from fancompanion.fetch.http import FetchError

        tvmaze = self._client()
        show = None
        try:
            for service, value in _params(ref):
                self.stats.calls += 1
                show = tvmaze.lookup(service, value)
                if show is not None:
                    break
        except FetchError as error:
            return self._failed(ref, error)
        now = now_iso()
        if show is None or show.tvmaze_id is None:
            for key in _keys(ref):
                self.cache[key] = {"tvmaze": None, "at": now}
            self.dirty = True
            return Found(None, reason=UNKNOWN_SHOW)
        for key in _keys(ref):
            self.cache[key] = {"tvmaze": show.tvmaze_id, "imdb": show.imdb_id, "at": now}
        self.dirty = True
        known = self.index.find(ShowIds(tvmaze=show.tvmaze_id, imdb=show.imdb_id))
        if known is not None:
            return Found(known.id, known.name)
        return self._fetch_record(ref, show.tvmaze_id)

    def _fetch_record(self, ref: ShowRef, tvmaze_id: int) -> Found:
        from fancompanion.fetch.http import FetchError

        if not self.online or self.offline:
            return Found(None, reason=PENDING)
        try:
            self.stats.calls += 1
            record = self._client().show(tvmaze_id, self.stats.problems)
        except FetchError as error:
            if error.status == 404:
                return Found(None, reason=UNKNOWN_SHOW)
            return self._failed(ref, error)
        if record is None:
            return Found(None, reason=UNKNOWN_SHOW)
        summary: ShowSummary = summarize(record, now_iso())
        self.index.add(summary)  # a second export row naming it by another id finds it
        return Found(record.show.id, record.show.name, record=record)

    def _failed(self, ref: ShowRef, error: Exception) -> Found:
        from fancompanion.fetch.http import FetchError

        if isinstance(error, FetchError) and error.offline:
            self.offline = True
        else:
            self.stats.problems.append(f"{ref.name or ref.ids_text}: {error}")
        return Found(None, reason=PENDING)

    def _client(self) -> TvMaze:
        if self._tvmaze is None:
            from fancompanion.fetch.http import Http
            from fancompanion.fetch.tvmaze import TvMaze

            if self._http is None:
                self._http = Http()
                self._own_http = True
            self._tvmaze = TvMaze(self._http)
        return self._tvmaze


def _keys(ref: ShowRef) -> list[str]:
    keys = []
    if ref.thetvdb is not None:
        keys.append(f"thetvdb:{ref.thetvdb}")
    if ref.imdb:
        keys.append(f"imdb:{ref.imdb}")
    return keys


def _params(ref: ShowRef) -> list[tuple[str, str]]:
    out = []
    if ref.thetvdb is not None:
        out.append(("thetvdb", str(ref.thetvdb)))
    if ref.imdb:
        out.append(("imdb", ref.imdb))
    return out


def _stale(at: str) -> bool:
    from datetime import UTC, datetime, timedelta

    try:
        when = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return True
    return datetime.now(UTC) - when > timedelta(days=RETRY_MISSING_DAYS)


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _read_cache(path: Path) -> dict[str, Any]:
    """The cache, or empty when missing or damaged (it only saves calls; never an error)."""
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}
