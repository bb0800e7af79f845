"""Importing a history that names a show the library lacks: fetched when online, else pending."""

from __future__ import annotations

from pathlib import Path

import pytest

from fancompanion.core.store import Store
from tests.exchange.helpers import cli
from tests.exchange.test_trakt_import import TRAKT
from tests.fetch.conftest import Server, json_reply
from tests.fetch.showdata import embedded_show

BB_ID = 169


def test_missing_show_is_fetched_by_imdb_id_then_gets_its_history(
    store: Store, data_dir: Path, tvmaze: Server
) -> None:
    show = embedded_show(BB_ID, "Breaking Bad", "tt0903747", seasons=1, updated=1)
    tvmaze.route("/lookup/shows", json_reply(show))
    tvmaze.route(f"/shows/{BB_ID}", json_reply(show))
    code, out, _ = cli("import", str(TRAKT), "--fetch")
    assert code == 0, out
    assert "added to your library: Breaking Bad" in out
    assert "pending" not in out
    assert [(m.key, m.first_at) for m in store.user.marks(f"tvmaze-{BB_ID}")] == [
        ("S1E1", "2023-03-03T20:00:00Z")
    ]
    assert tvmaze.requests[0].query == {"imdb": ["tt0903747"]}


def test_unreachable_tvmaze_leaves_the_show_pending_and_imports_the_rest(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    monkeypatch.setenv("FANCOMPANION_TVMAZE_URL", "http://127.0.0.1:9")  # nothing listens
    code, out, err = cli("import", str(TRAKT), "--fetch")
    assert code == 0
    assert "TVmaze could not be reached" in err
    assert "Breaking Bad (IMDb tt0903747)" in out
    assert {m.key for m in store.user.marks("tvmaze-1370")} == {"S1E1", "S1E2"}
