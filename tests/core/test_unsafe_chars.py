"""One list of unsafe characters: the TUI's quick check agrees with what the core strips."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fancompanion.core.text import is_clean, strip_controls
from fancompanion.tui.safe import line, plain

TRICKY = st.text(
    alphabet=st.one_of(
        st.characters(max_codepoint=0x20),
        st.characters(min_codepoint=0x7F, max_codepoint=0x9F),
        st.sampled_from("\u061c\u180e\u200b\u200e\u2028\u2029\u202e\u2066\ufeff\ufffa\x1b[]52;"),
        st.characters(),
    ),
    max_size=40,
)


@given(TRICKY)
def test_is_clean_means_strip_controls_would_change_nothing(value: str) -> None:
    assert is_clean(value) == (strip_controls(value) == value)


@given(TRICKY)
def test_the_tui_draws_exactly_what_the_core_would_keep(value: str) -> None:
    assert plain(value) == strip_controls(value)
    assert is_clean(line(value).replace("\t", " "))
