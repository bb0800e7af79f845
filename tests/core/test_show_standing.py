"""Opening a show works out progress, next to watch and next to air in one pass; the fan sees
exactly what the three separate calculations give, whatever the episodes and marks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fancompanion.core.models import Episode, Mark
from fancompanion.core.progress import (
    MarkIndex,
    next_to_air,
    next_to_watch,
    progress,
    standing,
)

NOW = "2024-06-01T12:00:00Z"
STAMPS = st.sampled_from(
    [None, "", "2024-05-01T20:00:00Z", "2024-06-01T12:00:00Z", "2024-07-01T01:00:00Z"]
)
DATES = st.sampled_from([None, "", "2024-05-31", "2024-06-01", "2024-06-02", "2030-01-01"])


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


@settings(max_examples=300, deadline=None)
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
