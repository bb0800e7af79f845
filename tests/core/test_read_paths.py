"""The quick read paths (decoded index kept per file version, one show's news) answer exactly
what the plain ones do, and never show a library older than what is on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from msgspec.structs import replace

from fancompanion.core.library import Library
from fancompanion.core.models import NewsItem, ShowRecord
from fancompanion.core.opening import open_store
from fancompanion.core.store import Store, files, tinyfile
from fancompanion.paths import bundle_dir

BUNDLE = bundle_dir()


def test_a_shows_news_is_the_same_list_as_filtering_all_news(library: Library) -> None:
    linked = {show for item in library.news() for show in item.show_ids}
    assert linked, "the bundled news links to shows"
    for summary in library.summaries():
        expected = [n for n in library.news() if summary.id in n.show_ids]
        assert library.news_for_show(summary.id) == expected
        assert (summary.id in linked) == bool(expected)


def test_a_show_added_by_another_process_appears_in_the_next_read(store: Store) -> None:
    before = store.catalog.summaries()
    record = store.catalog.record(before[0].id)
    assert record is not None
    other = Store(store.root)  # another process: its own catalog object, same files
    show = replace(
        record.show, id="show-copy", tvmaze_id=None, imdb_id=None, thetvdb_id=None
    )  # no id in common: another show
    other.catalog.put_shows([ShowRecord(show=replace(show, name="A Copy"))])
    names = {s.name for s in store.catalog.summaries()}
    assert "A Copy" in names
    assert len(names) == len(before) + 1


def test_changing_a_returned_list_does_not_change_the_library(store: Store) -> None:
    first = store.catalog.summaries()
    count = len(first)
    first.clear()
    assert len(store.catalog.summaries()) == count


def test_news_for_a_show_nobody_wrote_about_is_empty(store: Store) -> None:
    store.catalog.put_news([(NewsItem(id="x1", feed="f", title="Unrelated"), "")])
    assert Library(store).news_for_show("tvmaze-does-not-exist") == []


def test_a_show_added_between_reading_the_meta_and_the_list_is_listed(store: Store) -> None:
    record = store.catalog.record(store.catalog.summaries()[0].id)
    assert record is not None
    fresh = Store(store.root)  # a new start: meta first, then the list
    assert fresh.catalog.meta().get("bundle_version")
    show = replace(record.show, id="show-late", name="Late", tvmaze_id=None)
    Store(store.root).catalog.put_shows([ShowRecord(show=replace(show, imdb_id=None))])
    assert "Late" in {s.name for s in fresh.catalog.summaries()}


def _index_reads(monkeypatch: pytest.MonkeyPatch, index: Path) -> list[Path]:
    reads: list[Path] = []
    plain = files.read_bytes

    def counted(path: Path) -> bytes | None:
        if path == index:
            reads.append(path)
        return plain(path)

    monkeypatch.setattr(tinyfile, "read_bytes", counted)
    return reads


def test_a_command_that_names_a_show_reads_the_index_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected_meta = Store(store.root).catalog.meta()
    expected_names = Store(store.root).catalog.names()
    reads = _index_reads(monkeypatch, store.catalog.index_path)
    opened = open_store(store.root, BUNDLE, first=lambda s: s.catalog.names())
    assert opened.catalog.names() == expected_names
    assert opened.catalog.meta() == expected_meta  # the bundle check found nothing to merge
    assert len(reads) == 1


def test_the_app_reads_the_index_once_whole(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = Store(store.root).catalog.summaries()
    reads = _index_reads(monkeypatch, store.catalog.index_path)
    opened = open_store(store.root, BUNDLE, first=lambda s: s.catalog.index())
    assert opened.catalog.summaries() == expected
    assert len(reads) == 1


def test_names_read_before_a_new_library_is_seeded_are_read_again(tmp_path: Path) -> None:
    opened = open_store(tmp_path / "new", BUNDLE, first=lambda s: s.catalog.names())
    names = {n.name for n in opened.catalog.names()}
    assert names == {s.name for s in opened.catalog.summaries()}
    assert "Jessica Jones" in names


def test_names_follow_a_rename_by_another_process(store: Store) -> None:
    first = store.catalog.names()[0]
    record = store.catalog.record(first.id)
    assert record is not None
    Store(store.root).catalog.put_shows(
        [replace(record, show=replace(record.show, name="Renamed"))]
    )
    assert "Renamed" in {n.name for n in store.catalog.names()}
