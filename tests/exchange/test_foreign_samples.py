"""A fan leaving TV Time or Trakt imports the archive they were given (the shared samples).

Expected numbers are those in tests/fixtures/imports/SAMPLES.md; TVmaze is a loopback stub.
"""

from __future__ import annotations

import csv
import shutil
import zipfile
from pathlib import Path

import pytest

from fancompanion.core.models import WatchStatus
from fancompanion.core.store import Store
from tests.conftest import FIXTURES
from tests.exchange.helpers import cli, user_state
from tests.exchange.tvmaze_stub import MARVEL, StubShow, StubTvMaze
from tests.fetch.conftest import Server, json_reply

IMPORTS = FIXTURES / "imports"
TVTIME_ZIP = IMPORTS / "tvtime-gdpr-sample.zip"
TVTIME_DIR = IMPORTS / "tvtime-gdpr-sample"
TRAKT_ZIP = IMPORTS / "trakt-export-sample.zip"
TRAKT_DIR = IMPORTS / "trakt-export-sample"
DAREDEVIL = "imdb-tt3322312"
JESSICA = "tvmaze-1370"
LUKE_CAGE = "imdb-tt3322314"


GOT = StubShow(82, "Game of Thrones", "tt0944947", 121361, seasons=2)
GOT_ROW = (
    "watch-episode-got-{n},121361,Game of Thrones,2,{n},1,2,{n},2019-04-14 23:59:5{n},,0,,,false,"
    "true,,,4242,,,,,,,,,,,"
)
NOBODY_ROW = (
    "watch-episode-nope-1,999999999,A show nobody knows,1,1,1,1,1,2019-04-15 00:00:00,,0,,,"
    "false,true,,,4242,,,,,,,,,,,"
)


def sample_plus(folder: Path, *extra: str) -> Path:
    """The TV Time sample with more rows (shows the bundle does not have)."""
    rows = (TVTIME_DIR / "tracking-prod-records-v2.csv").read_text(encoding="utf-8")
    assert rows.startswith("key,s_id,series_name,s_no,ep_no")
    shutil.copytree(TVTIME_DIR, folder)
    (folder / "tracking-prod-records-v2.csv").write_text(
        rows.rstrip("\r\n") + "\r\n" + "\r\n".join(extra) + "\r\n", encoding="utf-8"
    )
    return folder


@pytest.fixture
def stub(tvmaze: Server) -> StubTvMaze:
    return StubTvMaze(tvmaze).install(*MARVEL)


def marks(store: Store, show_id: str) -> dict[str, tuple[int, str, str]]:
    return {m.key: (m.plays, m.first_at, m.last_at) for m in store.user.marks(show_id)}


@pytest.mark.parametrize("path", [TVTIME_ZIP, TVTIME_DIR], ids=["zip", "folder"])
def test_tvtime_sample_gives_five_marks_six_plays_and_one_special(
    store: Store, data_dir: Path, stub: StubTvMaze, path: Path
) -> None:
    code, out, _ = cli("import", str(path))
    assert code == 0, out
    assert "TV Time export: 7 watch rows read" in out
    assert "imported: 5 marks (6 plays) on 3 shows" in out
    assert "unmatched: 1 row (special 1)" in out
    assert marks(store, DAREDEVIL) == {
        "S1E1": (2, "2015-04-10T22:14:05Z", "2016-03-17T20:30:00Z"),
        "S1E2": (1, "2015-04-10T23:09:41Z", "2015-04-10T23:09:41Z"),
        "S1E3": (1, "2015-04-11T00:03:12Z", "2015-04-11T00:03:12Z"),
    }
    assert set(marks(store, JESSICA)) == {"S1E1", "S1E2"}  # S1E2 only in legacy columns
    statuses = store.user.statuses()
    assert statuses[LUKE_CAGE] is WatchStatus.PLAN
    assert statuses[DAREDEVIL] is WatchStatus.WATCHING
    assert statuses[JESSICA] is WatchStatus.WATCHING
    assert [s.id for s in store.catalog.summaries()].count(DAREDEVIL) == 1
    assert len(store.catalog.summaries()) == 6  # the bundled six received it: no duplicate
    # the bundle knows these TheTVDB ids: TVmaze is not asked anything
    assert stub.lookups() == []
    assert stub.show_calls() == []


def test_trakt_sample_gives_six_marks_seven_plays_and_two_plans(
    store: Store, data_dir: Path, stub: StubTvMaze
) -> None:
    code, out, _ = cli("import", str(TRAKT_ZIP))
    assert code == 0, out
    assert "Trakt export: 8 watch rows read" in out
    assert "imported: 6 marks (7 plays)" in out
    assert "unmatched: 1 row (special 1)" in out
    assert marks(store, JESSICA)["S1E1"] == (2, "2015-11-21T01:30:00Z", "2018-03-07T21:00:00Z")
    assert set(marks(store, JESSICA)) == {"S1E1", "S1E2", "S1E3"}
    for show_id in (DAREDEVIL, "imdb-tt3322310", "imdb-tt4230076"):  # Iron Fist, Defenders
        assert set(marks(store, show_id)) == {"S1E1"}
    statuses = store.user.statuses()
    assert statuses[LUKE_CAGE] is WatchStatus.PLAN
    assert statuses["imdb-tt5675620"] is WatchStatus.PLAN  # The Punisher, IMDb id only
    assert len(store.catalog.summaries()) == 6
    # every show is in the bundle with its IMDb id: nothing needed TVmaze
    assert stub.lookups() == []


def test_dry_run_prints_exactly_what_the_real_run_writes(
    store: Store, data_dir: Path, stub: StubTvMaze
) -> None:
    before = user_state(store)
    code, dry, _ = cli("import", str(TVTIME_ZIP), "--dry-run")
    assert code == 0
    assert user_state(store) == before
    assert "this import would write: 5 new marks, 0 updated marks, 2 × Watching, 1 × Plan" in dry
    code, real, _ = cli("import", str(TVTIME_ZIP))
    assert "this import writes: 5 new marks, 0 updated marks, 2 × Watching, 1 × Plan" in real
    assert "imported: 8 change(s)" in real  # 5 marks + 3 statuses, as the dry run said


def test_a_backup_is_taken_before_the_import_writes(
    store: Store, data_dir: Path, stub: StubTvMaze
) -> None:
    from fancompanion.core.commands import Watch, apply
    from fancompanion.core.store.backup import list_backups

    view = store.catalog.record(JESSICA)
    assert view is not None
    apply(store, Watch(JESSICA, (view.episodes[0],), at="2014-01-01T00:00:00Z"))
    before = store.user.marks_path(JESSICA).read_bytes()
    out = cli("import", str(TVTIME_ZIP))[1]
    imports = [b for b in list_backups(store.user) if b.reason == "import"]
    assert len(imports) == 1
    assert str(imports[0].path) in out
    assert imports[0].file(f"watched/{JESSICA}.json").read_bytes() == before
    assert marks(store, JESSICA)["S1E1"][1] == "2014-01-01T00:00:00Z"  # earliest first kept


def test_importing_the_same_archive_again_changes_nothing_and_asks_tvmaze_nothing(
    store: Store, data_dir: Path, stub: StubTvMaze
) -> None:
    cli("import", str(TVTIME_ZIP))
    after_first = user_state(store)
    calls = len(stub.server.requests)
    code, out, _ = cli("import", str(TVTIME_DIR))
    assert code == 0
    assert "nothing to change" in out
    assert user_state(store) == after_first
    assert len(stub.server.requests) == calls  # lookups cached across runs


def test_a_302_redirect_is_followed_like_a_301(
    store: Store, data_dir: Path, stub: StubTvMaze
) -> None:
    stub.redirect = 302
    code, out, _ = cli("import", str(TVTIME_ZIP))
    assert code == 0
    assert "imported: 5 marks (6 plays)" in out


def test_report_lists_the_special_with_ids_and_time(
    store: Store, data_dir: Path, stub: StubTvMaze, tmp_path: Path
) -> None:
    report = tmp_path / "unmatched.csv"
    code, out, _ = cli("import", str(TVTIME_ZIP), "--report", str(report))
    assert code == 0
    assert f"report: 1 unmatched row(s) listed in {report}" in out
    with report.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows == [
        {
            "show": "Marvel's Daredevil",
            "thetvdb_id": "281662",
            "imdb_id": "",
            "season": "0",
            "episode": "1",
            "watched_at": "2016-03-10T18:00:00Z",
            "reason": "special",
        }
    ]


def test_offline_a_show_not_in_the_library_is_pending_and_a_later_import_resolves_it(
    store: Store, data_dir: Path, server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = sample_plus(tmp_path / "export", GOT_ROW.format(n=3), GOT_ROW.format(n=4))
    code, out, err = cli("import", str(folder))  # TVmaze: a closed port
    assert code == 0
    assert "TVmaze could not be reached" in err
    assert "pending: 1 show could not be looked up" in out
    assert "Game of Thrones (TheTVDB 121361, 2 plays waiting)" in out
    assert "unmatched: 3 rows (special 1, pending 2)" in out
    assert marks(store, DAREDEVIL)["S1E1"][0] == 2  # the bundled shows matched offline
    assert "tvmaze-82" not in store.user.shows_with_marks()
    StubTvMaze(server).install(*MARVEL, GOT)
    monkeypatch.setenv("FANCOMPANION_TVMAZE_URL", server.url)
    code, out, _ = cli("import", str(folder))
    assert "pending" not in out
    assert set(marks(store, "tvmaze-82")) == {"S2E3", "S2E4"}


def test_unknown_show_is_reported_and_a_new_show_is_added_once(
    store: Store, data_dir: Path, stub: StubTvMaze, tmp_path: Path
) -> None:
    """A show TVmaze knows but the library lacks is fetched (one call) and added; one TVmaze
    does not know (404) is reported per row as "unknown show"."""
    stub.install(GOT)
    folder = sample_plus(tmp_path / "export", GOT_ROW.format(n=3), NOBODY_ROW)
    report = tmp_path / "r.csv"
    code, out, _ = cli("import", str(folder), "--report", str(report))
    assert code == 0, out
    assert "unmatched: 2 rows (unknown show 1, special 1)" in out
    assert "1 show added to your library" in out
    assert marks(store, "tvmaze-82") == {
        "S2E3": (1, "2019-04-14T23:59:53Z", "2019-04-14T23:59:53Z")
    }
    assert stub.show_calls() == ["/shows/82"]
    assert "A show nobody knows" in report.read_text(encoding="utf-8-sig")
    code, out, _ = cli("import", str(folder))
    assert "nothing to change" in out
    assert [s.id for s in store.catalog.summaries()].count("tvmaze-82") == 1
    assert stub.show_calls() == ["/shows/82"]


def test_zip_under_a_folder_with_macos_junk_and_private_files_never_opened(
    store: Store,
    data_dir: Path,
    stub: StubTvMaze,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    archive = tmp_path / "gdpr.zip"
    secret = "SECRET-TOKEN-abc123"
    with zipfile.ZipFile(archive, "w") as out:
        for member in sorted(TVTIME_DIR.iterdir()):
            out.write(member, f"gdpr-data/{member.name.upper()}")
            out.writestr(f"__MACOSX/gdpr-data/._{member.name}", b"\x00\x05\x16\x07junk")
        out.writestr("gdpr-data/access_token.csv", f"token\r\n{secret}\r\n")
        out.writestr("gdpr-data/auth-prod-login.csv", f"ip,token\r\n10.0.0.1,{secret}\r\n")
    opened: list[str] = []
    real_read = zipfile.ZipFile.read

    def spy(self: zipfile.ZipFile, name: str | zipfile.ZipInfo, pwd: bytes | None = None) -> bytes:
        opened.append(name.filename if isinstance(name, zipfile.ZipInfo) else name)
        return real_read(self, name, pwd)

    monkeypatch.setattr(zipfile.ZipFile, "read", spy)
    code, out_text, err = cli("import", str(archive))
    assert code == 0, out_text + err
    assert sorted(opened) == [
        "gdpr-data/FOLLOWED_TV_SHOW.CSV",
        "gdpr-data/TRACKING-PROD-RECORDS-V2.CSV",
    ]  # never the tokens, logins or the other tables
    assert "imported: 5 marks (6 plays)" in out_text
    assert secret not in out_text + err
    data_files = "".join(
        p.read_text(encoding="utf-8", errors="replace") for p in data_dir.rglob("*") if p.is_file()
    )
    assert secret not in data_files


def test_shows_left_pending_offline_are_imported_by_the_next_fetch(
    store: Store, data_dir: Path, server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rewatch = GOT_ROW.format(n=3).replace("watch-episode-got-3", "rewatch-episode-got-3-1")
    folder = sample_plus(tmp_path / "export", GOT_ROW.format(n=3), rewatch)
    out = cli("import", str(folder))[1]  # offline: a closed port
    assert "pending: 1 show" in out
    cli("import", str(folder))  # queued twice: still the same plays
    before = user_state(store)
    StubTvMaze(server).install(*MARVEL, GOT)
    server.route("/updates/shows", json_reply({}))
    monkeypatch.setenv("FANCOMPANION_TVMAZE_URL", server.url)
    _, out, err = cli("fetch", "--shows")
    assert "pending imports: 1 show(s) resolved, 1 change(s)" in out, out + err
    assert marks(store, "tvmaze-82") == {
        "S2E3": (2, "2019-04-14T23:59:53Z", "2019-04-14T23:59:53Z")
    }
    assert user_state(store)["marks"][DAREDEVIL] == before["marks"][DAREDEVIL]
    after = user_state(store)
    out = cli("fetch", "--shows")[1]
    assert "pending imports" not in out  # the queue is empty now
    assert user_state(store) == after
