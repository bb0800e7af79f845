"""A fan rescues their TV Time history from the GDPR export (sample follows its columns)."""

from __future__ import annotations

from pathlib import Path

from fancompanion.core.models import WatchStatus
from fancompanion.core.store import Store
from tests.conftest import FIXTURES
from tests.exchange.helpers import cli

TVTIME = FIXTURES / "imports" / "tracking-prod-records-v2.csv"
LUKE_CAGE = "imdb-tt3322314"


def test_watches_rewatches_and_follows_arrive_on_the_right_show(
    store: Store, data_dir: Path
) -> None:
    code, out, _ = cli("import", str(TVTIME))
    assert code == 0, out
    assert out.startswith("TV Time export:")
    marks = {m.key: m for m in store.user.marks(LUKE_CAGE)}  # "Luke Cage (2016)" by name
    assert set(marks) == {"S1E1", "S1E2", "S1E3"}  # S1E3's row borrows the name via s_id
    pilot = marks["S1E1"]
    assert (pilot.plays, pilot.first_at, pilot.last_at) == (
        2,
        "2021-02-02T21:15:00Z",
        "2022-07-09T20:00:00Z",
    )
    statuses = store.user.statuses()
    assert statuses[LUKE_CAGE] is WatchStatus.WATCHING
    assert statuses["imdb-tt3322310"] is WatchStatus.PLAN  # Iron Fist, "for later"


def test_unknown_shows_are_pending_and_nothing_else_is_touched(
    store: Store, data_dir: Path
) -> None:
    code, out, _ = cli("import", str(TVTIME), "--dry-run")
    assert code == 0
    assert "pending: 1 show(s) not in your library" in out
    assert "  Severance" in out
    assert "Luke Cage: status → Watching, 3 episode(s) newly watched" in out
    assert store.user.shows_with_marks() == []


def test_a_second_import_of_the_same_export_changes_nothing(store: Store, data_dir: Path) -> None:
    cli("import", str(TVTIME))
    code, out, _ = cli("import", str(TVTIME), "--format", "tvtime")
    assert code == 0
    assert "nothing to change" in out
