"""Tracking from the command line goes through the same core commands as the app."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, time
from pathlib import Path

import pytest
from msgspec.structs import replace

from fancompanion.cli.main import run
from fancompanion.core.library import Library
from fancompanion.core.models import WatchStatus
from fancompanion.core.store import Store
from tests.trust.helpers import show_record

JJ = "tvmaze-1370"


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def watched(store: Store, show_id: str = JJ) -> set[str]:
    view = Library(store).show(show_id)
    assert view is not None
    return {e.code for e in view.record.episodes if view.marks.watched(e)}


def test_watch_takes_an_unquoted_show_codes_and_ranges(store: Store) -> None:
    code, out, err = cli("watch", "jessica", "jones", "S01E01", "1x03-05", "s2e1-S02E02")

    assert code == 0, err
    assert out == "Jessica Jones: Marked 6 episodes watched\n"
    assert watched(store) == {"S01E01", "S01E03", "S01E04", "S01E05", "S02E01", "S02E02"}

    code, out, _ = cli("unwatch", "Jessica Jones", "S01E04")

    assert code == 0
    assert out == "Jessica Jones: Unmarked S01E04\n"
    assert "S01E04" not in watched(store)


def test_watch_date_is_the_local_day_and_never_the_future(store: Store) -> None:
    code, out, err = cli("watch", JJ, "S01E02", "--date", "2024-03-09", "--json")

    assert code == 0, err
    assert json.loads(out) == {
        "show": "Jessica Jones",
        "show_id": JJ,
        "message": "Marked S01E02 watched",
        "changed": 1,
        "refused": None,
    }
    [mark] = [m for m in store.user.marks(JJ) if m.number == 2]
    noon = datetime.combine(date(2024, 3, 9), time(12)).astimezone()
    assert datetime.fromisoformat(mark.first_at.replace("Z", "+00:00")) == noon
    code, _, err = cli("watch", JJ, "S01E03", "--date", "2999-01-01")
    assert code == 1
    assert err == "fancompanion: error: --date '2999-01-01' is in the future\n"
    assert cli("watch", JJ, "S01E03", "--date", "last tuesday")[0] == 1
    assert "S01E03" not in watched(store)


def test_unaired_episodes_are_refused_like_in_the_app(store: Store) -> None:
    record = show_record(4242, "Future Show", [(1, 1, 1), (2, 1, 2)])
    late = replace(record.episodes[1], airdate="2999-01-01", airstamp=None)
    store.catalog.put_shows([replace(record, episodes=(record.episodes[0], late))])

    code, out, err = cli("watch", "Future Show", "S01E02")

    assert code == 1
    assert out == ""
    assert err.startswith("fancompanion: error: Future Show: S01E02 has not aired yet")
    code, out, _ = cli("watch", "Future Show", "S01E01-S01E02")
    assert code == 0
    assert out.startswith("Future Show: Marked S01E01 watched; S01E02 has not aired yet")
    assert watched(store, "tvmaze-4242") == {"S01E01"}


def test_names_that_fit_several_shows_or_none_are_one_line_errors(store: Store) -> None:
    code, out, err = cli("watch", "the", "S01E01")
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "'the' fits 2 shows: The Defenders (2017) [imdb-tt4230076]" in err
    assert "The Punisher (2017) [imdb-tt5675620]" in err
    code, _, err = cli("watch", "Jessica Jones", "S09E01")
    assert err == "fancompanion: error: Jessica Jones has no S09E01 (its seasons are 1–3)\n"
    code, _, err = cli("watch", "Nope", "S01E01")
    assert code == 1
    assert "no show 'Nope' in the library" in err
    code, _, err = cli("watch", "Jessica Jones")
    assert code == 1
    assert "name at least one episode" in err


def test_status_sets_and_clears(store: Store) -> None:
    code, out, _ = cli("status", "jessica", "jones", "on-hold")
    assert code == 0
    assert out == "Jessica Jones: Status: On hold\n"
    assert store.user.statuses()[JJ] is WatchStatus.ON_HOLD
    assert cli("status", "jessica", "jones", "none")[0] == 0
    assert JJ not in store.user.statuses()
    code, _, err = cli("status", "jessica", "jones", "soon")
    assert code == 1
    assert err.startswith("fancompanion: error: unknown status 'soon': use watching, plan")


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        (["on", "hold"], WatchStatus.ON_HOLD),
        (["Plan", "to", "watch"], WatchStatus.PLAN),
        (["watching"], WatchStatus.WATCHING),
    ],
)
def test_a_status_typed_as_words_is_one_status(
    store: Store, typed: list[str], status: WatchStatus
) -> None:
    code, out, err = cli("status", "jessica", "jones", *typed)
    assert (code, err) == (0, "")
    assert out == f"Jessica Jones: Status: {status.label}\n"
    assert store.user.statuses()[JJ] is status


def test_a_show_whose_name_ends_like_a_status_keeps_its_name(store: Store) -> None:
    code, _, err = cli("status", "hold")  # no show left to name
    assert code == 1
    assert "give a show and a status" in err
    code, _, err = cli("status", "the", "hold", "on", "hold")  # "the hold" is the show
    assert code == 1
    assert err.startswith("fancompanion: error: no show 'the hold' in the library")


def test_remove_asks_unless_yes_and_keeps_the_history(store: Store, data_dir: Path) -> None:
    assert cli("watch", "Jessica Jones", "S01E01-S01E03")[0] == 0

    code, _, err = cli("remove", "Jessica", "Jones")  # no terminal to ask on

    assert code == 1
    assert "Add --yes to confirm" in err
    assert JJ in {s.id for s in store.catalog.summaries()}

    code, out, err = cli("remove", "Jessica", "Jones", "--yes")

    assert code == 0, err
    assert out.startswith("Removed Jessica Jones (3 marks); its history is saved in ")
    saved = Path(out.strip().rsplit(" ", 1)[1])
    assert saved.is_file()
    assert data_dir in saved.parents
    assert JJ not in {s.id for s in store.catalog.summaries()}
    assert store.user.marks(JJ) == []
    [kept] = json.loads(saved.read_text(encoding="utf-8"))["shows"]
    assert [e["key"] for e in kept["episodes"]] == ["S1E1", "S1E2", "S1E3"]
    code, out, _ = cli("import", str(saved))  # and it comes back once the show is there again
    assert code == 0


@pytest.mark.parametrize("command", ["watch", "unwatch", "status", "remove"])
def test_every_tracking_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run([command, "--help"])
    assert "SHOW" in capsys.readouterr().out
