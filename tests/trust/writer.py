"""A second FanCompanion process for concurrency tests: ``python -m tests.trust.writer ...``.

It waits for a start file so both processes write at the same moment, then writes through the
real Store API one change at a time (one locked read-modify-write each).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from fancompanion.core.models import NewsItem, WatchStatus
from fancompanion.core.store import Store
from tests.marks import watch
from tests.trust.helpers import show_record

SHOW = "tvmaze-901"
EPISODES = [(6000 + n, 1 + (n - 1) // 25, 1 + (n - 1) % 25) for n in range(1, 101)]


def _wait(go: Path) -> None:
    deadline = time.monotonic() + 30
    while not go.exists():
        if time.monotonic() > deadline:
            raise SystemExit("the start file never appeared")
        time.sleep(0.001)


def mark(root: Path, first: int, count: int, tag: str) -> None:
    store = Store(root)
    record = store.catalog.record(SHOW)
    assert record is not None
    mine = record.episodes[first : first + count]
    for n, episode in enumerate(mine):
        watch(store, SHOW, [episode])
        store.user.set_status(f"{tag}-{n % 10}", WatchStatus.WATCHING)
        store.user.set_read([f"{tag}-news-{n}"])


def refresh(root: Path, count: int, tag: str) -> None:
    store = Store(root)
    for n in range(count):
        store.catalog.put_shows([show_record(901, f"Concurrency {tag} {n}", EPISODES)])
        store.catalog.put_news([(NewsItem(id=f"{tag}-{n}", feed="test", title=f"N{n}"), "")])


def main(argv: list[str]) -> None:
    action, root, go = argv[0], Path(argv[1]), Path(argv[2])
    _wait(go)
    if action == "mark":
        mark(root, int(argv[3]), int(argv[4]), argv[5])
    else:
        refresh(root, int(argv[3]), argv[4])


if __name__ == "__main__":
    main(sys.argv[1:])
