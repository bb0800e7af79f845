"""The one door for untrusted text: HTML to plain text, control characters removed.

Everything from TVmaze, feeds, article pages, import files and the store passes through
:func:`clean_text` (multi-line) or :func:`clean_line` (titles, names) before it becomes a model
field. The result holds no terminal escape sequences, no C0/C1 controls (other than newlines in
multi-line text), no bidirectional overrides and no invisible zero-width characters, and is
capped in length so a hostile source cannot make one value huge.
"""

from __future__ import annotations

import re

MAX_LINE = 500  # a title or a name
MAX_TEXT = 200_000  # an article body

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other 2-byte ESC.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC (e.g. OSC 8 links, OSC 52 clipboard)
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]?"  # lone ESC or 2-byte sequence
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x9d[^\x07\x9c]*(?:\x07|\x9c)?"  # 8-bit OSC
)
# C0 (except \t \n), DEL, C1, bidi marks/embeddings/overrides/isolates, zero-width and BOM-like
# marks, and lone surrogates (JSON can spell them; they cannot be written as UTF-8).
# U+200D (zero-width joiner) is kept: emoji sequences need it.
# Invisible characters strip_controls removes: C0 but tab and newline, DEL, C1 (8-bit CSI/OSC),
# bidi controls, zero-width marks and lone surrogates. The one list; the TUI's check uses it.
_INVISIBLE_CHARS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b\u200c\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff"
)
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# Anything strip_controls would change: the invisible characters plus line/paragraph separators.
_UNSAFE = re.compile(f"[{_INVISIBLE_CHARS}\u2028\u2029]")
_LINE_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def is_clean(value: str) -> bool:
    """Would :func:`strip_controls` leave ``value`` as it is? (One precompiled search.)"""
    return _UNSAFE.search(value) is None


def strip_controls(value: str) -> str:
    """Remove escape sequences and invisible control characters; keep newlines and tabs."""
    value = _LINE_BREAKS.sub("\n", value)
    value = _ESCAPES.sub("", value)
    return _INVISIBLE.sub("", value)


def html_to_text(value: str) -> str:
    """Turn an HTML fragment into plain text: tags removed, entities decoded, scripts dropped."""
    if "<" not in value and "&" not in value:
        return value
    from fancompanion.core.html_text import plain_text  # the HTML parser, loaded for HTML only

    return plain_text(value)


def clean_text(value: object, *, limit: int = MAX_TEXT, is_html: bool = True) -> str:
    """Untrusted (possibly HTML) text to safe plain multi-line text."""
    if not isinstance(value, str) or not value:
        return ""
    if len(value) > limit * 4:  # bound the work before parsing
        value = value[: limit * 4]
    if is_html:
        value = html_to_text(value)
    value = strip_controls(value)
    lines = [_SPACES.sub(" ", line).strip() for line in value.split("\n")]
    text = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    return truncate(text, limit)


def clean_line(value: object, *, limit: int = MAX_LINE, is_html: bool = False) -> str:
    """Untrusted text to one safe line (names, titles)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value:
        return ""
    if len(value) > limit * 4:
        value = value[: limit * 4]
    if is_html:
        value = html_to_text(value)
    value = strip_controls(value)
    return truncate(_SPACES.sub(" ", value.replace("\n", " ")).strip(), limit)


def truncate(value: str, limit: int) -> str:
    if len(value) <= limit:
        return value
    return value[: limit - 1].rstrip() + "…"


def clean_url(value: object) -> str | None:
    """An http(s) URL as a plain string, or None for anything else."""
    if not isinstance(value, str):
        return None
    url = strip_controls(value).strip()
    if len(url) > 2048 or any(ch.isspace() for ch in url):
        return None
    lower = url.lower()
    if lower.startswith(("http://", "https://")):
        return url
    return None
