"""TVmaze-shaped test shows built from the recorded responses (same fields, same quirks).

``jessica_jones()`` is Game of Thrones' recorded record re-dressed as Jessica Jones (TVmaze
1370, IMDb tt2357547, Netflix, three seasons, one special): exactly the shape TVmaze sends.
"""

from __future__ import annotations

import copy
from typing import Any

from tests.fetch.conftest import tvmaze_fixture

JJ_ID = 1370
JJ_IMDB = "tt2357547"


def embedded_show(
    tvmaze_id: int, name: str, imdb: str | None, seasons: int, updated: int
) -> dict[str, Any]:
    """A ``/shows/:id?embed[]=...`` answer: the first ``seasons`` seasons of the recording."""
    show: dict[str, Any] = copy.deepcopy(tvmaze_fixture("show-info.json"))
    show.update(id=tvmaze_id, name=name, updated=updated)
    show["externals"] = {"tvrage": None, "thetvdb": None, "imdb": imdb}
    embedded = show.pop("_embedded")
    show["_embedded"] = {
        "seasons": [s for s in embedded["seasons"] if s["number"] <= seasons],
        "episodeswithspecials": episodes_with_specials(seasons),
        "cast": embedded["cast"],
        "crew": embedded["crew"],
    }
    return show


def all_episodes() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = tvmaze_fixture("episodes.json")
    return data


def episodes_with_specials(seasons: int) -> list[dict[str, Any]]:
    """The ``episodeswithspecials`` embed (= ``/shows/:id/episodes?specials=1``) for the seasons."""
    return [e for e in all_episodes() if e["season"] <= seasons]


def jessica_jones(updated: int = 1_700_000_000) -> dict[str, Any]:
    show = embedded_show(JJ_ID, "Jessica Jones", JJ_IMDB, 3, updated)
    show["network"] = None
    show["webChannel"] = {"id": 1, "name": "Netflix", "country": None}
    cast = show["_embedded"]["cast"]
    cast[0]["person"]["name"] = "Krysten Ritter"
    cast[0]["character"]["name"] = "Jessica Jones"
    return show
