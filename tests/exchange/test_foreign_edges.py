"""What real archives throw at an import: passwords, AES, paging, partial exports, hostile names,
a rate-limited TVmaze, damaged files. Each gets a clear line and loses nothing."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest

from fancompanion.core.models import WatchStatus
from fancompanion.core.store import Store
from tests.exchange.helpers import cli, user_state
from tests.exchange.test_foreign_samples import (
    DAREDEVIL,
    GOT,
    GOT_ROW,
    JESSICA,
    TRAKT_DIR,
    TVTIME_DIR,
    marks,
    sample_plus,
)
from tests.exchange.tvmaze_stub import MARVEL, StubTvMaze
from tests.exchange.zip_writer import aes_marked, deflate64_marked, zipcrypto
from tests.fetch.conftest import Reply, Request, Server


@pytest.fixture
def stub(tvmaze: Server) -> StubTvMaze:
    return StubTvMaze(tvmaze).install(*MARVEL)


def _tvtime_members() -> dict[str, bytes]:
    return {f"gdpr/{p.name}": p.read_bytes() for p in sorted(TVTIME_DIR.iterdir())}


def test_a_zipcrypto_archive_opens_with_password_and_asks_for_it_without(
    store: Store, data_dir: Path, stub: StubTvMaze, tmp_path: Path
) -> None:
    archive = tmp_path / "tvtime.zip"
    zipcrypto(archive, _tvtime_members(), "s3cret ünïcode")
    code, _, err = cli("import", str(archive))
    assert code == 1
    assert err.strip() == (
        "fancompanion: error: tvtime.zip is password-protected: import it again with --password"
    )
    code, _, err = cli("import", str(archive), "--password", "wrong")
    assert code == 1
    assert "wrong password for tvtime.zip" in err or "damaged" in err
    assert store.user.shows_with_marks() == []
    code, out, _ = cli("import", str(archive), "--password", "s3cret ünïcode")
    assert code == 0, out
    assert "imported: 5 marks (6 plays)" in out


def test_an_aes_archive_gets_one_line_saying_to_extract_it(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "tvtime.zip"
    aes_marked(archive, _tvtime_members())
    code, out, err = cli("import", str(archive), "--password", "x")
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert "AES" in err
    assert "import the extracted folder" in err
    assert out == ""


def test_a_compression_zipfile_cannot_read_gets_one_line_naming_it(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "tvtime.zip"
    deflate64_marked(archive, _tvtime_members())
    before = user_state(store)
    code, out, err = cli("import", str(archive))
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert "(Deflate64)" in err
    assert "import the extracted folder" in err
    assert out == ""
    assert user_state(store) == before  # nothing of the fan's changed


def _entry(
    entry_id: int, season: int, number: int, at: str, kind: str = "episode"
) -> dict[str, object]:
    return {
        "id": entry_id,
        "watched_at": at,
        "action": "watch",
        "type": kind,
        "episode": {"season": season, "number": number, "title": None, "ids": {}},
        "movie": {"title": "A Film", "ids": {"imdb": "tt0000001"}},
        "show": {"title": "Marvel's Daredevil", "ids": {"tvdb": 281662, "imdb": "tt3322312"}},
    }


def test_trakt_pages_in_numeric_order_overlaps_movies_lists_errors(
    store: Store, data_dir: Path, stub: StubTvMaze, tmp_path: Path
) -> None:
    folder = tmp_path / "trakt-export-fan"
    folder.mkdir()
    pages = {
        1: [_entry(11, 1, 1, "2016-01-01T10:00:00.000Z"), _entry(12, 1, 2, "2016-01-02T10:00Z")],
        2: [_entry(12, 1, 2, "2016-01-02T10:00:00.000Z"), _entry(13, 1, 3, "2016-01-03T10:00Z")],
        10: [
            _entry(14, 1, 1, "2017-05-05T05:05:05.000Z"),  # a rewatch
            _entry(15, 0, 0, "2017-05-05T06:00:00.000Z", kind="movie"),
        ],
    }
    for page, entries in pages.items():
        (folder / f"watched-history-{page}.json").write_text(json.dumps(entries))
    show = {"title": "Marvel's Luke Cage", "ids": {"tvdb": None, "imdb": "tt3322314"}}
    custom = {"title": "Marvel's The Punisher", "ids": {"imdb": "tt5675620"}}
    (folder / "lists-watchlist.json").write_text(json.dumps([{"type": "show", "show": show}]))
    (folder / "lists-list-123-favourites.json").write_text(
        json.dumps([{"type": "show", "show": custom}])
    )
    (folder / "watched-shows.json").write_text(
        json.dumps([{"plays": 9, "show": pages[1][0]["show"]}])  # no "seasons": no marks
    )
    (folder / "_errors.json").write_text(
        json.dumps([{"endpoint": "users/fan/ratings", "error": "500", "totalPages": 2}])
    )
    code, out, err = cli("import", str(folder))
    assert code == 0, out + err
    assert "Trakt export: 5 watch rows read" in out  # 6 entries, 1 movie; 1 repeated id
    assert "duplicates skipped: 1" in out
    assert "skipped: 1 movie (not a TV episode)" in out
    assert "this Trakt export is partial" in err
    assert "users/fan/ratings" in err
    assert "Trakt counted 9 plays of these shows but the history holds 4" in err
    assert marks(store, DAREDEVIL) == {
        "S1E1": (2, "2016-01-01T10:00:00Z", "2017-05-05T05:05:05Z"),
        "S1E2": (1, "2016-01-02T10:00:00Z", "2016-01-02T10:00:00Z"),
        "S1E3": (1, "2016-01-03T10:00:00Z", "2016-01-03T10:00:00Z"),
    }
    statuses = store.user.statuses()
    assert statuses["imdb-tt3322314"] is WatchStatus.PLAN
    assert "imdb-tt5675620" not in statuses  # a custom list is not the watchlist


def test_hostile_names_reach_the_report_intact_and_the_terminal_without_escapes(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    name = "\u05de\u05e4\u05e6\u05d7\u05d9\u05dd 🦸\u200d♀️\x1b]52;c;aGk=\x07\x1b[2J Evil"
    rows = [
        "key,s_id,series_name,s_no,ep_no,created_at",
        f"watch-episode-a,123456,{name},1,1,2020-02-29 23:59:59",
        f"watch-episode-b,,{name},1,2,",
    ]
    path = tmp_path / "tracking-prod-records-v2.csv"
    path.write_text("\ufeff" + "\r\n".join(rows) + "\r\n", encoding="utf-8")
    report = tmp_path / "report.csv"
    code, out, err = cli("import", str(path), "--offline", "--report", str(report))
    assert code == 0, out + err
    assert "\x1b" not in out + err
    assert "\x07" not in out + err
    assert "מפצחים 🦸\u200d♀️" in out  # pending, by name and id
    assert "(TheTVDB 123456, 1 play waiting)" in out
    assert "unmatched: 2 rows (no show id 1, pending 1)" in out
    with report.open(encoding="utf-8-sig", newline="") as handle:
        found = list(csv.DictReader(handle))
    assert [r["reason"] for r in found] == ["pending", "no show id"]
    assert all(r["show"].startswith("מפצחים 🦸\u200d♀️") for r in found)
    assert all("\x1b" not in r["show"] for r in found)
    assert found[0]["watched_at"] == "2020-02-29T23:59:59Z"
    assert found[1]["watched_at"] == ""  # blank stays blank


def test_a_rate_limited_tvmaze_is_waited_for_and_the_import_completes(
    store: Store, data_dir: Path, tvmaze: Server, sleeps: list[float], tmp_path: Path
) -> None:
    stub = StubTvMaze(tvmaze).install(*MARVEL, GOT)
    limited = {"left": 2}

    def lookup(request: Request) -> Reply:
        if limited["left"]:
            limited["left"] -= 1
            return Reply(429, b"", {"Retry-After": "3"})
        return stub._lookup(request)

    tvmaze.route("/lookup/shows", lookup)
    code, out, _ = cli("import", str(sample_plus(tmp_path / "e", GOT_ROW.format(n=5))))
    assert code == 0
    assert "imported: 6 marks (7 plays)" in out
    assert "1 show added to your library" in out
    assert sleeps.count(3.0) == 2  # Retry-After honoured, not slept in the test


def test_a_tvmaze_that_keeps_failing_leaves_shows_pending_with_the_reason(
    store: Store, data_dir: Path, tvmaze: Server, tmp_path: Path
) -> None:
    tvmaze.route("/lookup/shows", Reply(500, b"oops"))
    code, out, err = cli("import", str(sample_plus(tmp_path / "e", GOT_ROW.format(n=5))))
    assert code == 0
    assert "HTTP 500" in err
    assert "pending: 1 show" in out
    assert "imported: 5 marks (6 plays)" in out  # the bundled shows still arrive
    assert "tvmaze-82" not in store.user.shows_with_marks()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"PK\x03\x04 this is not really a zip", "not a FanCompanion export"),
        (b'[{"id": 1, ', "is not valid JSON"),
        (b'key,s_id\r\n"unterminated', "watch rows read"),
    ],
    ids=["broken-zip", "cut-json", "odd-csv"],
)
def test_damaged_files_give_one_line_and_change_nothing(
    store: Store, data_dir: Path, tmp_path: Path, content: bytes, expected: str
) -> None:
    name = {"[": "watched-history.json", "k": "tracking-prod-records-v2.csv"}.get(
        chr(content[0]), "export.zip"
    )
    path = tmp_path / name
    path.write_bytes(content)
    before = user_state(store)
    code, out, err = cli("import", str(path), "--offline")
    assert expected in out + err
    if code:
        assert len(err.strip().splitlines()) == 1
    assert user_state(store) == before


def test_a_zip_with_other_files_only_says_what_it_is_not(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "photos.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("holiday.jpg", b"\xff\xd8\xff")
    code, _, err = cli("import", str(archive))
    assert code == 1
    assert "photos.zip" in err
    assert len(err.strip().splitlines()) == 1


def test_trakt_sample_folder_and_its_watched_shows_give_no_extra_marks(
    store: Store, data_dir: Path, stub: StubTvMaze
) -> None:
    code, _, err = cli("import", str(TRAKT_DIR))
    assert code == 0
    assert "Trakt counted" not in err  # its plays match the history (the special included)
    assert set(marks(store, JESSICA)) == {"S1E1", "S1E2", "S1E3"}


def test_tv_times_in_app_export_is_read_too(
    store: Store, data_dir: Path, stub: StubTvMaze, tmp_path: Path
) -> None:
    folder = tmp_path / "tvtime-app"
    folder.mkdir()
    header = (
        "series_tvdb_id,series_imdb_id,series_uuid,title,season,episode,tvdb_id,is_watched,"
        "watched_at,rewatch_count,special"
    )
    rows = [
        "281662,tt3322312,u1,Marvel's Daredevil,1,1,1,true,2019-10-04 03:43:42,2,false",
        "281662,tt3322312,u1,Marvel's Daredevil,1,2,2,true,2019-10-05T01:00:00Z,0,false",
        "281662,tt3322312,u1,Marvel's Daredevil,1,3,3,false,,0,false",
        "281662,tt3322312,u1,Marvel's Daredevil,0,1,4,true,2019-10-06 01:00:00,0,true",
    ]
    (folder / "tvtime-series-episodes-2026-07-01.csv").write_text(
        "\r\n".join([header, *rows]) + "\r\n", encoding="utf-8"
    )
    code, out, _ = cli("import", str(folder))
    assert code == 0, out
    assert "TV Time export: 3 watch rows read" in out
    assert "unmatched: 1 row (special 1)" in out
    assert marks(store, DAREDEVIL) == {
        "S1E1": (3, "2019-10-04T03:43:42Z", "2019-10-04T03:43:42Z"),
        "S1E2": (1, "2019-10-05T01:00:00Z", "2019-10-05T01:00:00Z"),
    }
    assert stub.lookups() == []  # its IMDb id is in the bundle: matched offline


def test_an_older_tv_time_layout_is_named_in_one_line(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "old-tvtime.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("export/watched_on_episode.csv", "episode_id,created_at\r\n1,2015-01-01\r\n")
        out.writestr("export/access_token.csv", "token\r\nsecret\r\n")
    code, _, err = cli("import", str(archive))
    assert code == 1
    assert "no tracking-prod-records-v2.csv" in err
    assert "watched_on_episode.csv" in err
    assert len(err.strip().splitlines()) == 1
