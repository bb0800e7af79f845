"""Time in the store is UTC ISO-8601 (``YYYY-MM-DDTHH:MM:SSZ``); local time is for screens only."""

from __future__ import annotations

from datetime import UTC, datetime

from fancompanion.core.models import Episode


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def air_time(episode: Episode) -> str | None:
    """When the episode airs: its airstamp, else the start (UTC) of its airdate, else None."""
    if episode.airstamp:
        return episode.airstamp
    if episode.airdate:
        return f"{episode.airdate}T00:00:00Z"
    return None


def has_aired(episode: Episode, now: str) -> bool:
    stamp = air_time(episode)
    return stamp is not None and stamp <= now


def local_display(stamp: str | None, *, with_time: bool = False) -> str:
    """A stored UTC stamp as the user's local date (and time)."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp[:10]
    local = moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M") if with_time else local.strftime("%Y-%m-%d")
