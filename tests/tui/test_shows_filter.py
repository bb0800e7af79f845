"""The shows filter: fuzzy matching, best matches first, and incremental filtering that always
agrees with filtering from scratch (it only reuses work, never changes the answer)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fancompanion.core.models import ShowSummary
from fancompanion.tui.widgets.shows_filter import ListedShow, ShowFilter


def summary(name: str, *aliases: str, show_id: str = "") -> ShowSummary:
    return ShowSummary(
        id=show_id or name,
        name=name,
        tvmaze_id=None,
        imdb_id=None,
        premiered=None,
        ended=None,
        status=None,
        network=None,
        seasons=1,
        regular=1,
        specials=0,
        undated=0,
        pending=(),
        aliases=aliases,
    )


def names(found: list[ListedShow]) -> list[str]:
    return [e.summary.name for e in found]


def test_prefix_then_word_start_then_inside_then_scattered() -> None:
    shows = ShowFilter()
    shows.reset(
        [
            ListedShow(summary(n))
            for n in ("Hidden Cage", "Cage Story", "The Cage", "Cabbage Gardens", "Daredevil")
        ]
    )
    assert names(shows.apply("cage")) == [
        "Cage Story",
        "Hidden Cage",
        "The Cage",
        "Cabbage Gardens",
    ]
    assert names(shows.apply("cbg")) == ["Cabbage Gardens"]


def test_aliases_match_too() -> None:
    shows = ShowFilter()
    shows.reset(
        [ListedShow(summary("Marvel's Jessica Jones", "AKA Jessica")), ListedShow(summary("X"))]
    )
    assert names(shows.apply("aka")) == ["Marvel's Jessica Jones"]


def test_an_empty_query_shows_everything_in_name_order() -> None:
    shows = ShowFilter()
    entries = [ListedShow(summary(n)) for n in ("A", "B")]
    shows.reset(entries)
    shows.apply("a")
    assert shows.apply("  ") == entries


letters = st.text(alphabet="abcde ", min_size=0, max_size=6)


@given(st.lists(letters, min_size=1, max_size=30), letters)
def test_typing_one_letter_at_a_time_finds_what_a_fresh_filter_finds(
    show_names: list[str], query: str
) -> None:
    entries = [ListedShow(summary(n, show_id=str(i))) for i, n in enumerate(show_names)]
    typed = ShowFilter()
    typed.reset(entries)
    result = typed.apply("")
    for end in range(1, len(query) + 1):
        result = typed.apply(query[:end])
    fresh = ShowFilter()
    fresh.reset(entries)
    assert [e.id for e in result] == [e.id for e in fresh.apply(query)]


@given(st.lists(letters, min_size=1, max_size=30), letters, st.integers(0, 6), letters)
def test_deleting_letters_and_typing_others_finds_what_a_fresh_filter_finds(
    show_names: list[str], query: str, kept: int, more: str
) -> None:
    """Type a query, delete back to its first ``kept`` letters (each answer then comes from
    what was found on the way), type other letters: always what filtering from scratch finds."""
    entries = [ListedShow(summary(n, show_id=str(i))) for i, n in enumerate(show_names)]
    typed = ShowFilter()
    typed.reset(entries)
    for end in range(1, len(query) + 1):
        typed.apply(query[:end])
    for end in range(len(query), min(kept, len(query)) - 1, -1):
        result = typed.apply(query[:end])
        fresh = ShowFilter()
        fresh.reset(entries)
        assert [e.id for e in result] == [e.id for e in fresh.apply(query[:end])]
    final = query[:kept] + more
    for end in range(1, len(final) + 1):
        result = typed.apply(final[:end])
    fresh = ShowFilter()
    fresh.reset(entries)
    assert [e.id for e in typed.apply(final)] == [e.id for e in fresh.apply(final)]
