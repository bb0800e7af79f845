"""The TVmaze API calls the app needs: search, one show with everything, lookups, updates.

Data is CC BY-SA 4.0 by TVmaze. JSON is turned into models by
:mod:`fancompanion.core.tvmaze_json`, which reads every field defensively.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

from fancompanion.core.models import Show, ShowRecord, years_text
from fancompanion.core.tvmaze_json import parse_show, parse_show_record
from fancompanion.fetch.http import FetchError, Http

DEFAULT_BASE = "https://api.tvmaze.com"
ENV_BASE = "FANCOMPANION_TVMAZE_URL"
JSON = ("json",)
EMBEDS = ("episodeswithspecials", "cast", "seasons", "crew")
WINDOWS = (("day", 86_400), ("week", 7 * 86_400), ("month", 30 * 86_400))


def base_url() -> str:
    return (os.environ.get(ENV_BASE) or DEFAULT_BASE).rstrip("/")


@dataclass(frozen=True, slots=True)
class SearchHit:
    tvmaze_id: int
    name: str
    premiered: str | None
    ended: str | None
    network: str | None

    @property
    def years(self) -> str:
        return years_text(self.premiered, self.ended)


class TvMaze:
    def __init__(self, http: Http, base: str | None = None) -> None:
        self.http = http
        self.base = (base or base_url()).rstrip("/")

    def _json(self, path: str, params: dict[str, Any] | None = None) -> Any:
        reply = self.http.get(f"{self.base}{path}", params=params, accept=JSON, not_found_ok=True)
        if reply.status == 404:
            return None
        try:
            return json.loads(reply.body)
        except ValueError:
            raise FetchError(f"TVmaze sent a response that is not JSON ({path})") from None

    def search(self, query: str) -> list[SearchHit]:
        data = self._json("/search/shows", {"q": query})
        hits: list[SearchHit] = []
        for entry in data if isinstance(data, list) else ():
            raw = entry.get("show") if isinstance(entry, dict) else None
            show = parse_show(raw)
            if show is None or show.tvmaze_id is None:
                continue
            hits.append(
                SearchHit(show.tvmaze_id, show.name, show.premiered, show.ended, show.network)
            )
        return hits

    def find_id(self, query: str) -> int | None:
        """The single best match for a name (``/singlesearch``), or None."""
        return _id_of(self._json("/singlesearch/shows", {"q": query}))

    def lookup_imdb(self, imdb_id: str) -> int | None:
        """TVmaze answers ``/lookup`` with a 301 to the show; the client follows it."""
        return _id_of(self._json("/lookup/shows", {"imdb": imdb_id}))

    def lookup(self, service: str, value: str) -> Show | None:
        """The show another service's id names (``service`` is ``thetvdb`` or ``imdb``).

        TVmaze redirects (301, older docs say 302) to ``/shows/:id``; 404 when unknown → None.
        """
        return parse_show(self._json("/lookup/shows", {service: value}))

    def show(self, tvmaze_id: int, problems: list[str] | None = None) -> ShowRecord | None:
        """One request for a show with its episodes (specials included), cast, seasons and crew.

        ``embed[]=episodeswithspecials`` is the episode list of
        ``/shows/:id/episodes?specials=1``, embedded; the plain ``episodes`` embed leaves
        specials out.
        """
        params = {"embed[]": list(EMBEDS)}
        data = self._json(f"/shows/{tvmaze_id}", params)
        if data is None:
            raise FetchError(f"TVmaze has no show {tvmaze_id}", status=404)
        return parse_show_record(data, problems=problems)

    def updates(self, since: str | None) -> dict[int, int]:
        """``{tvmaze id: updated epoch}`` for shows changed within the window (all if None)."""
        data = self._json("/updates/shows", {"since": since} if since else None)
        out: dict[int, int] = {}
        for key, value in data.items() if isinstance(data, dict) else ():
            if str(key).isdigit() and isinstance(value, int) and not isinstance(value, bool):
                out[int(key)] = value
        return out


def window_for(elapsed: float | None) -> str | None:
    """The smallest ``since`` window covering ``elapsed`` seconds; None means a full refresh."""
    if elapsed is None or elapsed < 0:
        return None
    for name, seconds in WINDOWS:
        if elapsed <= seconds - 600:  # keep a margin for clock skew and slow refreshes
            return name
    return None


def _id_of(data: object) -> int | None:
    if not isinstance(data, dict):
        return None
    value = data.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return None
