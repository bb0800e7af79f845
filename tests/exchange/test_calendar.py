"""A fan subscribes their calendar app to what airs next; re-exports update, never duplicate."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st

from fancompanion.core.library import Airing, Library
from fancompanion.core.models import Episode, WatchStatus
from fancompanion.core.store import Store
from fancompanion.exchange.calendar import escape_text, fold, to_ics
from tests.exchange.helpers import AIRING_SHOW, add_airing_show, cli

NOW = "2031-03-01T12:00:00Z"


def _ics(library: Library, now: str = NOW) -> str:
    airings = library.upcoming(30, now=now, statuses=[WatchStatus.WATCHING, WatchStatus.PLAN])
    return to_ics(airings, now=now, runtimes={"tvmaze-9001": 42})


def _setup(store: Store) -> Library:
    show_id = add_airing_show(
        store,
        stamps=["2031-03-05T01:00:00+00:00", None, "2031-03-20T02:30:00Z"],
        dates=["2031-03-04", "2031-03-10", "2031-03-19"],
    )
    store.user.set_status(show_id, WatchStatus.PLAN)
    return Library(store)


def test_ics_parses_with_a_real_icalendar_library(store: Store) -> None:
    calendar = icalendar.Calendar.from_ical(_ics(_setup(store)))
    events = calendar.walk("VEVENT")
    assert len(events) == 3
    timed = events[0]
    assert timed.decoded("DTSTART") == datetime(2031, 3, 5, 1, 0, tzinfo=UTC)
    assert timed.decoded("DURATION") == timedelta(minutes=42)
    assert str(timed["SUMMARY"]).startswith(f"{AIRING_SHOW} S01E01 – ")
    all_day = events[1]
    assert all_day.decoded("DTSTART") == date(2031, 3, 10)  # a date, not a datetime
    assert all_day.decoded("DTEND") == date(2031, 3, 11)
    assert str(all_day["SUMMARY"]) == f"{AIRING_SHOW} S01E02 – Episode 2"


def test_uids_are_stable_across_exports_so_apps_update_events(store: Store) -> None:
    library = _setup(store)
    first = icalendar.Calendar.from_ical(_ics(library, NOW))
    later = icalendar.Calendar.from_ical(_ics(library, "2031-03-02T09:00:00Z"))
    uids = [str(e["UID"]) for e in first.walk("VEVENT")]
    assert uids == [str(e["UID"]) for e in later.walk("VEVENT")]
    assert len(set(uids)) == 3


def test_long_lines_are_folded_and_special_characters_escaped(store: Store) -> None:
    text = _ics(_setup(store))
    lines = text.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines), "the 200-character title was not folded"
    assert "SUMMARY:Law\\, Order\\; Special\\\\Victims S01E02" in text
    assert text.endswith("END:VCALENDAR\r\n")


def test_folding_never_splits_a_multibyte_character() -> None:
    line = "SUMMARY:" + "é" * 100
    folded = fold(line)
    pieces = folded.split("\r\n ")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert "".join(pieces) == line


def test_only_shows_watched_or_planned_are_in_the_calendar(store: Store) -> None:
    library = _setup(store)
    store.user.set_status("tvmaze-9001", WatchStatus.DROPPED)
    assert icalendar.Calendar.from_ical(_ics(library)).walk("VEVENT") == []


def test_calendar_command_lists_and_writes_ics(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    soon = datetime.now(UTC) + timedelta(days=2)
    add_airing_show(store, stamps=[soon.strftime("%Y-%m-%dT%H:%M:%SZ")], dates=[None])
    store.user.set_status("tvmaze-9001", WatchStatus.WATCHING)
    target = tmp_path / "upcoming.ics"
    code, out, _ = cli("calendar", "--days", "7", "--ics", str(target))
    assert code == 0
    assert f"{AIRING_SHOW}  S01E01" in out
    assert "wrote" in out
    assert "(1 event(s))" in out
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert [str(e["UID"]) for e in events] == ["tvmaze-9001-S1E1@fancompanion.local"]


def test_calendar_command_says_when_nothing_airs(store: Store, data_dir: Path) -> None:
    code, out, _ = cli("calendar")
    assert code == 0
    assert "nothing airs in the next 30 day(s)" in out


def test_multi_line_episode_summaries_survive_as_one_escaped_property() -> None:
    episode = Episode(
        "tvmaze-1",
        2,
        3,
        "Pilot, again",
        tvmaze_id=7,
        airstamp="2031-01-01T20:00:00Z",
        summary="Line one; with a semicolon.\nLine two \\ backslash.",
    )
    text = to_ics([Airing("tvmaze-1", "Show", episode, "2031-01-01T20:00:00Z")], now=NOW)
    assert "Line one\\; with a semicolon.\\nLine two \\\\ backslash." in text.replace("\r\n ", "")
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(event["DESCRIPTION"]) == episode.summary
    assert str(event["SUMMARY"]) == "Show S02E03 – Pilot, again"
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029"),
        max_size=300,
    ).map(str.strip)
)
def test_any_episode_title_comes_back_from_a_calendar_app_unchanged(title: str) -> None:
    episode = Episode("tvmaze-1", 1, 1, title, tvmaze_id=7, airstamp="2031-01-01T20:00:00Z")
    text = to_ics([Airing("tvmaze-1", "Show", episode, "2031-01-01T20:00:00Z")], now=NOW)
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    expected = f"Show S01E01 – {title}" if title else "Show S01E01"
    assert str(event["SUMMARY"]) == expected
