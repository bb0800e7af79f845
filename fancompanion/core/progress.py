"""Progress, next episode to watch and to air: computed from marks and the catalog, never stored.

Only aired regular episodes count: specials and future episodes are shown but not counted.
A mark belongs to an episode by TVmaze episode id first, then by season and number, so an
episode renumbered upstream keeps its mark.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from fancompanion.core.models import Episode, Mark, Progress, ShowSummary
from fancompanion.core.timeutil import air_time, aired_by, has_aired


def aired_count(summary: ShowSummary, now: str) -> int:
    """Regular episodes of an index row aired at ``now``, without opening the show's file:
    the row's ``pending`` lists the air times not yet reached when it was written."""
    later = sum(1 for stamp in summary.pending if not aired_by(stamp, now))
    return summary.regular - summary.undated - later


def next_air_time(summary: ShowSummary, now: str) -> str | None:
    """The index row's next air time after ``now`` (None when nothing is announced)."""
    return next((stamp for stamp in summary.pending if not aired_by(stamp, now)), None)


class MarkIndex:
    def __init__(self, marks: Iterable[Mark]) -> None:
        self.marks = list(marks)
        self._by_tvmaze = {m.tvmaze_id: m for m in self.marks if m.tvmaze_id is not None}
        self._by_key = {m.key: m for m in self.marks}

    def __len__(self) -> int:
        return len(self.marks)

    def get(self, episode: Episode) -> Mark | None:
        if episode.tvmaze_id is not None:
            found = self._by_tvmaze.get(episode.tvmaze_id)
            if found is not None:
                return found
        found = self._by_key.get(episode.key)
        if found is None:
            return None
        if found.tvmaze_id is not None and episode.tvmaze_id is not None:
            return None  # that mark belongs to another (renumbered or removed) episode
        return found

    def watched(self, episode: Episode) -> bool:
        return self.get(episode) is not None


def mark_matches(mark: Mark, episode: Episode) -> bool:
    """The rule for "this mark is of this episode": TVmaze ids decide when both have one
    (a renumbered episode keeps its mark; another episode that now has the old key does not
    take it); otherwise the key (season and number, or the special's id)."""
    if episode.tvmaze_id is not None and mark.tvmaze_id is not None:
        return mark.tvmaze_id == episode.tvmaze_id
    return mark.key == episode.key


def mark_of(marks: Sequence[Mark], episode: Episode) -> int | None:
    """Where in ``marks`` the episode's mark is (by :func:`mark_matches`), or None."""
    by_key = None
    for index, mark in enumerate(marks):
        if episode.tvmaze_id is not None and mark.tvmaze_id == episode.tvmaze_id:
            return index
        if by_key is None and mark_matches(mark, episode):
            by_key = index
    return by_key


def same_mark(a: Mark, b: Mark) -> bool:
    """Two marks record the same episode (the rule of :func:`mark_matches`, mark to mark)."""
    if a.tvmaze_id is not None and b.tvmaze_id is not None:
        return a.tvmaze_id == b.tvmaze_id
    return a.key == b.key


def standing(
    episodes: Sequence[Episode], marks: MarkIndex, now: str
) -> tuple[Progress, Episode | None, Episode | None]:
    """:func:`progress`, :func:`next_to_watch` and :func:`next_to_air` in one pass.

    Opening a show asks for all three; a daily soap has 10,000 episodes, and each separate
    pass works out every air time again (three passes: ~12 ms; this one: a third of that).
    """
    result = Progress()
    per_season = result.per_season
    watched = marks.watched if len(marks) else None
    total = aired = seen_count = 0
    first_unseen: Episode | None = None  # over all aired regular episodes
    unseen_after_last: Episode | None = None  # after the last one watched
    soonest: Episode | None = None
    soonest_stamp = ""
    for episode in episodes:
        stamp = air_time(episode)
        if not aired_by(stamp, now):
            if stamp is not None and (soonest is None or stamp < soonest_stamp):
                soonest, soonest_stamp = episode, stamp
            total += episode.number is not None
            continue
        if episode.number is None:
            continue
        total += 1
        seen = watched is not None and watched(episode)
        season_watched, season_aired = per_season.get(episode.season, (0, 0))
        per_season[episode.season] = (season_watched + seen, season_aired + 1)
        aired += 1
        if seen:
            seen_count += 1
            unseen_after_last = None
        else:
            if first_unseen is None:
                first_unseen = episode
            if unseen_after_last is None:
                unseen_after_last = episode
    result.total, result.aired, result.watched = total, aired, seen_count
    return result, unseen_after_last or first_unseen, soonest


def unwatched_after(
    episodes: Sequence[Episode], marks: MarkIndex, episode: Episode, now: str, limit: int
) -> tuple[Episode, ...]:
    """The aired regular episodes after ``episode`` that are not watched, in order, at most
    ``limit``. With ``episode`` the next to watch (:func:`standing`), the next becomes the
    first of these once ``episode`` is marked, then the second, and so on; when none is left,
    the next is an earlier episode left out, or none."""
    out: list[Episode] = []
    start = next((i for i, e in enumerate(episodes) if e is episode), len(episodes))
    for later in episodes[start + 1 :]:
        if len(out) >= limit:
            break
        if later.number is not None and has_aired(later, now) and not marks.watched(later):
            out.append(later)
    return tuple(out)


def earlier_aired(episodes: Sequence[Episode], target: Episode, now: str) -> list[Episode]:
    """Aired regular episodes up to and including ``target`` (for "watched up to here")."""
    out = []
    for episode in episodes:
        if episode.number is not None and has_aired(episode, now):
            out.append(episode)
        if episode.key == target.key:
            break
    return out
