"""Small defensive converters for values read from import files (never trusted)."""

from __future__ import annotations

from datetime import UTC, datetime

from fancompanion.core.text import clean_line


def as_int(value: object) -> int | None:
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
    text = clean_line(value, limit=40)
    if not text:
        return ""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
