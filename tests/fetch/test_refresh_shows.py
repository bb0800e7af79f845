"""``fancompanion fetch --shows``: only changed shows are refetched; failures are reported."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest

from fancompanion.cli.main import run
from fancompanion.core.library import Library
from fancompanion.core.store import Store
from fancompanion.fetch.http import FetchError, Http
from fancompanion.fetch.tvmaze import TvMaze
from tests.fetch.conftest import Reply, Request, Server, json_reply
from tests.fetch.showdata import JJ_ID, embedded_show, jessica_jones

GOT = 82
STORED_EPOCH = 1_700_000_000


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def ago(**delta: float) -> str:
    return (datetime.now(UTC) - timedelta(**delta)).strftime("%Y-%m-%dT%H:%M:%SZ")


def snapshot(store: Store) -> dict[str, bytes]:
    """Every store file's bytes (rotating backups aside: they are the store's own safety net)."""
    files = store.root.rglob("*.json")
    return {str(p): p.read_bytes() for p in files if "backups" not in p.parts}


def library_with_two_tvmaze_shows(server: Server, store: Store) -> None:
    """Jessica Jones (merged into the bundled one) and Game of Thrones, as added earlier."""
    server.route(f"/shows/{JJ_ID}", json_reply(jessica_jones(STORED_EPOCH)))
    got = embedded_show(GOT, "Game of Thrones", "tt0944947", 8, STORED_EPOCH)
    server.route(f"/shows/{GOT}", json_reply(got))
    assert cli("add", "--tvmaze", str(JJ_ID))[0] == 0
    assert cli("add", "--tvmaze", str(GOT))[0] == 0
    server.requests.clear()


def test_refresh_fetches_only_the_shows_that_changed(tvmaze: Server, store: Store) -> None:
    library_with_two_tvmaze_shows(tvmaze, store)
    store.catalog.set_meta(last_refresh=ago(hours=3))
    tvmaze.route(f"/shows/{JJ_ID}", json_reply(jessica_jones(STORED_EPOCH + 500)))
    seen: list[Request] = []

    def updates(request: Request) -> Reply:
        seen.append(request)
        return json_reply({str(JJ_ID): STORED_EPOCH + 500, str(GOT): STORED_EPOCH, "5": 1})

    tvmaze.route("/updates/shows", updates)

    code, out, _ = cli("fetch", "--shows")

    assert code == 0
    assert out.strip() == "1 show updated, 0 new news items, 0 errors"
    assert [r.query for r in seen] == [{"since": ["day"]}]
    assert tvmaze.paths() == ["/updates/shows", f"/shows/{JJ_ID}"]
    jj = next(s for s in Library(store).summaries() if s.tvmaze_id == JJ_ID)
    assert jj.updated == STORED_EPOCH + 500


def test_a_refresh_after_weeks_asks_for_the_month(tvmaze: Server, store: Store) -> None:
    store.catalog.set_meta(last_refresh=ago(days=12))
    tvmaze.route("/updates/shows", json_reply({}))
    code, out, _ = cli("fetch", "--shows")
    assert code == 0
    assert tvmaze.requests[0].query == {"since": ["month"]}
    assert out.startswith("0 shows updated")


def test_first_refresh_links_bundled_shows_to_tvmaze_by_imdb(tvmaze: Server, store: Store) -> None:
    bundled = {s.imdb_id: s.id for s in Library(store).summaries()}

    def lookup(request: Request) -> Reply:
        if request.query["imdb"] == ["tt2357547"]:
            return Reply(301, headers={"Location": f"/shows/{JJ_ID}"})
        return json_reply(None, 404)

    tvmaze.route("/lookup/shows", lookup)
    tvmaze.route(f"/shows/{JJ_ID}", json_reply(jessica_jones()))

    code, out, err = cli("fetch", "--shows")

    assert code == 0, err
    assert out.strip() == "1 show updated, 0 new news items, 0 errors"
    assert "not found on TVmaze" in err
    view = Library(store).show(bundled["tt2357547"])
    assert view is not None
    assert view.record.show.tvmaze_id == JJ_ID
    assert store.catalog.meta().get("last_refresh")


def test_429_with_retry_after_then_success(tvmaze: Server, sleeps: list[float]) -> None:
    answers = iter([Reply(429, headers={"Retry-After": "7"}), json_reply({"1": 5})])
    tvmaze.route("/updates/shows", lambda request: next(answers))
    with Http() as http:
        assert TvMaze(http).updates("day") == {1: 5}
    assert 7.0 in sleeps
    assert len(tvmaze.requests) == 2


def test_retry_after_is_capped(tvmaze: Server, sleeps: list[float]) -> None:
    answers = iter([Reply(503, headers={"Retry-After": "86400"}), json_reply({})])
    tvmaze.route("/updates/shows", lambda request: next(answers))
    with Http() as http:
        TvMaze(http).updates("week")
    assert max(sleeps) == 60.0


def test_server_errors_forever_give_one_line_and_exit_1(tvmaze: Server, store: Store) -> None:
    store.catalog.set_meta(last_refresh=ago(hours=1))
    tvmaze.route("/updates/shows", Reply(500, b"oops"))
    code, out, err = cli("fetch", "--shows")
    assert code == 1
    assert f"error: TVmaze updates: HTTP 500 from {tvmaze.url}/updates/shows" in err
    assert out.strip() == "0 shows updated, 0 new news items, 1 error"
    assert len(tvmaze.requests) == 4  # the first try and three retries


def test_a_silent_server_times_out(tvmaze: Server) -> None:
    tvmaze.route("/updates/shows", Reply(200, b"{}", delay=1.0))
    with Http(read_timeout=0.2, retries=1) as http, pytest.raises(FetchError) as caught:
        TvMaze(http).updates("day")
    assert "timed out" in str(caught.value)


def test_no_network_is_one_message_and_the_store_is_untouched(
    store: Store, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    monkeypatch.setenv("FANCOMPANION_TVMAZE_URL", "http://127.0.0.1:9")  # nothing listens
    before = snapshot(store)
    code, _, err = cli("fetch")
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("fancompanion:")]
    assert len(errors) == 1
    assert errors[0].startswith("fancompanion: error: no network, nothing changed: cannot reach")
    assert snapshot(store) == before


def test_pacing_keeps_twenty_calls_in_ten_seconds(tvmaze: Server, sleeps: list[float]) -> None:
    tvmaze.route("/updates/shows", json_reply({}))
    now = [0.0]

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    with Http(sleep=sleep, clock=lambda: now[0]) as http:
        for _ in range(45):
            TvMaze(http).updates("day")
    assert len(tvmaze.requests) == 45
    assert sleeps == [10.0, 10.0]  # calls 21 and 41 wait for the window to move on
