"""``fancompanion digest --json`` after a refresh against the loopback TVmaze that adds an
episode and moves an air date: the change log feeds the digest."""

from __future__ import annotations

import copy
import io
import json
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from fancompanion.cli.main import run
from fancompanion.core.models import WatchStatus
from fancompanion.core.store import Store
from tests.fetch.conftest import Server, json_reply
from tests.fetch.showdata import JJ_ID, jessica_jones

EPOCH = 1_700_000_000


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def day(delta: int) -> str:
    return (datetime.now(UTC) + timedelta(days=delta)).strftime("%Y-%m-%d")


def with_season_4(show: dict[str, Any], *episodes: tuple[int, str, str]) -> dict[str, Any]:
    """The show with season 4 episodes (number, name, air date) appended."""
    out = copy.deepcopy(show)
    listed = out["_embedded"]["episodeswithspecials"]
    template = listed[-1]
    for number, name, airdate in episodes:
        episode = copy.deepcopy(template)
        episode.update(
            id=9_000_000 + number,
            season=4,
            number=number,
            name=name,
            airdate=airdate,
            airstamp=f"{airdate}T01:00:00+00:00",
        )
        listed.append(episode)
    return out


def test_digest_json_after_a_refresh_lists_the_new_episode_and_the_moved_date(
    tvmaze: Server, store: Store
) -> None:
    base = with_season_4(
        jessica_jones(EPOCH), (1, "AKA The Return", day(-2)), (2, "AKA Second Wind", day(10))
    )
    tvmaze.route(f"/shows/{JJ_ID}", json_reply(base))
    assert cli("add", "--tvmaze", str(JJ_ID))[0] == 0
    show_id = next(s for s in json.loads(cli("shows", "--json")[1]) if s["tvmaze_id"] == JJ_ID)[
        "id"
    ]
    # adding it over the bundled Jessica Jones logged changes; the fan looks a second later
    # (times are to the second, and a change in the same second as a look is kept)
    time.sleep(1.1)
    assert cli("digest", "--mark-seen", "--if-new")[0] == 0
    code, out, _ = cli("digest", "--json")
    assert code == 0
    assert json.loads(out)["changes"] == []

    # upstream: S04E02 moves a week later and S04E03 is announced
    changed = with_season_4(
        jessica_jones(EPOCH + 100),
        (1, "AKA The Return", day(-2)),
        (2, "AKA Second Wind", day(17)),
        (3, "AKA Third Time", day(24)),
    )
    tvmaze.route(f"/shows/{JJ_ID}", json_reply(changed))
    tvmaze.route("/updates/shows", json_reply({str(JJ_ID): EPOCH + 100}))
    store.catalog.set_meta(last_refresh=(datetime.now(UTC) - timedelta(hours=2)).isoformat())
    store.user.set_status(show_id, WatchStatus.WATCHING)
    code, out, err = cli("fetch", "--shows")
    assert code == 0, err
    assert out.startswith("1 show updated")

    code, out, _ = cli("digest", "--json")
    assert code == 0
    found = json.loads(out)
    changes = [(c["show"], c["kind"], c["text"]) for c in found["changes"]]
    assert changes == [
        (
            "Jessica Jones",
            "date",
            f"S04E02 (AKA Second Wind) moved from {day(10)} to {day(17)}",
        ),
        (
            "Jessica Jones",
            "episodes",
            f"1 new episode announced: S04E03 (on {day(24)})",
        ),
    ]
    assert found["changes"][0]["episode"] == "S4E2"

    # and the text form, for cron, says the same
    code, out, _ = cli("digest", "--if-new")
    assert f"Jessica Jones: S04E02 (AKA Second Wind) moved from {day(10)} to {day(17)}" in out
    assert "Changes to your shows" in out

    # an episode that aired in the window, for a show being watched, with the next to watch
    since = cli("digest", "--json", "--since", day(-3))[1]
    assert json.loads(since)["aired"] == [
        {"show_id": show_id, "show": "Jessica Jones", "episodes": ["S04E01"], "next": "S01E01"}
    ]

    # marking it seen (a second after the refresh) empties it
    time.sleep(1.1)
    assert cli("digest", "--mark-seen", "--if-new")[0] == 0
    assert cli("digest", "--if-new")[1] == ""
    assert json.loads(cli("digest", "--json")[1])["changes"] == []
