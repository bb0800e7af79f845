"""Pure edits of one show's marks: what each history change does to the list of marks.

No files and no clock: :mod:`fancompanion.core.commands` reads the marks under the lock, hands
them to one of these and writes what comes back. Which mark is an episode's is
:func:`fancompanion.core.progress.mark_of` / :func:`~fancompanion.core.progress.same_mark`;
how two marks of one episode merge is :meth:`fancompanion.core.models.Mark.merged`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from fancompanion.core.models import Episode, Mark
from fancompanion.core.progress import mark_of, same_mark


def touched(removed: Sequence[Mark], added: Sequence[Mark]) -> int:
    """How many episodes an edit touched (a mark replaced by its new self counts once)."""
    episodes = list(removed)
    episodes.extend(m for m in added if not any(same_mark(m, r) for r in removed))
    return len(episodes)


def watch(
    marks: list[Mark], episodes: Iterable[Episode], at: str, again: bool = False
) -> list[Mark]:
    """Mark these episodes watched at ``at``; ``again`` adds a play to those already marked."""
    out = list(marks)
    for episode in episodes:
        index = mark_of(out, episode)
        if index is None:
            out.append(Mark.first(episode, at))
        elif again:
            out[index] = out[index].played_again(at)
    return out


def unwatch(marks: list[Mark], episodes: Sequence[Episode]) -> list[Mark]:
    """Drop these episodes' marks (all their plays)."""
    gone = {i for e in episodes if (i := mark_of(marks, e)) is not None}
    return [m for i, m in enumerate(marks) if i not in gone]


def merge_in(marks: list[Mark], incoming: Iterable[Mark]) -> list[Mark]:
    """Add marks from elsewhere (an import): an episode already marked merges, never doubles."""
    out = list(marks)
    for mark in incoming:
        index = next((i for i, m in enumerate(out) if same_mark(m, mark)), None)
        if index is None:
            out.append(mark)
        else:
            out[index] = out[index].merged(mark)
    return out


def restore(marks: list[Mark], remove: Sequence[Mark], put: Sequence[Mark]) -> list[Mark]:
    """Undo an edit exactly: drop what it added, put back what it removed (plays and times)."""
    kept = [m for m in marks if not any(same_mark(m, r) for r in (*remove, *put))]
    return kept + list(put)
