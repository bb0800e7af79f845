"""Progress, next episode to watch and to air: computed from marks and the catalog, never stored.

Only aired regular episodes count: specials and future episodes are shown but not counted.
A mark belongs to an episode by TVmaze episode id first, then by season and number, so an
episode renumbered upstream keeps its mark.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from fancompanion.core.models import Episode, Mark, Progress
from fancompanion.core.timeutil import air_time, has_aired


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


def progress(episodes: Sequence[Episode], marks: MarkIndex, now: str) -> Progress:
    result = Progress()
    for episode in episodes:
        if episode.number is None:
            continue
        result.total += 1
        if not has_aired(episode, now):
            continue
        seen = marks.watched(episode)
        watched, aired = result.per_season.get(episode.season, (0, 0))
        result.per_season[episode.season] = (watched + seen, aired + 1)
        result.aired += 1
        result.watched += seen
    return result


def next_to_watch(episodes: Sequence[Episode], marks: MarkIndex, now: str) -> Episode | None:
    """The first unwatched aired regular episode after the last one watched (else the first)."""
    regular = [e for e in episodes if e.number is not None and has_aired(e, now)]
    last_seen = max((i for i, e in enumerate(regular) if marks.watched(e)), default=-1)
    for episode in regular[last_seen + 1 :]:
        if not marks.watched(episode):
            return episode
    return next((e for e in regular if not marks.watched(e)), None)


def next_to_air(episodes: Sequence[Episode], now: str) -> Episode | None:
    future = [e for e in episodes if (stamp := air_time(e)) is not None and stamp > now]
    return min(future, key=lambda e: air_time(e) or "", default=None)


def earlier_aired(episodes: Sequence[Episode], target: Episode, now: str) -> list[Episode]:
    """Aired regular episodes up to and including ``target`` (for "watched up to here")."""
    out = []
    for episode in episodes:
        if episode.number is not None and has_aired(episode, now):
            out.append(episode)
        if episode.key == target.key:
            break
    return out
