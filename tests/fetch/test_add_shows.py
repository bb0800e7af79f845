"""A fan searches TVmaze and adds shows; the show appears with seasons, episodes and cast."""

from __future__ import annotations

import io
import json

from fancompanion.cli.main import run
from fancompanion.core.library import Library
from fancompanion.core.store import Store
from tests.fetch.conftest import Reply, Request, Server, json_reply, tvmaze_fixture
from tests.fetch.showdata import JJ_ID, JJ_IMDB, jessica_jones


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def serve_jessica_jones(server: Server) -> None:
    server.route(f"/shows/{JJ_ID}", json_reply(jessica_jones()))


def test_search_lists_name_years_network_and_id(tvmaze: Server) -> None:
    tvmaze.route("/search/shows", json_reply(tvmaze_fixture("shows-search.json")))
    code, out, _ = cli("search", "girls")
    assert code == 0
    assert "Girls" in out
    assert "2012–" in out
    assert "HBO" in out
    assert tvmaze.requests[0].query == {"q": ["girls"]}


def test_search_json_has_tvmaze_ids(tvmaze: Server) -> None:
    tvmaze.route("/search/shows", json_reply(tvmaze_fixture("shows-search.json")))
    code, out, _ = cli("search", "girls", "--json")
    rows = json.loads(out)
    assert code == 0
    assert {"tvmaze_id", "name", "years", "network"} <= set(rows[0])
    assert all(isinstance(r["tvmaze_id"], int) for r in rows)


def test_add_by_id_brings_seasons_episodes_specials_and_cast(tvmaze: Server, store: Store) -> None:
    show = tvmaze_fixture("show-info.json")
    show["_embedded"]["episodeswithspecials"] = tvmaze_fixture("episodes.json")
    tvmaze.route("/shows/82", json_reply(show))
    code, out, _ = cli("add", "--tvmaze", "82")
    assert code == 0, out
    assert "added Game of Thrones" in out
    view = Library(store).show("tvmaze-82")
    assert view is not None
    record = view.record
    assert len(record.seasons) == 8
    specials = [e for e in record.episodes if e.number is None]
    assert specials, "specials come with the embedded episodes"
    assert any(p.name == "Peter Dinklage" for p in record.people)
    embed = tvmaze.requests[0].query["embed[]"]
    assert sorted(embed) == ["cast", "crew", "episodeswithspecials", "seasons"]
    assert len(tvmaze.requests) == 1, "one request per show"


def test_add_by_imdb_follows_the_lookup_redirect(tvmaze: Server, store: Store) -> None:
    def lookup(request: Request) -> Reply:
        assert request.query == {"imdb": [JJ_IMDB]}
        return Reply(301, headers={"Location": f"{tvmaze.url}/shows/{JJ_ID}"})

    tvmaze.route("/lookup/shows", lookup)
    serve_jessica_jones(tvmaze)
    code, out, err = cli("add", "--imdb", JJ_IMDB)
    assert code == 0, err
    assert "added Jessica Jones" in out
    assert "3 seasons" in out


def test_add_by_name_uses_the_best_match(tvmaze: Server, store: Store) -> None:
    tvmaze.route("/singlesearch/shows", json_reply(jessica_jones()))
    serve_jessica_jones(tvmaze)
    code, out, _ = cli("add", "Jessica Jones")
    assert code == 0
    assert "added Jessica Jones" in out


def test_adding_a_bundled_show_keeps_its_id_and_the_fans_marks(
    tvmaze: Server, store: Store
) -> None:
    library = Library(store)
    bundled = next(s for s in library.summaries() if s.name == "Jessica Jones")
    first = library.show(bundled.id)
    assert first is not None
    pilot = next(e for e in first.record.episodes if e.key == "S1E1")
    library.toggle_watched(first, pilot)
    serve_jessica_jones(tvmaze)

    code, _, err = cli("add", "--tvmaze", str(JJ_ID))

    assert code == 0, err
    names = [s.name for s in library.summaries()]
    assert names.count("Jessica Jones") == 1
    after = library.show(bundled.id)
    assert after is not None
    assert after.record.show.tvmaze_id == JJ_ID
    assert after.record.show.network == "Netflix"
    assert after.progress.watched == 1
    assert any(e.number is None for e in after.record.episodes)
    assert any(p.name == "Krysten Ritter" for p in after.record.people)


def test_add_of_an_unknown_show_is_one_clear_line(tvmaze: Server, store: Store) -> None:
    code, _, err = cli("add", "No Such Show")
    assert code == 1
    assert err.strip() == "fancompanion: error: no show on TVmaze matches 'No Such Show'"


def test_bad_records_are_skipped_with_a_message(tvmaze: Server, store: Store) -> None:
    show = jessica_jones()
    show["_embedded"]["episodeswithspecials"][0] = {"id": 1, "name": "No season"}
    show["_embedded"]["cast"][1]["person"] = None
    show["brandNewField"] = {"nobody": "knows"}
    tvmaze.route(f"/shows/{JJ_ID}", json_reply(show))
    code, out, err = cli("add", "--tvmaze", str(JJ_ID))
    assert code == 0
    assert "fancompanion: Jessica Jones: skipped an episode with no season" in err
    assert "30 episodes, 2 specials, 41 cast" in out  # one special, one cast entry gone


def test_a_show_without_a_name_is_refused(tvmaze: Server, store: Store) -> None:
    tvmaze.route("/shows/5", json_reply({"id": 5, "name": None}))
    code, _, err = cli("add", "--tvmaze", "5")
    assert code == 1
    assert err.strip() == "fancompanion: error: TVmaze sent no usable show for 5"
