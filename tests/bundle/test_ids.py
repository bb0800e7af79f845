"""Every id the reference proves reaches the fan: ``shows --json``, the index and an export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from fancompanion.cli.main import run
from fancompanion.core.commands import Watch
from fancompanion.core.library import Library
from fancompanion.core.store import Store
from fancompanion.exchange.export import collect, to_document, write_csv
from fancompanion.exchange.history import History, ShowHistory, ShowIdentity
from fancompanion.exchange.merge import plan_import
from tests.bundle.reference import rows

# What the reference README's identifier table proves with two or more sources per id.
# TVmaze ids of Daredevil, The Defenders and The Punisher rest on one source each: left out.
PROVEN = {
    "Daredevil": (None, "tt3322312", 281662),
    "Jessica Jones": (1370, "tt2357547", 284190),
    "Luke Cage": (None, "tt3322314", 304219),
    "Iron Fist": (None, "tt3322310", None),
    "The Defenders": (None, "tt4230076", 326490),
    "The Punisher": (None, "tt5675620", 331980),
}


def test_the_table_above_agrees_with_the_reference_rows() -> None:
    for row in rows("shows"):
        tvmaze, imdb, thetvdb = PROVEN[row["show"]]
        assert row["imdb_id"] == imdb
        assert row["thetvdb_id"] == (str(thetvdb) if thetvdb else "")
        if tvmaze is not None:
            assert row["tvmaze_id"] == str(tvmaze)
            assert row["confirmed"] == "yes"


def test_shows_json_carries_tvmaze_imdb_and_thetvdb_ids(data_dir: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run(["shows", "--json"], out, err) == 0, err.getvalue()
    got = {
        r["name"]: (r["tvmaze_id"], r["imdb_id"], r["thetvdb_id"])
        for r in json.loads(out.getvalue())
    }
    assert got == PROVEN


def test_an_export_carries_the_thetvdb_id_in_json_and_csv(store: Store, tmp_path: Path) -> None:
    luke = next(s for s in store.catalog.summaries() if s.name == "Luke Cage")
    record = store.catalog.record(luke.id)
    assert record is not None
    Library(store).apply(Watch(luke.id, record.episodes[:2], at="2025-05-01T20:00:00Z"))
    history = collect(store)
    (show,) = to_document(history)["shows"]
    assert (show["name"], show["imdb_id"], show["thetvdb_id"]) == (
        "Luke Cage",
        "tt3322314",
        304219,
    )
    shows_csv, episodes_csv = write_csv(history, tmp_path / "mine.csv")
    (row,) = csv.DictReader(io.StringIO(shows_csv.read_text(encoding="utf-8-sig")))
    assert row["thetvdb_id"] == "304219"
    episodes = list(csv.DictReader(io.StringIO(episodes_csv.read_text(encoding="utf-8-sig"))))
    assert [e["show_thetvdb_id"] for e in episodes] == ["304219", "304219"]


def test_a_show_named_only_by_its_thetvdb_id_matches_the_bundled_show(store: Store) -> None:
    """How TV Time names shows: no TVmaze or IMDb id, a name that may differ. No lookup."""
    history = History(
        source="test",
        shows=(ShowHistory(ShowIdentity(thetvdb_id=331980, name="Marvel's The Punisher")),),
    )
    plan = plan_import(store, history)
    assert plan.pending == []
    assert [c.name for c in plan.shows] == ["The Punisher"]
