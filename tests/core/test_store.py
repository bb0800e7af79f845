"""The store keeps what it is given, and a catalog refresh never touches the fan's history."""

from __future__ import annotations

from pathlib import Path

from msgspec.structs import replace

from fancompanion.core.library import Library
from fancompanion.core.models import Feed, Mark, NewsItem, WatchStatus
from fancompanion.core.store import Store
from tests.marks import watch


def _user_bytes(store: Store) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in store.user.files()}


def test_everything_written_reads_back_from_a_new_store_object(store: Store) -> None:
    library = Library(store)
    jessica = next(s for s in library.summaries() if s.name == "Jessica Jones")
    view = library.show(jessica.id)
    assert view is not None
    first, second = view.record.episodes[0], view.record.episodes[1]
    watch(store, jessica.id, [first, second], at="2024-01-02T03:04:05Z")
    watch(store, jessica.id, [first], rewatch=True, at="2024-02-01T00:00:00Z")
    store.user.set_status(jessica.id, WatchStatus.WATCHING, at="2024-01-02T03:04:05Z")
    store.user.set_read(["n1", "n2"], at="2024-01-03T00:00:00Z")
    store.user.put_feed(Feed(url="https://example.org/feed", title="Example", enabled=True))
    store.user.set_setting("theme", "dark")
    store.catalog.put_news([(NewsItem(id="n9", feed="f", title="A title"), "Body text")])

    again = Store(store.root)
    marks = {m.key: m for m in again.user.marks(jessica.id)}
    assert marks[first.key] == Mark(
        key=first.key,
        season=first.season,
        number=first.number,
        tvmaze_id=first.tvmaze_id,
        plays=2,
        first_at="2024-01-02T03:04:05Z",
        last_at="2024-02-01T00:00:00Z",
    )
    assert marks[second.key].plays == 1
    assert again.user.statuses() == {jessica.id: WatchStatus.WATCHING}
    assert again.user.read_ids() == {"n1", "n2"}
    assert again.user.feeds()[-1] == Feed(url="https://example.org/feed", title="Example")
    assert again.user.settings()["theme"] == "dark"
    assert again.catalog.news_text("n9") == "Body text"
    assert again.catalog.record(jessica.id) == view.record


def test_a_catalog_refresh_leaves_user_state_byte_for_byte(store: Store) -> None:
    library = Library(store)
    summary = library.summaries()[0]
    view = library.show(summary.id)
    assert view is not None
    watch(store, summary.id, view.record.episodes[:3])
    store.user.set_status(summary.id, WatchStatus.WATCHING)
    before = _user_bytes(store)

    renamed = replace(view.record.show, name=view.record.show.name + " (refreshed)")
    episodes = view.record.episodes[1:]  # upstream dropped the first episode
    store.catalog.put_shows([replace(view.record, show=renamed, episodes=episodes)])

    assert _user_bytes(store) == before
    refreshed = library.show(summary.id)
    assert refreshed is not None
    assert refreshed.record.show.name.endswith("(refreshed)")
    assert len(store.user.marks(summary.id)) == 3  # the mark of the dropped episode is kept


def test_marking_an_episode_writes_only_that_shows_marks_file(store: Store) -> None:
    library = Library(store)
    summary = library.summaries()[0]
    view = library.show(summary.id)
    assert view is not None
    catalog_before = {p: p.stat().st_mtime_ns for p in store.catalog.root.rglob("*.json")}
    user_before = _user_bytes(store)
    library.toggle_watched(view, view.record.episodes[0])
    catalog_after = {p: p.stat().st_mtime_ns for p in store.catalog.root.rglob("*.json")}
    assert catalog_after == catalog_before
    changed = {p for p, data in _user_bytes(store).items() if user_before.get(p) != data}
    assert changed == {store.user.marks_path(summary.id)}
