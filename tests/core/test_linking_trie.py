"""News links found by the trie-shaped name pattern are exactly those of a plain alternation
of every name, longest first — the way links were found before the library grew large."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from fancompanion.core.library import Library
from fancompanion.core.linking import Linker, build_linker

WORDS = ["Lost", "lost", "Jessica", "Jones", "Jessica Jones", "Luke Cage", "The", "Office"]
PIECES = st.sampled_from([*"abAB ,.'-é\n", "Lost", "Jess", "Jones", "jessica", "ı", "ſ"])


def pieces(max_size: int, min_size: int = 0) -> st.SearchStrategy[str]:
    return st.lists(PIECES, min_size=min_size, max_size=max_size).map("".join)


def plain_links(linker: Linker, *texts: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The reference: one alternation of every folded name, longest first."""
    names = sorted(set(linker.shows) | set(linker.people), key=len, reverse=True)
    if not names:
        return (), ()
    alternation = "|".join(re.escape(n) for n in names)
    pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
    shows: dict[str, None] = {}
    people: dict[str, None] = {}
    for text in texts:
        for match in pattern.finditer(text):
            found = match.group(0)
            folded = " ".join(found.split()).casefold()
            exact = linker._single.get(folded)
            if exact is not None and found != exact:
                continue
            for show_id in sorted(linker.shows.get(folded, ())):
                shows.setdefault(show_id, None)
            for person_id in sorted(linker.people.get(folded, ())):
                people.setdefault(person_id, None)
    return tuple(shows), tuple(people)


@settings(max_examples=100, deadline=None)
@given(
    shows=st.lists(pieces(4, min_size=1), max_size=8),
    people=st.lists(st.sampled_from(WORDS) | pieces(3), max_size=6),
    texts=st.lists(pieces(30), min_size=1, max_size=3),
)
def test_any_names_in_any_text_link_the_same(
    shows: list[str], people: list[str], texts: list[str]
) -> None:
    linker = Linker.build(
        ((f"s{i}", (name,)) for i, name in enumerate(shows)),
        ((f"p{i}", name) for i, name in enumerate(people)),
    )
    assert linker.link(*texts) == plain_links(linker, *texts)


def test_a_name_inside_a_longer_name_loses_to_the_longer_one() -> None:
    linker = Linker.build([("jj", ("Jessica Jones",)), ("j", ("Jessica",))], [])
    assert linker.link("Jessica Jones returns; Jessica too.") == (("jj", "j"), ())
    assert linker.link("Jessica Jonesy") == (("j",), ())


def test_the_bundled_news_links_as_before(library: Library) -> None:
    linker = build_linker(library.store)
    for item in library.news():
        texts = (item.title, item.summary, library.news_text(item.id))
        assert linker.link(*texts) == plain_links(linker, *texts)
