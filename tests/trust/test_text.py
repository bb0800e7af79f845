"""``core/text.py``, the one door for untrusted text: what comes out is safe to print."""

from __future__ import annotations

import json

import orjson
import pytest

from fancompanion.core.text import (
    MAX_LINE,
    clean_line,
    clean_text,
    clean_url,
    html_to_text,
    strip_controls,
    truncate,
)
from tests.trust import hostile


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (hostile.CSI, "clearscreen red"),
        (hostile.OSC8, "click me"),
        (hostile.OSC52, "copythis"),
        (hostile.CARRIAGE, "honest EVIL"),
        (hostile.BACKSPACE, "abcXYZ"),
        (hostile.NUL, "nulbyte"),
        (hostile.C1, "c1csi nel end"),
        (hostile.BIDI, "evil and isolated"),
        (hostile.ZERO_WIDTH, "zerowidthjoin"),
        (hostile.MARKUP, hostile.MARKUP),
        (hostile.WIDE, hostile.WIDE),
        ("tab\tand\u00a0spaces   here", "tab and spaces here"),
        ("dcs \x1bPq#0;2;0;0;0#1~~\x1b\\ end", "dcs end"),
        ("apc \x1b_Gf=100;AAAA\x1b\\ end", "apc end"),  # kitty graphics
        ("lone escape at the end \x1b", "lone escape at the end"),
        ("unfinished \x1b[31", "unfinished [31"),
        ("unterminated osc \x1b]52;c;aGk=", "unterminated osc"),
        ("line\u2028separator\u2029paragraph", "line separator paragraph"),
        ("arabic\u061cmark mongolian\u180evowel", "arabicmark mongolianvowel"),
    ],
)
def test_one_line_values_are_printable_as_they_are(raw: str, shown: str) -> None:
    cleaned = clean_line(raw)
    assert cleaned == shown
    assert hostile.forbidden_in(cleaned) == set()


def test_a_lone_surrogate_from_json_cannot_break_the_store() -> None:
    name = json.loads('"Broken \\ud800 name"')
    cleaned = clean_line(name)
    assert cleaned == "Broken name"
    assert orjson.loads(orjson.dumps(cleaned)) == cleaned


def test_html_becomes_text_with_paragraphs_and_without_scripts() -> None:
    text = clean_text(
        "<script>alert('x')</script><style>p{}</style><h1>Title</h1>"
        "<p>One &amp; two &lt;b&gt;</p><ul><li>first</li><li>second</li></ul>"
        "<iframe src='https://evil.example'>frame</iframe><p>End</p>"
    )
    assert text == "Title\n\nOne & two <b>\n\n• first\n\n• second\n\nEnd"


def test_unbalanced_and_broken_html_never_raises() -> None:
    assert clean_text("<p>unclosed <b>bold <i>") == "unclosed bold"
    assert clean_text("</p></div></script>text") == "text"
    assert clean_text("a < b and c > d") == "a < b and c > d"
    assert html_to_text("<!-- comment --><![CDATA[x]]>ok").endswith("ok")


def test_escapes_spelled_as_entities_are_not_revived() -> None:
    cleaned = clean_text("<p>&#x1b;[2J &#27;]52;c;aGk=&#7; &#x9b;2J</p>")
    assert hostile.forbidden_in(cleaned) == set()


def test_multi_line_text_keeps_newlines_and_nothing_else() -> None:
    text = clean_text("first\r\nsecond\rthird\n\n\n\n\nfourth\x1b[2J", is_html=False)
    assert text == "first\nsecond\nthird\n\nfourth"


def test_huge_values_are_capped_and_marked() -> None:
    assert len(clean_line(hostile.LONG_TITLE)) == MAX_LINE
    assert clean_line(hostile.LONG_TITLE).endswith("…")
    text = clean_text(hostile.HUGE, limit=20_000)
    assert len(text) == 20_000
    assert text.endswith("…")
    assert truncate("short", 10) == "short"


def test_non_text_values_become_empty_or_their_digits() -> None:
    assert clean_line(None) == ""
    assert clean_line(["list"]) == ""
    assert clean_line(True) == ""
    assert clean_line(42) == "42"
    assert clean_text({"a": 1}) == ""


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        ("https://example.org/a?b=c", "https://example.org/a?b=c"),
        ("HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("data:text/html,<script>", None),
        ("https://exa mple.org", None),
        ("https://example.org/\x1b]8;;x\x07", "https://example.org/"),
        ("https://example.org/" + "a" * 3000, None),
        (42, None),
    ],
)
def test_only_plain_web_links_are_links(raw: object, url: str | None) -> None:
    assert clean_url(raw) == url


def test_stripping_twice_changes_nothing() -> None:
    for value in hostile.NAMED.values():
        once = strip_controls(value)
        assert strip_controls(once) == once
