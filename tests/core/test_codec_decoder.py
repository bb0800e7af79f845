"""The fast, compiled store decoder accepts and rejects exactly what the checked one does.

A fan with a big library gets the same answers — including the one-line "damaged file" error —
whichever path decodes a record.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fancompanion.core.models import Episode, Mark, NewsItem, Show, ShowSummary
from fancompanion.core.store.codec import _checked_from_doc, from_doc, from_docs, to_doc
from fancompanion.core.store.errors import CorruptFileError

PATH = Path("catalog/index.json")
CLASSES = (ShowSummary, Episode, NewsItem, Mark, Show)
SAMPLES: dict[type, Any] = {
    ShowSummary: ShowSummary(
        "tvmaze-1",
        "Daredevil",
        1,
        "tt1",
        "2015-04-10",
        None,
        "Ended",
        "Netflix",
        3,
        39,
        0,
        0,
        ("2030-01-01T00:00:00Z",),
        ("DD",),
        5,
    ),
    Episode: Episode("tvmaze-1", 1, 5, "World on Fire", 7, "2015-04-10", None, 60, "Matt."),
    NewsItem: NewsItem("n1", "feed", "Title", show_ids=("tvmaze-1",), has_text=True),
    Mark: Mark("S1E5", 1, 5, 7, 2, "a", "b"),
    Show: Show("tvmaze-1", "Daredevil", genres=("Drama",)),
}
ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=5),
    st.lists(st.one_of(st.text(max_size=3), st.integers(), st.booleans()), max_size=3),
    st.tuples(st.text(max_size=3)),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
)


def outcome(decode: Any, cls: type, doc: Any) -> tuple[str, Any]:
    try:
        return "ok", decode(cls, doc, PATH)
    except CorruptFileError as error:
        return "error", str(error)
    except TypeError as error:
        return "type error", str(error)


@pytest.mark.parametrize("cls", CLASSES)
def test_a_stored_record_reads_back_the_same(cls: type) -> None:
    doc = to_doc(SAMPLES[cls])
    assert from_doc(cls, doc, PATH) == SAMPLES[cls]


@settings(max_examples=400, deadline=None)
@given(
    cls=st.sampled_from(CLASSES),
    changes=st.dictionaries(
        st.sampled_from(
            [
                "id",
                "name",
                "season",
                "number",
                "pending",
                "show_ids",
                "has_text",
                "plays",
                "genres",
                "regular",
                "tvmaze_id",
                "key",
                "extra",
            ]
        ),
        ODD_VALUES,
        max_size=3,
    ),
    drop=st.sets(st.sampled_from(["id", "name", "season", "key", "title", "regular", "feed"])),
)
def test_damaged_or_odd_records_get_the_same_answer_from_both_paths(
    cls: type, changes: dict[str, Any], drop: set[str]
) -> None:
    doc = to_doc(SAMPLES[cls])
    doc.update(changes)
    for key in drop:
        doc.pop(key, None)
    assert outcome(from_doc, cls, doc) == outcome(_checked_from_doc, cls, doc)


def test_a_record_that_is_not_an_object_is_reported_with_its_file() -> None:
    with pytest.raises(CorruptFileError, match=r"index\.json"):
        from_doc(ShowSummary, ["not", "a", "record"], PATH)


@pytest.mark.parametrize("cls", CLASSES)
def test_a_decoded_record_behaves_like_one_built_by_hand(cls: type) -> None:
    """The fast path fills slots directly; the record must still be frozen, equal and hashable."""
    built = SAMPLES[cls]
    decoded: object = from_doc(cls, to_doc(built), PATH)
    assert type(decoded) is cls
    assert repr(decoded) == repr(built)
    assert hash(decoded) == hash(built)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(decoded, dataclasses.fields(built)[0].name, "changed")


@settings(max_examples=200, deadline=None)
@given(
    cls=st.sampled_from(CLASSES),
    bad_at=st.one_of(st.none(), st.integers(0, 4)),
    value=ODD_VALUES,
)
def test_a_whole_table_decodes_as_its_records_do_one_by_one(
    cls: type, bad_at: int | None, value: Any
) -> None:
    """A long show's episodes are decoded in bulk; a damaged one is still reported the same."""
    docs = [to_doc(SAMPLES[cls]) for _ in range(5)]
    if bad_at is not None:
        docs[bad_at][dataclasses.fields(SAMPLES[cls])[0].name] = value

    def one_by_one(cls: type, docs: list[Any], path: Path) -> list[Any]:
        return [from_doc(cls, doc, path) for doc in docs]

    assert outcome(from_docs, cls, docs) == outcome(one_by_one, cls, docs)
