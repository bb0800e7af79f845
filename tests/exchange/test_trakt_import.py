"""A fan leaving Trakt brings their episode history (sample file follows /sync/history)."""

from __future__ import annotations

from pathlib import Path

from fancompanion.core.store import Store
from tests.conftest import FIXTURES
from tests.exchange.helpers import cli

TRAKT = FIXTURES / "imports" / "trakt-history.json"


def test_trakt_history_lands_on_the_right_shows_with_plays_and_times(
    store: Store, data_dir: Path
) -> None:
    code, out, _ = cli("import", str(TRAKT))
    assert code == 0, out
    jessica = {m.key: m for m in store.user.marks("tvmaze-1370")}  # matched by IMDb id
    assert set(jessica) == {"S1E1", "S1E2"}
    pilot = jessica["S1E1"]
    assert (pilot.plays, pilot.first_at, pilot.last_at) == (
        2,
        "2023-01-15T20:00:00Z",
        "2024-05-04T21:05:00Z",
    )
    daredevil = store.user.marks("imdb-tt3322312")  # no IMDb id in the file: matched by name
    assert [(m.key, m.first_at) for m in daredevil] == [("S1E1", "2022-10-01T19:00:00Z")]


def test_shows_not_in_the_library_are_listed_as_pending(store: Store, data_dir: Path) -> None:
    code, out, _ = cli("import", str(TRAKT), "--dry-run")
    assert code == 0
    assert "pending: 1 show(s) not in your library" in out
    assert "Breaking Bad (IMDb tt0903747)" in out
    assert "Guardians" not in out  # movies are skipped
    assert store.user.shows_with_marks() == []


def test_trakt_import_is_idempotent(store: Store, data_dir: Path) -> None:
    cli("import", str(TRAKT))
    code, out, _ = cli("import", str(TRAKT))
    assert code == 0
    assert "nothing to change" in out
    assert [m.plays for m in store.user.marks("tvmaze-1370") if m.key == "S1E1"] == [2]
