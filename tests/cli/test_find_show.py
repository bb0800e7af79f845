"""Finding a show by what a fan types: punctuation, case, aliases and ids, on names that are
hard to normalise (the quick substring test before normalising must never drop a match)."""

from __future__ import annotations

import pytest

from fancompanion.cli.context import CommandError
from fancompanion.cli.targets import find_show
from fancompanion.core.store.schema import ShowName

SHOWS = [
    ShowName("tvmaze-31", "Marvel's Agents of S.H.I.E.L.D.", (), "tt2364582", 31, "2013-09-24"),
    ShowName("tvmaze-1370", "Jessica Jones", ("Marvel's Jessica Jones",), "tt2357547", 1370),
    ShowName("tvmaze-2", "Die Straße", (), None, 2),
    ShowName("tvmaze-3", "foo_bar: the Series", (), None, 3),
    ShowName("tvmaze-4", "Ｆｕｌｌ Ｗｉｄｔｈ", (), None, 4),
    ShowName("tvmaze-5", "Café Society", ("Le Café",), None, 5),
    ShowName("tvmaze-6", "The Wire", (), "tt0306414", 6, "2002-06-02"),
    ShowName("tvmaze-7", "The Wire Ends", (), None, 7, "2030-01-01"),
]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        (["s.h.i.e.l.d"], "tvmaze-31"),  # only one-letter words: each is "in" many names
        (["agents", "of", "SHIELD"], None),  # "shield" is not a word of "s h i e l d"
        (["MARVEL'S", "agents"], "tvmaze-31"),
        (["marvel's", "jessica", "jones"], "tvmaze-1370"),  # an alias, exactly
        (["strasse"], "tvmaze-2"),  # ß casefolds to ss
        (["die", "STRASSE"], "tvmaze-2"),
        (["foo", "bar"], "tvmaze-3"),  # an underscore is not part of a word
        (["ｆｕｌｌ", "width"], None),  # fullwidth letters casefold to fullwidth, not ASCII
        (["ｆｕｌｌ"], "tvmaze-4"),
        (["le", "café"], "tvmaze-5"),
        (["society"], "tvmaze-5"),  # a word inside the name
        (["the", "wire"], "tvmaze-6"),  # exact beats prefix
        (["tt0306414"], "tvmaze-6"),
        (["TVMAZE-7"], "tvmaze-7"),
        (["1370"], "tvmaze-1370"),  # a TVmaze id when no name has the number
    ],
)
def test_what_a_fan_types_finds_the_show(typed: list[str], found: str | None) -> None:
    if found is None:
        with pytest.raises(CommandError, match="no show"):
            find_show(SHOWS, typed)
    else:
        assert find_show(SHOWS, typed).id == found


def test_a_name_several_shows_start_with_lists_them() -> None:
    with pytest.raises(CommandError) as refused:
        find_show(SHOWS, ["the", "wi"])
    assert str(refused.value).startswith("'the wi' fits 2 shows: The Wire (2002) [tvmaze-6]; ")
    assert "The Wire Ends (2030) [tvmaze-7]" in str(refused.value)


def test_punctuation_alone_fits_every_show() -> None:
    with pytest.raises(CommandError, match=f"fits {len(SHOWS)} shows"):
        find_show(SHOWS, ["..."])
