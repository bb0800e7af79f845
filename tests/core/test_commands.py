"""Every change to the fan's history goes through one entrance, and each can be undone exactly."""

from __future__ import annotations

from pathlib import Path

from msgspec.structs import replace

from fancompanion.core.bundle import seed_if_needed
from fancompanion.core.commands import (
    ImportMarks,
    RemoveShow,
    Result,
    Rewatch,
    SetRead,
    SetSeason,
    SetStatus,
    Unwatch,
    Watch,
    WatchUpTo,
)
from fancompanion.core.library import Library, ShowView
from fancompanion.core.models import Mark, WatchStatus
from fancompanion.core.store import Store
from fancompanion.core.undo import UndoHistory
from fancompanion.paths import bundle_dir

JESSICA = "tvmaze-1370"
NOW = "2026-11-25T12:00:00Z"


def _view(library: Library, show_id: str = JESSICA) -> ShowView:
    view = library.show(show_id, NOW)
    assert view is not None
    return view


def _user_bytes(store: Store) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in store.user.files()}


def test_watch_marks_and_its_inverse_removes_the_mark(library: Library) -> None:
    view = _view(library)
    pilot = view.record.episodes[0]
    result = library.apply(Watch(JESSICA, (pilot,), at="2025-01-01T20:00:00Z"), NOW)
    assert result.changed == 1
    assert result.message == "Marked S01E01 watched"
    assert [m.key for m in library.store.user.marks(JESSICA)] == [pilot.key]
    assert result.inverse is not None
    library.apply(result.inverse, NOW)
    assert library.store.user.marks(JESSICA) == []


def test_an_unaired_episode_is_refused_and_nothing_is_written(library: Library) -> None:
    view = _view(library)
    future = replace(view.record.episodes[0], airstamp="2027-01-01T02:00:00Z")
    before = _user_bytes(library.store)
    result = library.apply(Watch(JESSICA, (future,)), NOW)
    assert result.changed == 0
    assert result.refused is not None
    assert "has not aired yet" in result.refused
    assert "only aired episodes can be marked" in result.message
    assert _user_bytes(library.store) == before


def test_undo_of_an_unmark_restores_plays_and_times_exactly(library: Library) -> None:
    view = _view(library)
    episode = view.record.episodes[2]
    history = UndoHistory(library)
    history.apply(Watch(JESSICA, (episode,), at="2024-05-01T20:00:00Z"))
    history.apply(Rewatch(JESSICA, episode, at="2024-06-01T20:00:00Z"))
    history.apply(Rewatch(JESSICA, episode, at="2025-07-04T01:30:00Z"))
    [before] = library.store.user.marks(JESSICA)
    assert (before.plays, before.first_at, before.last_at) == (
        3,
        "2024-05-01T20:00:00Z",
        "2025-07-04T01:30:00Z",
    )
    unmarked = history.apply(Unwatch(JESSICA, (episode,)))
    assert unmarked.message == "Unmarked S01E03"
    assert library.store.user.marks(JESSICA) == []
    undone = history.undo()
    assert undone is not None
    assert undone.message == "Undone: Unmarked S01E03"
    assert library.store.user.marks(JESSICA) == [before]
    redone = history.redo()
    assert redone is not None
    assert redone.message == "Redone: Unmarked S01E03"
    assert library.store.user.marks(JESSICA) == []


def test_a_season_unmark_is_one_undo_away(library: Library) -> None:
    view = _view(library)
    history = UndoHistory(library)
    history.apply(SetSeason(JESSICA, view.record.episodes, 1, True))
    history.apply(Rewatch(JESSICA, view.record.episodes[0], at="2026-01-01T00:00:00Z"))
    marked = library.store.user.marks(JESSICA)
    assert len(marked) == 13
    result = history.apply(SetSeason(JESSICA, view.record.episodes, 1, False))
    assert result.message == "Unmarked 13 episodes of season 1"
    assert library.store.user.marks(JESSICA) == []
    history.undo()
    assert sorted(library.store.user.marks(JESSICA), key=lambda m: m.key) == sorted(
        marked, key=lambda m: m.key
    )


def test_undo_walks_back_more_than_fifty_changes_across_kinds(library: Library) -> None:
    view = _view(library)
    history = UndoHistory(library)
    start = _user_bytes(library.store)
    episodes = [e for e in view.record.episodes if e.number is not None]
    for episode in episodes:  # 39 marks
        history.apply(Watch(JESSICA, (episode,)))
    for status in [WatchStatus.WATCHING, WatchStatus.ON_HOLD, WatchStatus.COMPLETED] * 4:
        history.apply(SetStatus(JESSICA, status))
    history.apply(SetRead(("jj-s2-announcement",), True))
    undone = 0
    while history.undo() is not None:
        undone += 1
    assert undone == len(episodes) + 12 + 1
    assert library.store.user.marks(JESSICA) == []
    assert library.store.user.statuses().get(JESSICA) is None
    assert library.store.user.read_ids() == set()
    assert set(_user_bytes(library.store)) >= set(start)


def test_undo_and_redo_name_what_the_change_was_about_and_run_on_the_given_clock(
    library: Library,
) -> None:
    view = _view(library)
    history = UndoHistory(library, clock=lambda: "2024-01-02T03:04:05Z")
    done = history.apply(Watch(JESSICA, (view.record.episodes[0],)), "Jessica Jones")
    assert (done.title, done.message) == ("Jessica Jones", "Marked S01E01 watched")
    [mark] = library.store.user.marks(JESSICA)
    assert mark.first_at == "2024-01-02T03:04:05Z"
    undone = history.undo()
    assert undone is not None
    assert (undone.title, undone.message) == ("Jessica Jones", "Undone: Marked S01E01 watched")
    redone = history.redo()
    assert redone is not None
    assert redone.title == "Jessica Jones"
    assert library.store.user.marks(JESSICA) == [mark]


def test_a_new_change_clears_redo(library: Library) -> None:
    view = _view(library)
    history = UndoHistory(library)
    history.apply(Watch(JESSICA, (view.record.episodes[0],)))
    history.undo()
    history.apply(Watch(JESSICA, (view.record.episodes[1],)))
    assert history.redo() is None


def test_up_to_here_counts_only_new_marks_and_skips_the_unaired(library: Library) -> None:
    view = _view(library)
    library.apply(Watch(JESSICA, (view.record.episodes[1],)), NOW)
    result = library.apply(WatchUpTo(JESSICA, view.record.episodes, view.record.episodes[4]), NOW)
    assert result.changed == 4
    assert result.message == "Marked 4 episodes up to S01E05 watched"
    one = library.apply(WatchUpTo(JESSICA, view.record.episodes, view.record.episodes[5]), NOW)
    assert one.message == "Marked 1 episode up to S01E06 watched"


def test_import_merges_by_the_one_rule_and_twice_is_once(library: Library) -> None:
    view = _view(library)
    episode = view.record.episodes[0]
    library.apply(Watch(JESSICA, (episode,), at="2024-03-01T00:00:00Z"), NOW)
    incoming = Mark(
        episode.key, 1, 1, episode.tvmaze_id, 3, "2023-01-01T00:00:00Z", "2024-01-01T00:00:00Z"
    )
    first = library.apply(ImportMarks(JESSICA, (incoming,)), NOW)
    assert first.changed == 1
    [merged] = library.store.user.marks(JESSICA)
    assert (merged.plays, merged.first_at, merged.last_at) == (
        3,
        "2023-01-01T00:00:00Z",
        "2024-03-01T00:00:00Z",
    )
    again = library.apply(ImportMarks(JESSICA, (incoming,)), NOW)
    assert again.changed == 0
    assert library.store.user.marks(JESSICA) == [merged]


def test_status_and_read_marks_undo(library: Library) -> None:
    history = UndoHistory(library)
    history.apply(SetStatus(JESSICA, WatchStatus.WATCHING))
    history.apply(SetStatus(JESSICA, WatchStatus.DROPPED))
    assert history.undo() is not None
    assert library.store.user.statuses()[JESSICA] is WatchStatus.WATCHING
    history.apply(SetRead(("a", "b"), True))
    result = history.apply(SetRead(("a", "b", "c"), True))
    assert result.changed == 1  # only "c" was unread
    assert result.message == "Marked 1 news item read"
    history.undo()
    assert library.store.user.read_ids() == {"a", "b"}


def test_observers_hear_every_change_that_changed_something(library: Library) -> None:
    heard: list[Result] = []
    library.observers.append(heard.append)
    view = _view(library)
    library.apply(Watch(JESSICA, (view.record.episodes[0],)), NOW)
    library.apply(Watch(JESSICA, (view.record.episodes[0],)), NOW)  # already watched
    library.apply(SetStatus(JESSICA, WatchStatus.WATCHING), NOW)
    assert [r.message for r in heard] == ["Marked S01E01 watched", "Status: Watching"]
    assert heard[0].after
    assert not heard[0].before


def test_removing_a_show_takes_its_marks_and_status_and_a_new_bundle_keeps_it_out(
    store: Store, library: Library
) -> None:
    view = _view(library)
    library.apply(Watch(JESSICA, view.record.episodes[:3]), NOW)
    library.apply(SetStatus(JESSICA, WatchStatus.WATCHING), NOW)
    result = library.apply(RemoveShow(JESSICA), NOW)
    assert result.message == "Removed Jessica Jones (3 marks)"
    assert JESSICA not in {s.id for s in library.summaries()}
    assert store.user.marks(JESSICA) == []
    assert JESSICA not in store.user.statuses()
    assert JESSICA not in {
        show for e in store.catalog.people().values() for show, _, _ in e.credits
    }
    store.catalog.set_meta(bundle_version=0)  # as if the bundle on disk were newer
    seed_if_needed(store, bundle_dir())
    assert JESSICA not in {s.id for s in library.summaries()}
    again = library.apply(RemoveShow(JESSICA), NOW)
    assert again.refused == "not in the library"
