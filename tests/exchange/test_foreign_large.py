"""A 5,000-row TV Time archive across 50 shows, every quirk at once, against a loopback TVmaze.

The expected marks and unmatched counts come from the generator (bench/import_data.py), which
counts them while writing rows; the importer never computes its own answer here.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from bench.import_data import Expected, stub_shows, tvtime_archive
from fancompanion.core.models import WatchStatus
from fancompanion.core.store import Store
from fancompanion.exchange.archive import open_export
from fancompanion.exchange.importers.tvtime import read_tvtime
from tests.exchange.helpers import cli, user_state
from tests.exchange.tvmaze_stub import StubShow, StubTvMaze
from tests.fetch.conftest import Server

ZONES = ("Asia/Tokyo", "America/New_York", "Europe/Berlin")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Expected]:
    path = tmp_path_factory.mktemp("big") / "tvtime-export.zip"
    return path, tvtime_archive(path)


def _reason_counts(out: str) -> str:
    return next(line for line in out.splitlines() if line.startswith("  unmatched:"))


def test_every_row_of_a_big_archive_is_accounted_for(
    store: Store,
    data_dir: Path,
    tvmaze: Server,
    archive: tuple[Path, Expected],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, expected = archive
    stub = StubTvMaze(tvmaze).install(
        *(StubShow(tvm, name, None, tvdb, seasons=8) for tvm, name, tvdb in stub_shows())
    )
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    report = tmp_path / "report.csv"
    try:
        code, out, err = cli("import", str(path), "--report", str(report))
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert code == 0, out + err
    assert f"{expected.rows} watch rows read" in out
    assert f"imported: {len(expected.marks)} marks ({expected.plays} plays)" in out
    assert f"duplicates skipped: {expected.duplicates}" in out
    unmatched = sum(expected.unmatched.values())
    for reason, count in expected.unmatched.items():
        assert f"{reason} {count}" in _reason_counts(out)
    assert f"unmatched: {unmatched} rows" in out
    got = {}
    for tvm, _, tvdb in stub_shows():
        for mark in store.user.marks(f"tvmaze-{tvm}"):
            assert mark.number is not None
            got[(tvdb, mark.season, mark.number)] = (mark.plays, mark.first_at, mark.last_at)
    assert got == expected.marks  # exact UTC instants, blank times left blank
    statuses = store.user.statuses()
    for tvm, _, tvdb in stub_shows():
        if tvdb in expected.plan:
            assert statuses[f"tvmaze-{tvm}"] is WatchStatus.PLAN
        if tvdb in expected.archived:
            assert f"tvmaze-{tvm}" not in statuses
    with report.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == unmatched
    assert any("מופע" in r["show"] for r in rows) or any("🦸\u200d♀️" in r["show"] for r in rows)
    # one lookup per show (and per unknown id), one show fetch per show that gets something
    lookups = stub.lookups()
    assert (
        len(lookups) == len({str(q) for q in lookups}) == 53 + 7
    )  # 50 watched + 3 for later; 7 unknown ids
    assert len(stub.show_calls()) == len(set(stub.show_calls())) == 53
    # again: nothing changes, and TVmaze is not asked anything
    before, calls = user_state(store), len(tvmaze.requests)
    code, out, _ = cli("import", str(path))
    assert "nothing to change" in out
    assert user_state(store) == before
    assert len(tvmaze.requests) == calls


@pytest.mark.parametrize("zone", ZONES)
def test_the_time_zone_the_import_runs_in_changes_no_instant(
    archive: tuple[Path, Expected], zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = archive
    with open_export(path) as files:
        utc = read_tvtime(files)
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        with open_export(path) as files:
            local = read_tvtime(files)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert local.plays == utc.plays
    stamps = {p.at for p in local.plays}
    for sentinel in ("2021-03-14T02:30:00Z", "2021-03-28T02:30:00Z", "2021-11-07T01:30:00Z"):
        assert sentinel in stamps  # DST gaps and repeats, kept exactly
    assert "2019-12-31T23:59:59Z" in stamps
    assert "" in stamps  # blank times stay unknown: never the import time, never 1970


@pytest.mark.parametrize("zone", ZONES)
def test_sample_instants_and_stats_dates_are_the_same_in_every_zone(
    store: Store, data_dir: Path, tvmaze: Server, zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.exchange.test_foreign_samples import DAREDEVIL, TVTIME_ZIP
    from tests.exchange.tvmaze_stub import MARVEL

    StubTvMaze(tvmaze).install(*MARVEL)
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        assert cli("import", str(TVTIME_ZIP))[0] == 0
        out = cli("stats", "--json")[1]
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    marks = {m.key: m.first_at for m in store.user.marks(DAREDEVIL)}
    assert marks["S1E3"] == "2015-04-11T00:03:12Z"  # 10 April in New York, 11th in UTC
    import json

    stats = json.loads(out)
    assert stats["per_year"] == {"2015": 5}  # watched in 2015, not in the import's year
