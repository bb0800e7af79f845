"""No network is found out at once (no retries meant for 429/5xx), and says so in one line.

The hosts are a closed port on 127.0.0.1 and a name under ``.invalid`` (RFC 6761: it never
resolves), so no test here can reach the internet.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fancompanion.cli.main import run
from fancompanion.core.store import Store
from tests.fetch.conftest import Server, json_reply
from tests.fetch.showdata import jessica_jones


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed again when the block ends: nothing listens


def unreachable() -> list[tuple[str, str]]:
    return [("closed port", f"127.0.0.1:{closed_port()}"), ("unknown name", "tvmaze.invalid")]


@pytest.mark.parametrize(
    "argv",
    [("search", "Jessica", "Jones"), ("add", "Jessica", "Jones"), ("fetch", "--shows")],
    ids=" ".join,
)
@pytest.mark.parametrize("case", [0, 1], ids=["closed port", "unknown name"])
def test_no_network_ends_at_once_with_one_line(
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    sleeps: list[float],
    argv: tuple[str, ...],
    case: int,
) -> None:
    _, host = unreachable()[case]
    monkeypatch.setenv("FANCOMPANION_TVMAZE_URL", f"http://{host}")

    code, out, err = cli(*argv)

    assert code == 1
    assert out == ""
    errors = [line for line in err.splitlines() if line.startswith("fancompanion:")]
    assert len(errors) == 1  # (fetch prints its progress lines too: stderr is not a terminal)
    assert errors[0].startswith(
        (
            f"fancompanion: error: no network: cannot reach {host} (",
            f"fancompanion: error: no network, nothing changed: cannot reach {host} (",
        )
    )
    assert sleeps == []  # not retried: a refused connection or unknown name will not heal


def test_the_whole_command_takes_about_a_second(data_dir: Path) -> None:
    """As a user meets it: a real process, real sleeps (the old retries took over 7 s)."""
    env = dict(os.environ)
    for host in (f"127.0.0.1:{closed_port()}", "tvmaze.invalid"):
        env["FANCOMPANION_TVMAZE_URL"] = f"http://{host}"
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "fancompanion", "search", "Jessica", "Jones"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        took = time.monotonic() - started
        assert done.returncode == 1
        assert done.stderr.startswith(f"fancompanion: error: no network: cannot reach {host}")
        # The retries meant for 429/5xx slept 1 + 2 + 4 s here; a loaded CI machine needs ~2 s
        # to start the process at all, so the bound sits between the two.
        assert took < 6.0, f"{host}: {took:.1f} s"


def test_search_and_add_take_an_unquoted_name(tvmaze: Server, store: Store) -> None:
    tvmaze.route("/search/shows", json_reply([]))
    tvmaze.route("/singlesearch/shows", json_reply(jessica_jones()))
    tvmaze.route("/shows/1370", json_reply(jessica_jones()))

    assert cli("search", "Jessica", "Jones")[0] == 0
    code, out, err = cli("add", "Jessica", "Jones")

    assert code == 0, err
    assert "added Jessica Jones" in out
    queries = [r.query.get("q") for r in tvmaze.requests if r.path.endswith("search/shows")]
    assert queries == [["Jessica Jones"], ["Jessica Jones"]]


def test_add_wants_exactly_one_way_to_name_the_show(store: Store) -> None:
    for argv in (("add",), ("add", "Jessica", "--tvmaze", "1370")):
        code, _, err = cli(*argv)
        assert code == 1
        assert err == "fancompanion: error: give one of: a show name, --tvmaze ID or --imdb TTID\n"
    code, _, err = cli("add", "--tvmaze", "0")
    assert code == 2
    assert "must be 1 or more" in err
