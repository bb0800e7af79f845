"""``shows`` asks for every show's watched figure at once: the marks folder is listed once and
only shows with a marks file are read; the figures are exactly the one-show rule's."""

from __future__ import annotations

from fancompanion.core.commands import Watch
from fancompanion.core.library import Library


def test_many_figures_at_once_are_each_shows_own(library: Library) -> None:
    summaries = library.summaries()
    for summary in summaries[:3]:
        view = library.show(summary.id)
        assert view is not None
        library.apply(Watch(summary.id, view.record.episodes[:2]))
    counts = library.watched_counts(summaries)
    assert counts == [library.watched_count(s) for s in summaries]
    assert sum(1 for c in counts if c) == 3


def test_no_marks_folder_means_nothing_watched(library: Library) -> None:
    assert not library.store.user.watched_dir.exists() or not any(
        library.store.user.watched_dir.iterdir()
    )
    assert set(library.watched_counts(library.summaries())) == {0}
