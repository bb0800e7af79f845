"""How an episode is written on screen (shared by the overview and the seasons tab)."""

from __future__ import annotations

from fancompanion.core.models import Episode
from fancompanion.core.timeutil import local_display
from fancompanion.tui.safe import line


def episode_title(episode: Episode) -> str:
    return line(episode.name) or "(untitled)"


def air_date(episode: Episode) -> str:
    """The local air date; a bare airdate is already a calendar day and is shown as is
    (converting its midnight UTC would move it a day back west of Greenwich)."""
    if episode.airstamp:
        return line(local_display(episode.airstamp))
    return line(episode.airdate or "") or "date unknown"
