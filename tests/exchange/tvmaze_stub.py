"""A loopback TVmaze for imports: ``/lookup/shows`` (301/302 → ``/shows/:id``, or 404) and shows.

Ids of the six Marvel shows follow ``tests/fixtures/imports/SAMPLES.md``; the ones marked "not
confirmed" there (Luke Cage's and Iron Fist's TVmaze ids) are decided by this stub.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.fetch.conftest import Reply, Request, Server, json_reply
from tests.fetch.showdata import embedded_show


@dataclass(frozen=True)
class StubShow:
    tvmaze: int
    name: str
    imdb: str | None
    thetvdb: int | None
    seasons: int = 1  # for shows not in the bundle: episodes from the recorded fixture


MARVEL = (
    StubShow(1369, "Daredevil", "tt3322312", 281662),
    StubShow(1370, "Jessica Jones", "tt2357547", 284190),
    StubShow(91371, "Luke Cage", "tt3322314", 304219),  # TVmaze id decided by this stub
    StubShow(91372, "Iron Fist", "tt3322310", None),  # TVmaze id decided by this stub
    StubShow(2176, "The Defenders", "tt4230076", None),
    StubShow(16544, "The Punisher", "tt5675620", None),
)


@dataclass
class StubTvMaze:
    server: Server
    shows: list[StubShow] = field(default_factory=list)
    redirect: int = 301

    def install(self, *shows: StubShow) -> StubTvMaze:
        self.shows.extend(shows)
        self.server.route("/lookup/shows", self._lookup)
        for show in shows:
            self.server.route(f"/shows/{show.tvmaze}", json_reply(self.full(show)))
        return self

    def full(self, show: StubShow) -> dict[str, Any]:
        data = embedded_show(show.tvmaze, show.name, show.imdb, show.seasons, 1_700_000_000)
        data["externals"]["thetvdb"] = show.thetvdb
        return data

    def _lookup(self, request: Request) -> Reply:
        for show in self.shows:
            if request.query.get("thetvdb") == [str(show.thetvdb)] or (
                show.imdb and request.query.get("imdb") == [show.imdb]
            ):
                return Reply(self.redirect, b"", {"Location": f"/shows/{show.tvmaze}"})
        return json_reply({"name": "Not Found", "status": 404}, 404)

    def lookups(self) -> list[dict[str, list[str]]]:
        return [r.query for r in self.server.requests if r.path == "/lookup/shows"]

    def show_calls(self) -> list[str]:
        """Full show fetches (with embeds), not the redirect a lookup follows."""
        return [r.path for r in self.server.requests if r.path.startswith("/shows/") and r.query]
