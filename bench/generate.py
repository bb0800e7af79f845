"""Deterministic synthetic stores, written through the core's own write path.

Every file is written by :class:`Catalog` (``put_shows`` in batches, ``put_news``) and
:class:`UserState` (``watch``, ``set_status``, ``put_feed``), so the format is exactly the one the
app reads. Only ``fsync`` is skipped while generating (a throwaway cache needs no crash safety;
one ``os.sync()`` at the end flushes it), which makes the heavy store minutes faster.

Two shows are the same in every store: the *anchor* show (3 seasons of 10 episodes, 15 watched),
whose marks file the "mark one episode" figure rewrites, and — when the size asks for it — a
daily soap with ``big_show_episodes`` episodes.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from bench.sizes import StoreSize
from fancompanion.core.bundle import peek_version
from fancompanion.core.commands import Watch, apply
from fancompanion.core.models import (
    Credit,
    Episode,
    Feed,
    NewsItem,
    Person,
    Season,
    Show,
    ShowRecord,
    WatchStatus,
)
from fancompanion.core.store import Store
from fancompanion.paths import bundle_dir

GENERATOR_VERSION = 1
ANCHOR_ID = "tvmaze-900000"
BIG_ID = "tvmaze-900001"
FEED_COUNT = 20
REFERENCE_DAY = date(2026, 11, 1)  # a fixed "today" so the stores do not depend on the clock
MARKED_AT = "2026-10-01T20:00:00Z"
BATCH = 500

_WORDS_TEXT = (
    "harbor silent river crown shadow iron glass winter summer empire night city garden "
    "station signal orchard ember thunder valley midnight falcon copper lantern harvest "
    "frontier paper north south desert island mirror velvet atlas beacon canyon cipher "
    "dynasty echo fable granite horizon ivory jade kingdom legacy marble nomad oracle "
    "paradox quarry rebel saga tempest union vertigo willow zenith anchor bishop circuit "
    "delta eclipse fortune gambit haven inferno jury karma labyrinth mercy nexus outlaw "
    "phoenix quest rogue sentinel tribune utopia vendetta warden yonder zephyr detective "
    "doctor lawyer family secret return promise second chance last first lost found "
    "brother sister mother father office hospital precinct academy kitchen ranch"
)
_FIRST_TEXT = (
    "Ada Ben Cara Dev Eli Faye Gus Hana Ivan Jade Kai Lena Milo Nia Omar Pia Quinn Rosa Sam "
    "Tess Uma Vik Wren Xan Yara Zed Alba Bruno Cleo Dario Edda Fritz Greta Hugo Iris Jonas"
)
_LAST_TEXT = (
    "Abbott Baker Castro Duarte Ellis Ferris Garcia Hughes Ito Jensen Kowalski Lindqvist "
    "Moreau Novak Okafor Petrov Quintero Rossi Sato Tanaka Ueda Varga Weber Xu Yilmaz Zhou"
)
WORDS = tuple(_WORDS_TEXT.split())
FIRST = tuple(_FIRST_TEXT.split())
LAST = tuple(_LAST_TEXT.split())
NETWORKS = ("HBO", "Netflix", "BBC One", "NBC", "ABC", "Prime Video", "Hulu", "AMC", "FX")


def store_path(cache: Path, size: StoreSize) -> Path:
    """Where ``size``'s store is cached; the key changes with the generator and the bundle."""
    return cache / f"v{GENERATOR_VERSION}-b{peek_version(bundle_dir())}-{size.key}"


def ensure_store(cache: Path, size: StoreSize, log: bool = True) -> Path:
    """The cached store for ``size``, generated first when missing or incomplete."""
    root = store_path(cache, size)
    done = root / "bench-complete"
    if done.exists():
        return root / "data"
    if root.exists():
        shutil.rmtree(root)
    if log:
        print(f"generating the {size.name} store ({size.key}) ...", flush=True)
    generate(root / "data", size)
    done.write_text(size.key + "\n", encoding="utf-8")
    return root / "data"


@contextlib.contextmanager
def _no_fsync() -> Iterator[None]:
    real = os.fsync
    os.fsync = lambda fd: None
    try:
        yield
    finally:
        os.fsync = real
        os.sync()


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choices(WORDS, k=n))


def generate(data: Path, size: StoreSize) -> None:
    """Write a complete store of exactly ``size``'s shape under ``data``."""
    rng = random.Random(size.seed)
    store = Store(data)
    with _no_fsync():
        store.catalog.set_meta(bundle_version=peek_version(bundle_dir()), bench=size.key)
        counts = _episode_counts(rng, size)
        cast = _cast(rng, size)
        records = []
        for index in range(size.shows):
            records.append(_record(rng, index, counts[index], cast[index], size))
            if len(records) == BATCH:
                store.catalog.put_shows(records)
                records = []
        store.catalog.put_shows(records)
        _history(rng, store, size)
        _news(rng, store, size)
        for k in range(FEED_COUNT):
            store.user.put_feed(Feed(url=f"http://127.0.0.1:1/feed/{k}.xml", title=f"Feed {k}"))


def _episode_counts(rng: random.Random, size: StoreSize) -> list[int]:
    counts = [30] + ([size.big_show_episodes] if size.big_show_episodes else [])
    rest = size.shows - len(counts)
    left = size.episodes - sum(counts)
    others = [1] * rest
    for _ in range(left - rest):
        others[rng.randrange(rest)] += 1
    return counts + others


def _cast(rng: random.Random, size: StoreSize) -> list[list[int]]:
    """Person numbers credited per show: everyone at least once, many in several shows."""
    people = list(range(size.people))
    rng.shuffle(people)
    cast: list[list[int]] = [[] for _ in range(size.shows)]
    for j, person in enumerate(people):
        cast[j % size.shows].append(person)
    extra = max(1, size.people // size.shows)
    for show in cast:
        show.extend(rng.sample(range(size.people), rng.randint(0, extra)))
    return [list(dict.fromkeys(c)) for c in cast]


def _record(
    rng: random.Random, index: int, count: int, cast: list[int], size: StoreSize
) -> ShowRecord:
    tvmaze = 900_000 + index
    show_id = f"tvmaze-{tvmaze}"
    big = index == 1 and size.big_show_episodes > 0
    if index == 0:
        name, per_season, running = "Anchor Bay", 10, False
    elif big:
        name, per_season, running = "Days of Our Harbor", 250, True
    else:
        name = f"{_words(rng, rng.randint(1, 3)).title()} {index}"
        per_season, running = rng.randint(6, 22), rng.random() < 0.3
    step = 1 if big else 7
    future = rng.randint(1, 4) if running else 0
    start = REFERENCE_DAY - timedelta(days=step * (count - future))
    if not running:
        start -= timedelta(days=rng.randint(30, 9000))
    episodes = []
    for n in range(count):
        day = (start + timedelta(days=step * n)).isoformat()
        episodes.append(
            Episode(
                show_id=show_id,
                season=n // per_season + 1,
                number=n % per_season + 1,
                name=_words(rng, rng.randint(1, 4)).title(),
                tvmaze_id=tvmaze * 100_000 + n,
                airdate=day,
                airstamp=f"{day}T01:00:00Z",
                runtime=rng.choice((22, 30, 45, 60)),
                summary=_words(rng, rng.randint(8, 30)).capitalize() + ".",
            )
        )
    seasons = tuple(
        Season(number=s, episode_count=min(per_season, count - (s - 1) * per_season))
        for s in range(1, (count - 1) // per_season + 2)
    )
    people = tuple(
        Person(
            id=f"tvmaze-p{p}", name=f"{FIRST[p % len(FIRST)]} {LAST[p % len(LAST)]}", tvmaze_id=p
        )
        for p in cast
    )
    credits = tuple(
        Credit(show_id=show_id, person_id=p.id, kind="cast", role=_words(rng, 2).title(), order=o)
        for o, p in enumerate(people)
    )
    show = Show(
        id=show_id,
        name=name,
        tvmaze_id=tvmaze,
        imdb_id=f"tt{9_000_000 + index}",
        premiered=episodes[0].airdate if episodes else None,
        ended=None if running else (episodes[-1].airdate if episodes else None),
        status="Running" if running else "Ended",
        network=rng.choice(NETWORKS),
        genres=tuple(rng.sample(("Drama", "Comedy", "Crime", "Sci-Fi", "Soap"), 2)),
        runtime=60,
        summary=_words(rng, rng.randint(20, 60)).capitalize() + ".",
        updated=1_700_000_000 + index,
    )
    return ShowRecord(show, seasons, tuple(episodes), credits, people)


def _history(rng: random.Random, store: Store, size: StoreSize) -> None:
    """The anchor show plus ``watched_shows - 1`` others get marks and a watchlist status."""
    anchor = store.catalog.record(ANCHOR_ID)
    assert anchor is not None
    apply(store, Watch(ANCHOR_ID, anchor.episodes[:15], at=MARKED_AT))
    store.user.set_status(ANCHOR_ID, WatchStatus.WATCHING, at=MARKED_AT)
    others = [f"tvmaze-{900_000 + i}" for i in range(1, size.shows)]
    for show_id in rng.sample(others, size.watched_shows - 1):
        record = store.catalog.record(show_id)
        assert record is not None
        upto = rng.randint(1, len(record.episodes))
        apply(store, Watch(show_id, record.episodes[:upto], at=MARKED_AT))
        done = upto == len(record.episodes)
        status = WatchStatus.COMPLETED if done else WatchStatus.WATCHING
        store.user.set_status(show_id, status, at=MARKED_AT)


def _news(rng: random.Random, store: Store, size: StoreSize) -> None:
    items: list[tuple[NewsItem, str]] = []
    for i in range(size.news):
        show = rng.randrange(size.shows)
        day = REFERENCE_DAY - timedelta(days=rng.randint(0, 1000))
        item = NewsItem(
            id=f"bench-{i:06d}",
            feed=f"http://127.0.0.1:1/feed/{i % FEED_COUNT}.xml",
            source=f"Feed {i % FEED_COUNT}",
            title=_words(rng, rng.randint(5, 12)).capitalize(),
            url=f"http://127.0.0.1:1/article/{i}",
            published=f"{day.isoformat()}T12:00:00Z",
            summary=_words(rng, rng.randint(20, 50)).capitalize() + ".",
            show_ids=(f"tvmaze-{900_000 + show}",),
        )
        text = _words(rng, rng.randint(250, 700)).capitalize() + "." if size.news_text else ""
        items.append((item, text))
    store.catalog.put_news(items)
