"""An iCalendar (RFC 5545) file of upcoming episodes, written by hand (no dependency).

Calendar apps that subscribe to the file update events instead of duplicating them because every
event's ``UID`` depends only on the show and the episode. An episode with an airstamp becomes a
timed event in UTC (``DTSTART:20261201T020000Z``); one with only an airdate becomes an all-day
event (``DTSTART;VALUE=DATE:20261201``). Lines end in CRLF, text is escaped (RFC 5545 §3.3.11)
and lines longer than 75 octets are folded (§3.1) without splitting a UTF-8 character.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from fancompanion.core.library import Airing
from fancompanion.core.timeutil import now_iso, parse_utc

PRODID = "-//FanCompanion//Upcoming episodes//EN"
UID_DOMAIN = "fancompanion.local"
LIMIT = 75  # octets per line, CRLF excluded


def escape_text(value: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma and newlines."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into 75-octet pieces joined by CRLF + space (never mid-character)."""
    pieces: list[str] = []
    current = ""
    size = 0
    budget = LIMIT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > budget:
            pieces.append(current)
            current, size = "", 0
            budget = LIMIT - 1  # continuation lines start with one space
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def uid(airing: Airing) -> str:
    """Stable across exports: the show id and the episode's key (or TVmaze id for specials)."""
    return f"{airing.show_id}-{airing.episode.key}@{UID_DOMAIN}"


def _utc(stamp: str) -> str:
    """``2026-12-01T02:00:00Z`` (or with an offset) -> ``20261201T020000Z``."""
    moment = parse_utc(stamp)
    if moment is None:
        raise ValueError(f"not a time: {stamp!r}")
    return moment.strftime("%Y%m%dT%H%M%SZ")


def summary_text(airing: Airing) -> str:
    episode = airing.episode
    title = f"{airing.show_name} {episode.code}"
    return f"{title} – {episode.name}" if episode.name else title


def event_lines(airing: Airing, stamp: str, default_runtime: int | None = None) -> list[str]:
    episode = airing.episode
    lines = ["BEGIN:VEVENT", f"UID:{uid(airing)}", f"DTSTAMP:{stamp}"]
    if episode.airstamp:
        lines.append(f"DTSTART:{_utc(episode.airstamp)}")
        minutes = episode.runtime or default_runtime
        if minutes:
            lines.append(f"DURATION:PT{minutes}M")
    else:
        day = date.fromisoformat((episode.airdate or airing.stamp)[:10])
        lines.append(f"DTSTART;VALUE=DATE:{day:%Y%m%d}")
        lines.append(f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}")
    lines.append(f"SUMMARY:{escape_text(summary_text(airing))}")
    if episode.summary:
        lines.append(f"DESCRIPTION:{escape_text(episode.summary)}")
    lines.append("TRANSP:TRANSPARENT")
    lines.append("END:VEVENT")
    return lines


def to_ics(
    airings: Sequence[Airing],
    *,
    now: str | None = None,
    runtimes: dict[str, int] | None = None,
    name: str = "FanCompanion: upcoming episodes",
) -> str:
    """The whole calendar; ``runtimes`` gives each show's runtime when an episode has none."""
    stamp = _utc(now or now_iso())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for airing in airings:
        lines.extend(event_lines(airing, stamp, (runtimes or {}).get(airing.show_id)))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
