"""Time in the store is UTC ISO-8601 (``YYYY-MM-DDTHH:MM:SSZ``); local time is for screens only."""

from __future__ import annotations

from datetime import UTC, datetime

from fancompanion.core.models import Episode

STORE_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def now_iso() -> str:
    return datetime.now(UTC).strftime(STORE_FORMAT)


def parse_utc(value: object) -> datetime | None:
    """An ISO-8601 time (``Z``, an offset, or none = UTC; ``T`` or a space) as an aware UTC
    datetime, or None when it is not one (or cannot be moved to UTC)."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # year 1 or 9999 pushed past the calendar by its offset
        return None


def to_store(value: object) -> str | None:
    """Any ISO-8601 time in the store's form ``YYYY-MM-DDTHH:MM:SSZ`` (UTC), or None."""
    moment = parse_utc(value)
    return moment.strftime(STORE_FORMAT) if moment is not None else None


def air_time(episode: Episode) -> str | None:
    """When the episode airs: its airstamp, else the start (UTC) of its airdate, else None."""
    if episode.airstamp:
        return episode.airstamp
    if episode.airdate:
        return f"{episode.airdate}T00:00:00Z"
    return None


def aired_by(stamp: str | None, now: str) -> bool:
    """The one rule of "aired": an air time (see :func:`air_time`) at or before ``now``; no
    air time at all has not aired."""
    return stamp is not None and stamp <= now


def has_aired(episode: Episode, now: str) -> bool:
    return aired_by(air_time(episode), now)


def local_display(stamp: str | None, *, with_time: bool = False) -> str:
    """A stored UTC stamp as the user's local date (and time); a bare date stays that date.

    The one way to show a news item's ``published`` (which may be only a date): a date has no
    time of day to move across time zones, and inventing midnight would be a lie.
    """
    if not stamp:
        return ""
    if len(stamp) == 10:  # YYYY-MM-DD
        return stamp
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp[:10]
    local = moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M") if with_time else local.strftime("%Y-%m-%d")
