"""Small defensive converters for values read from import files (never trusted)."""

from __future__ import annotations

from datetime import datetime

from fancompanion.core.text import clean_line
from fancompanion.core.timeutil import to_store


def as_int(value: object) -> int | None:
    if type(value) is str and value.isdigit() and value.isascii():  # the usual case, fast
        return int(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def as_text(value: object, limit: int = 500) -> str:
    return clean_line(value, limit=limit)


def as_imdb(value: object) -> str | None:
    text = clean_line(value, limit=20).lower()
    return text if text.startswith("tt") and text[2:].isdigit() else None


def as_stamp(value: object) -> str:
    """Any ISO-8601 time to our ``YYYY-MM-DDTHH:MM:SSZ`` UTC form ("" when unreadable).

    A time without a zone is taken as UTC; a bare date becomes midnight UTC.
    """
    if isinstance(value, str) and len(value) == 19 and value[10] in " T" and value[16] == ":":
        try:  # the common ``YYYY-MM-DD HH:MM:SS`` (TV Time): checked, then only re-spelt
            naive = datetime.fromisoformat(value).tzinfo is None
        except ValueError:
            return ""
        if naive:
            return f"{value[:10]}T{value[11:]}Z"
    return to_store(clean_line(value, limit=40)) or ""
