"""The digest reads only the shows that can have aired something since the fan last looked.

At start the app asks the digest about every show being watched (2,000 in the heavy bench
store): each show file it opens costs tens of milliseconds. The index row says when a show
can be skipped (see ``digest._may_have_aired``); these tests pin that nothing new is lost.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta

import pytest

from fancompanion.core.commands import SetStatus
from fancompanion.core.digest import digest
from fancompanion.core.library import Library
from fancompanion.core.models import Episode, NewsItem, Show, ShowRecord, WatchStatus
from fancompanion.core.store.catalog import Catalog
from fancompanion.core.timeutil import STORE_FORMAT


def at(hours: float) -> str:
    """Now plus ``hours``, in the store's form."""
    return (datetime.now(UTC) + timedelta(hours=hours)).strftime(STORE_FORMAT)


def watched_show(library: Library, show_id: str, *airstamps: str) -> None:
    """A show being watched, written now, with one regular episode per air time."""
    episodes = tuple(
        Episode(show_id, 1, n, f"Episode {n}", airstamp=stamp, airdate=stamp[:10])
        for n, stamp in enumerate(airstamps, 1)
    )
    library.store.catalog.put_shows([ShowRecord(Show(show_id, show_id.title()), (), episodes)])
    library.apply(SetStatus(show_id, WatchStatus.WATCHING))


def written_hours_ago(library: Library, show_id: str, hours: float) -> None:
    moment = time.time() - hours * 3600
    os.utime(library.store.catalog.show_path(show_id), (moment, moment))


def aired_shows(library: Library, since: str, now: str) -> dict[str, list[str]]:
    found = digest(library, since, now)
    return {a.show_id: [e.code for e in a.episodes] for a in found.aired}


def test_an_episode_that_was_still_to_air_when_its_show_was_written_is_found(
    library: Library,
) -> None:
    watched_show(library, "test-later", at(48))  # written before it airs: pending in the index
    written_hours_ago(library, "test-later", 24)
    assert aired_shows(library, at(24), at(72)) == {"test-later": ["S01E01"]}


def test_a_show_written_since_the_last_look_is_read_for_episodes_already_aired(
    library: Library,
) -> None:
    # a refresh after the episode aired: the index row no longer lists it as to come
    watched_show(library, "test-fresh", at(-1))
    assert aired_shows(library, at(-2), at(1)) == {"test-fresh": ["S01E01"]}


def test_a_show_with_nothing_in_the_window_is_not_opened(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    watched_show(library, "test-old", at(-100), at(500))  # one long aired, one far ahead
    written_hours_ago(library, "test-old", 48)
    opened: list[str] = []
    record = Catalog.record

    def counted(self: Catalog, show_id: str) -> ShowRecord | None:
        opened.append(show_id)
        return record(self, show_id)

    monkeypatch.setattr(Catalog, "record", counted)
    assert "test-old" not in aired_shows(library, at(-24), at(0))
    assert "test-old" not in opened
    # the same show, refreshed since the last look, is opened (and has nothing new)
    written_hours_ago(library, "test-old", 0)
    assert "test-old" not in aired_shows(library, at(-24), at(0))
    assert "test-old" in opened


def test_news_between_keeps_only_the_window_newest_first(library: Library) -> None:
    catalog = library.store.catalog
    items = [
        NewsItem(f"test-news-{n}", "https://example.org/feed", f"Item {n}", published=stamp)
        for n, stamp in enumerate((at(-50), at(-5), at(-3), at(5), None))
    ]
    catalog.put_news([(item, "") for item in items])
    assert [n.id for n in library.news_between(at(-24), at(0))] == ["test-news-2", "test-news-1"]
    assert library.news_between(at(-2), at(0)) == []
    catalog.news()  # once every item is decoded, the window is taken from them
    assert [n.id for n in library.news_between(at(-24), at(0))] == ["test-news-2", "test-news-1"]
