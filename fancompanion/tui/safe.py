"""Store text made safe for the terminal, at the last step before it is drawn.

Text is cleaned on its way into the store (:mod:`fancompanion.core.text`), but a store file can
be edited by hand or written by something hostile, and neither Rich nor Textual removes escape
sequences from what they draw (Rich strips only BEL, BS, VT, FF and CR). An ``ESC ] 52`` in a
show name would write the fan's clipboard; ``ESC [ 2J`` would wipe the screen. Every string the
TUI shows that came from the store goes through :func:`plain` (multi-line text) or :func:`line`
(names and titles, drawn on one row), or :func:`text` / :func:`content`, so no escape sequence
or control character ever reaches the terminal.

The usual value is clean, so one precompiled search decides; only a dirty value pays for
:func:`~fancompanion.core.text.strip_controls`.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.content import Content

from fancompanion.core.text import is_clean, strip_controls

# What makes a clean value unfit for one row: tab, newline and the other breaks.
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def plain(value: str) -> str:
    """``value`` without escape sequences or control characters (newlines and tabs kept)."""
    if is_clean(value):
        return value
    return strip_controls(value)


def line(value: str) -> str:
    """``value`` safe and on one row: line breaks and tabs become spaces (a newline inside a
    list row or a tree label would break the layout)."""
    value = plain(value)
    if _UNSAFE_LINE.search(value) is None:
        return value
    return " ".join(value.split())


def text(value: str, style: str = "", *, ellipsis: bool = False) -> Text:
    """A one-line Rich ``Text`` of store text: literal (no markup), no control characters;
    with ``ellipsis`` it ends in ``…`` where it is cut."""
    if ellipsis:
        return Text(line(value), style=style, overflow="ellipsis", no_wrap=True)
    return Text(line(value), style=style)


def content(value: str, style: str = "", *, multiline: bool = False) -> Content:
    """A Textual ``Content`` of store text: literal (no markup), no control characters; one
    line unless ``multiline``."""
    safe = plain(value) if multiline else line(value)
    return Content.styled(safe, style) if style else Content(safe)
