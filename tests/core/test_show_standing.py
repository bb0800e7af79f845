"""Opening a show works out progress, next to watch and next to air in one pass; the fan sees
exactly what the three plain definitions below give, whatever the episodes and marks."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from fancompanion.core.models import Episode, Mark, Progress
from fancompanion.core.progress import MarkIndex, standing, unwatched_after
from fancompanion.core.timeutil import air_time, has_aired

NOW = "2024-06-01T12:00:00Z"
STAMPS = st.sampled_from(
    [None, "", "2024-05-01T20:00:00Z", "2024-06-01T12:00:00Z", "2024-07-01T01:00:00Z"]
)
DATES = st.sampled_from([None, "", "2024-05-31", "2024-06-01", "2024-06-02", "2030-01-01"])


def progress(episodes: Sequence[Episode], marks: MarkIndex, now: str) -> Progress:
    """Aired regular episodes watched, per season and in all (specials never count)."""
    result = Progress()
    for episode in episodes:
        if episode.number is None:
            continue
        result.total += 1
        if not has_aired(episode, now):
            continue
        seen = marks.watched(episode)
        watched, aired = result.per_season.get(episode.season, (0, 0))
        result.per_season[episode.season] = (watched + seen, aired + 1)
        result.aired += 1
        result.watched += seen
    return result


def next_to_watch(episodes: Sequence[Episode], marks: MarkIndex, now: str) -> Episode | None:
    """The first unwatched aired regular episode after the last one watched (else the first)."""
    regular = [e for e in episodes if e.number is not None and has_aired(e, now)]
    last_seen = max((i for i, e in enumerate(regular) if marks.watched(e)), default=-1)
    for episode in regular[last_seen + 1 :]:
        if not marks.watched(episode):
            return episode
    return next((e for e in regular if not marks.watched(e)), None)


def next_to_air(episodes: Sequence[Episode], now: str) -> Episode | None:
    future = [e for e in episodes if air_time(e) is not None and not has_aired(e, now)]
    return min(future, key=lambda e: air_time(e) or "", default=None)


@st.composite
def episodes(draw: st.DrawFn) -> list[Episode]:
    out = []
    for i in range(draw(st.integers(0, 25))):
        out.append(
            Episode(
                "tvmaze-1",
                draw(st.integers(0, 3)),
                draw(st.one_of(st.none(), st.integers(1, 4))),
                f"Episode {i}",
                tvmaze_id=draw(st.one_of(st.none(), st.integers(1, 30))),
                airdate=draw(DATES),
                airstamp=draw(STAMPS),
            )
        )
    return out


@settings(max_examples=100, deadline=None)
@given(shown=episodes(), watched=st.sets(st.integers(0, 30)))
def test_one_pass_gives_the_same_progress_and_next_episodes(
    shown: list[Episode], watched: set[int]
) -> None:
    marks = MarkIndex(
        Mark(e.key, e.season, e.number, e.tvmaze_id) for i, e in enumerate(shown) if i in watched
    )
    figures, to_watch, to_air = standing(shown, marks, NOW)
    assert figures == progress(shown, marks, NOW)
    assert to_watch is next_to_watch(shown, marks, NOW)
    assert to_air is next_to_air(shown, NOW)


def test_a_show_nobody_watched_starts_at_its_first_aired_episode() -> None:
    first = Episode("tvmaze-1", 1, 1, "Pilot", airdate="2024-01-01")
    later = Episode("tvmaze-1", 1, 2, "Two", airdate="2030-01-01")
    figures, to_watch, to_air = standing([first, later], MarkIndex([]), NOW)
    assert (figures.watched, figures.aired, figures.total) == (0, 1, 2)
    assert to_watch is first
    assert to_air is later


def test_the_index_row_and_the_opened_show_agree_on_what_has_aired(tmp_path: Path) -> None:
    """The list's `watched/aired` comes from the index row (no show file opened); it must count
    exactly what the show's own episodes count, before, at and after an air time."""
    from fancompanion.core.models import Episode, Season, Show, ShowRecord
    from fancompanion.core.progress import aired_count, next_air_time
    from fancompanion.core.store import Store
    from fancompanion.core.timeutil import has_aired

    show = Show("tvmaze-7", "Andor", tvmaze_id=7)
    episodes = (
        Episode(show.id, 1, 1, "One", 71, "2025-04-22", airstamp="2025-04-22T01:00:00Z"),
        Episode(show.id, 1, 2, "Two", 72, "2026-12-01", airstamp="2026-12-01T01:00:00Z"),
        Episode(show.id, 1, 3, "Three", 73, "2026-12-08"),  # a date only: midnight UTC
        Episode(show.id, 1, None, "Special", 74, "2025-01-01"),  # specials never count
    )
    store = Store(tmp_path)
    store.catalog.put_shows([ShowRecord(show, (Season(1),), episodes)])
    row = next(s for s in store.catalog.summaries() if s.id == show.id)
    for now in (
        "2026-11-30T00:00:00Z",
        "2026-12-01T01:00:00Z",  # exactly the air time: aired
        "2026-12-07T23:59:59Z",
        "2026-12-08T00:00:00Z",
    ):
        counted = sum(1 for e in episodes if not e.is_special and has_aired(e, now))
        assert aired_count(row, now) == counted, now
    assert next_air_time(row, "2026-11-30T00:00:00Z") == "2026-12-01T01:00:00Z"
    assert next_air_time(row, "2026-12-01T01:00:00Z") == "2026-12-08T00:00:00Z"
    assert next_air_time(row, "2026-12-08T00:00:00Z") is None


@settings(max_examples=100, deadline=None)
@given(shown=episodes(), watched=st.sets(st.integers(0, 30)))
def test_the_episodes_after_the_next_are_what_it_becomes_as_each_is_marked(
    shown: list[Episode], watched: set[int]
) -> None:
    """Up next moves a row on without reading the show again (``UpNext.marked``): marking the
    next to watch, then each episode :func:`unwatched_after` gave, in turn, the next to watch
    read afresh is the following one, every time. (Episodes are told apart by key or TVmaze
    id; a twin is marked with its episode, so twins are left out here.)"""
    shown = without_twins(shown)
    seen = [e for i, e in enumerate(shown) if i in watched]
    _, to_watch, _ = standing(shown, MarkIndex(mark_of_episode(e) for e in seen), NOW)
    if to_watch is None:
        return
    ahead = unwatched_after(
        shown, MarkIndex(mark_of_episode(e) for e in seen), to_watch, NOW, len(shown)
    )
    for expected in ahead:
        seen.append(to_watch)
        marks = MarkIndex(mark_of_episode(e) for e in seen)
        _, to_watch, _ = standing(shown, marks, NOW)
        assert to_watch is expected


def mark_of_episode(episode: Episode) -> Mark:
    return Mark(episode.key, episode.season, episode.number, episode.tvmaze_id)


def without_twins(episodes: Sequence[Episode]) -> list[Episode]:
    out: list[Episode] = []
    known: set[object] = set()
    for episode in episodes:
        ids = {episode.key, episode.tvmaze_id} - {None}
        if not ids & known:
            out.append(episode)
            known |= ids
    return out
