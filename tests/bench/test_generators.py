"""The benchmark's synthetic stores load through the core with exactly the requested shape."""

from __future__ import annotations

from pathlib import Path

from bench.generate import ANCHOR_ID, BIG_ID, ensure_store, store_path
from bench.sizes import StoreSize
from fancompanion.core.library import Library
from fancompanion.core.store import Store

SMALL = StoreSize("test", 40, 1_500, 120, 60, True, 12, 400)


def test_a_generated_store_has_the_requested_shape(tmp_path: Path) -> None:
    data = ensure_store(tmp_path, SMALL, log=False)
    store = Store(data)
    summaries = store.catalog.summaries()
    assert len(summaries) == SMALL.shows
    assert sum(s.regular + s.specials for s in summaries) == SMALL.episodes
    assert len(store.catalog.people()) == SMALL.people
    news = store.catalog.news()
    assert len(news) == SMALL.news
    assert all(store.catalog.news_text(n.id) for n in news)
    assert len(store.user.shows_with_marks()) == SMALL.watched_shows
    assert len(store.user.statuses()) == SMALL.watched_shows
    assert len(store.user.feeds()) == 20


def test_the_anchor_and_the_big_show_are_there_for_the_figures(tmp_path: Path) -> None:
    library = Library(Store(ensure_store(tmp_path, SMALL, log=False)))
    anchor = library.show(ANCHOR_ID)
    assert anchor is not None
    assert (len(anchor.record.episodes), len(anchor.marks)) == (30, 15)
    big = library.show(BIG_ID)
    assert big is not None
    assert len(big.record.episodes) == SMALL.big_show_episodes


def test_the_same_seed_gives_the_same_store(tmp_path: Path) -> None:
    first = ensure_store(tmp_path / "a", SMALL, log=False)
    second = ensure_store(tmp_path / "b", SMALL, log=False)
    index = Path("catalog") / "index.json"
    assert (first / index).read_bytes() == (second / index).read_bytes()
    shows = sorted(p.name for p in (first / "catalog" / "shows").iterdir())
    assert shows == sorted(p.name for p in (second / "catalog" / "shows").iterdir())
    assert store_path(tmp_path, SMALL).name.startswith("v")
