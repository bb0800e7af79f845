"""A fan moves their history out and back in: nothing is lost, nothing is doubled."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from fancompanion.core.library import Library
from fancompanion.core.models import Episode, Feed, Show, ShowRecord, WatchStatus
from fancompanion.core.opening import open_store
from fancompanion.core.store import Store
from fancompanion.exchange.export import collect, write_csv, write_json
from fancompanion.exchange.importers import load
from fancompanion.exchange.merge import apply_import, plan_import
from fancompanion.paths import bundle_dir
from tests.exchange.helpers import cli, user_state
from tests.marks import watch


def _make_history(store: Store) -> None:
    """A fan who watched, rewatched, read news, follows a feed and changed a setting."""
    library = Library(store)
    jessica = library.show("tvmaze-1370")
    daredevil = library.show("imdb-tt3322312")
    assert jessica is not None
    assert daredevil is not None
    watch(store, jessica.id, jessica.record.episodes[:6], at="2025-03-01T21:00:00Z")
    watch(store, jessica.id, jessica.record.episodes[:2], rewatch=True, at="2025-04-02T20:30:00Z")
    watch(store, daredevil.id, daredevil.record.episodes[:3], at="2024-12-24T19:00:00Z")
    store.user.set_status(jessica.id, WatchStatus.WATCHING, at="2025-03-01T21:00:00Z")
    store.user.set_status(daredevil.id, WatchStatus.ON_HOLD, at="2025-01-05T10:00:00Z")
    store.user.set_status("imdb-tt5675620", WatchStatus.PLAN, at="2025-02-01T10:00:00Z")
    store.user.set_read([n.id for n in store.catalog.news()[:3]], at="2025-03-03T08:00:00Z")
    store.user.put_feed(Feed(url="https://example.org/marvel.xml", title="Marvel, daily"))
    store.user.put_feed(Feed(url="https://deadline.com/feed/", title="Deadline", enabled=True))
    store.user.set_setting("spoilers", False)
    store.user.set_setting("theme", "textual-dark")


@pytest.fixture
def fresh(tmp_path: Path) -> Store:
    """A second, brand-new install (seeded from the bundled library like a first start)."""
    return open_store(tmp_path / "other", bundle=bundle_dir())


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_then_import_into_new_install_reproduces_history(
    store: Store, fresh: Store, tmp_path: Path, fmt: str
) -> None:
    _make_history(store)
    history = collect(store)
    if fmt == "json":
        path = write_json(history, tmp_path / "history.json")
    else:
        path, _ = write_csv(history, tmp_path / "history")
    apply_import(fresh, plan_import(fresh, load(path)))
    mine, theirs = user_state(store), user_state(fresh)
    assert theirs["marks"] == mine["marks"]
    assert theirs["statuses"] == mine["statuses"]
    assert theirs["status_times"] == mine["status_times"]
    if fmt == "json":  # the CSV pair holds shows and episodes only (documented)
        assert theirs == mine


def test_importing_the_same_file_twice_changes_nothing(
    store: Store, fresh: Store, tmp_path: Path
) -> None:
    _make_history(store)
    path = write_json(collect(store), tmp_path / "history.json")
    apply_import(fresh, plan_import(fresh, load(path)))
    before = user_state(fresh)
    second = plan_import(fresh, load(path))
    assert second.changes == 0
    assert apply_import(fresh, second).changed == 0
    assert user_state(fresh) == before


def test_export_file_names_shows_so_another_app_can_find_them(store: Store, tmp_path: Path) -> None:
    _make_history(store)
    doc = json.loads(write_json(collect(store), tmp_path / "h.json").read_text())
    assert doc["format"] == "fancompanion-export"
    assert doc["version"] == 1
    jessica = next(s for s in doc["shows"] if s["name"] == "Jessica Jones")
    assert (jessica["tvmaze_id"], jessica["imdb_id"], jessica["status"]) == (
        1370,
        "tt2357547",
        "watching",
    )
    first = jessica["episodes"][0]
    assert (first["season"], first["number"], first["plays"], first["rewatches"]) == (1, 1, 2, 1)
    assert first["first_at"] == "2025-03-01T21:00:00Z"
    assert first["last_at"] == "2025-04-02T20:30:00Z"
    assert first["name"]
    assert all(r["title"] for r in doc["news_read"])


def test_csv_export_opens_as_two_plain_tables(store: Store, tmp_path: Path) -> None:
    _make_history(store)
    shows, episodes = write_csv(collect(store), tmp_path / "mine.csv")
    assert (shows.name, episodes.name) == ("mine-shows.csv", "mine-episodes.csv")
    header = episodes.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith(
        "show_id,show_tvmaze_id,show_imdb_id,show_thetvdb_id,show_name,season,number"
    )
    rows = episodes.read_text(encoding="utf-8-sig").splitlines()[1:]
    assert len(rows) == 9  # 6 Jessica Jones + 3 Daredevil episodes


def test_dry_run_prints_changes_and_writes_nothing(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    _make_history(store)
    path = write_json(collect(store), tmp_path / "h.json")
    other = tmp_path / "other"
    code, out, _ = cli("--data-dir", str(other), "import", str(path), "--dry-run")
    assert code == 0
    assert "Jessica Jones: status → Watching, 6 episode(s) newly watched" in out
    assert "nothing written" in out
    assert not (other / "user" / "watched").exists()
    assert open_store(other).user.statuses() == {}


def test_import_takes_a_backup_first_and_reports_it(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    _make_history(store)
    path = write_json(collect(store), tmp_path / "h.json")
    other = tmp_path / "other"
    target = open_store(other, bundle=bundle_dir())
    target.user.set_status("tvmaze-1370", WatchStatus.DROPPED, at="2020-01-01T00:00:00Z")
    code, out, _ = cli("--data-dir", str(other), "import", str(path))
    assert code == 0
    assert "backup of your previous state:" in out
    backups = [p for p in (other / "user" / "backups").iterdir() if "import" in p.name]
    assert backups, "no backup directory"
    saved = list(backups[0].rglob("state.json"))
    assert saved
    assert "dropped" in saved[0].read_text()
    # and the later status from the file won over the older local one
    assert open_store(other).user.statuses()["tvmaze-1370"] is WatchStatus.WATCHING


def test_conflicts_keep_the_later_mark_and_the_newer_status(
    store: Store, fresh: Store, tmp_path: Path
) -> None:
    _make_history(store)
    jessica = Library(fresh).show("tvmaze-1370")
    assert jessica is not None
    ep1 = jessica.record.episodes[0]
    watch(fresh, jessica.id, [ep1], at="2026-06-01T12:00:00Z")  # watched again later here
    fresh.user.set_status(jessica.id, WatchStatus.COMPLETED, at="2026-06-01T12:00:00Z")
    path = write_json(collect(store), tmp_path / "h.json")
    apply_import(fresh, plan_import(fresh, load(path)))
    mark = next(m for m in fresh.user.marks(jessica.id) if m.key == ep1.key)
    assert (mark.plays, mark.first_at, mark.last_at) == (
        2,
        "2025-03-01T21:00:00Z",
        "2026-06-01T12:00:00Z",
    )
    assert fresh.user.statuses()[jessica.id] is WatchStatus.COMPLETED


def test_cli_export_then_import_round_trip(store: Store, tmp_path: Path) -> None:
    _make_history(store)
    out_file = tmp_path / "export.json"
    code, out, _ = cli("export", str(out_file))
    assert code == 0
    assert "3 show(s), 9 watched episode(s), 3 read news item(s)" in out
    other = tmp_path / "again"
    code, out, _ = cli("--data-dir", str(other), "import", str(out_file))
    assert code == 0
    assert "imported:" in out
    assert user_state(open_store(other)) == user_state(store)
    code, out, _ = cli("--data-dir", str(other), "import", str(out_file))
    assert "nothing to change" in out


def test_a_file_that_is_not_an_export_is_one_clear_line(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    code, _, err = cli("import", str(path))
    assert code == 1
    assert err.strip().startswith("fancompanion: error: notes.txt: not a FanCompanion export")


def test_csv_cells_never_run_as_spreadsheet_formulas_and_still_round_trip(
    store: Store, fresh: Store, tmp_path: Path
) -> None:
    show = Show(id="tvmaze-4242", name='=HYPERLINK("http://x")', tvmaze_id=4242)
    episode = Episode(show.id, 1, 1, "@SUM(A1)", tvmaze_id=42420, airdate="2020-01-01")
    record = ShowRecord(show=show, episodes=(episode,))
    for target in (store, fresh):
        target.catalog.put_shows([record])
    watch(store, show.id, [episode], at="2024-01-01T00:00:00Z")
    store.user.set_status(show.id, WatchStatus.COMPLETED, at="2024-01-02T00:00:00Z")
    shows_csv, episodes_csv = write_csv(collect(store), tmp_path / "evil")
    for path in (shows_csv, episodes_csv):
        for row in csv.reader(path.read_text(encoding="utf-8-sig").splitlines()):
            assert not any(cell.startswith(("=", "+", "@")) for cell in row), row
    apply_import(fresh, plan_import(fresh, load(shows_csv)))
    assert user_state(fresh)["marks"] == user_state(store)["marks"]
    assert fresh.user.statuses()[show.id] is WatchStatus.COMPLETED
