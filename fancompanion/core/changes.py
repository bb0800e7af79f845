"""What a refresh changed about a show, in words a fan reads in the digest.

When the catalog stores a show it already had (:meth:`Catalog.put_shows`), it compares the old
record with the new one here and keeps the differences in a change log
(``catalog/changes.json``): new seasons, new episodes announced, air dates moved, and the
show's status (ended, renewed, ...). Only catalog facts: the fan's history is never read.
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from fancompanion.core.models import Episode, ShowRecord

SEASON = "season"  # a new season appeared
EPISODES = "episodes"  # new episodes in a season already known
DATE = "date"  # an episode's air date moved
STATUS = "status"  # the show's status changed: ended, renewed, ...

KEEP = 2000  # the log keeps this many latest changes
MAX_LISTED = 4  # episode codes named in one line before "and N more"


class ShowChange(msgspec.Struct, frozen=True):
    """One change to one show. ``episode`` is the key of the episode it is about ("" for the
    show or a season), ``season`` the season it is about (0 for the show)."""

    at: str  # when the refresh stored it (UTC ISO)
    show_id: str
    show_name: str
    kind: str
    text: str
    season: int = 0
    episode: str = ""


def diff(old: ShowRecord, new: ShowRecord, at: str) -> list[ShowChange]:
    """The changes from ``old`` to ``new`` (the same show), oldest kind of news first."""
    show = new.show
    out: list[ShowChange] = []

    def add(kind: str, text: str, season: int = 0, episode: str = "") -> None:
        out.append(ShowChange(at, show.id, show.name, kind, text, season, episode))

    if (old.show.status or "") != (show.status or "") and show.status:
        add(STATUS, _status_text(old.show.status, show.status))
    before = {_identity(e): e for e in old.episodes}
    old_seasons = {e.season for e in old.episodes} | {s.number for s in old.seasons}
    added: dict[int, list[Episode]] = {}
    for episode in new.episodes:
        previous = before.get(_identity(episode))
        if previous is None:
            added.setdefault(episode.season, []).append(episode)
        elif previous.airdate and episode.airdate and previous.airdate != episode.airdate:
            moved = f"moved from {previous.airdate} to {episode.airdate}"
            add(DATE, f"{_named(episode)} {moved}", episode.season, episode.key)
        elif not previous.airdate and episode.airdate:
            dated = f"dated: airs {episode.airdate}"
            add(DATE, f"{_named(episode)} {dated}", episode.season, episode.key)
    new_seasons = {s.number for s in new.seasons if s.number} - old_seasons
    for season in sorted(set(added) | new_seasons):
        episodes = added.get(season, [])
        if season not in old_seasons:
            add(SEASON, _season_text(season, episodes), season)
        elif episodes:
            add(EPISODES, _episodes_text(episodes), season, episodes[0].key)
    return out


def _named(episode: Episode) -> str:
    return f"{episode.code} ({episode.name})" if episode.name else episode.code


def _identity(episode: Episode) -> str:
    return f"t{episode.tvmaze_id}" if episode.tvmaze_id is not None else episode.key


def _status_text(old: str | None, new: str) -> str:
    if new == "Ended":
        return "has ended (or was cancelled)"
    if new == "Running" and old in ("Ended", "To Be Determined"):
        return "was renewed: running again"
    if new == "To Be Determined":
        return "is waiting to be renewed or cancelled"
    return f"status: {old or 'unknown'} → {new}"


def _dates(episodes: Sequence[Episode]) -> str:
    days = sorted(e.airdate for e in episodes if e.airdate)
    if not days:
        return "no dates yet"
    return f"from {days[0]}" if days[0] != days[-1] else f"on {days[0]}"


def _season_text(season: int, episodes: Sequence[Episode]) -> str:
    if not episodes:
        return f"Season {season} announced"
    count = sum(1 for e in episodes if e.number is not None) or len(episodes)
    plural = "s" if count != 1 else ""
    return f"Season {season} announced: {count} episode{plural}, {_dates(episodes)}"


def _episodes_text(episodes: Sequence[Episode]) -> str:
    codes = [e.code for e in episodes[:MAX_LISTED]]
    more = len(episodes) - len(codes)
    listed = ", ".join(codes) + (f" and {more} more" if more else "")
    plural = "s" if len(episodes) != 1 else ""
    return f"{len(episodes)} new episode{plural} announced: {listed} ({_dates(episodes)})"
