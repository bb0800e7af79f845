"""A writer killed with SIGKILL at any moment leaves every store file whole: old or new.

The writer is a forked process running the real Store API in a loop (marks, statuses, whole
show refreshes). It is killed at a random moment, thirty times; after each kill the store is
loaded file by file, and the marks on disk must be a state the writer actually produced.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

from fancompanion.core.library import Library
from fancompanion.core.models import WatchStatus
from fancompanion.core.store import Store, doctor
from tests.marks import unwatch, watch
from tests.trust.helpers import show_record, store_problems

KILLS = 30
EPISODES = [(5000 + n, 1, n) for n in range(1, 13)]


def _write_forever(root: str, seed: int) -> None:
    """Mark episodes one by one in order, unmark all, repeat; refresh the show now and then."""
    store = Store(Path(root))
    episodes = store.catalog.record("tvmaze-900")
    assert episodes is not None
    rng = random.Random(seed)
    statuses = [WatchStatus.WATCHING, WatchStatus.COMPLETED, WatchStatus.ON_HOLD]
    while True:
        marked = {m.tvmaze_id for m in store.user.marks("tvmaze-900")}
        todo = [e for e in episodes.episodes if e.tvmaze_id not in marked]
        if todo:
            watch(store, "tvmaze-900", [todo[0]])
        else:
            unwatch(store, "tvmaze-900", episodes.episodes)
        store.user.set_status("tvmaze-900", rng.choice(statuses))
        if rng.random() < 0.3:
            name = f"Crash Test {rng.randrange(1000)}"
            store.catalog.put_shows([show_record(900, name, EPISODES)])


def _wait_for(path: Path, limit: float = 20.0) -> None:
    deadline = time.monotonic() + limit
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.005)


def test_a_writer_killed_at_random_moments_never_leaves_a_broken_file(tmp_path: Path) -> None:
    root = tmp_path / "data"
    store = Store(root)
    store.catalog.put_shows([show_record(900, "Crash Test", EPISODES)])
    store.user.set_status("tvmaze-900", WatchStatus.WATCHING)  # a writer killed before its own
    order = [episode_id for episode_id, _, _ in EPISODES]
    rng = random.Random(7)
    context = multiprocessing.get_context("fork")
    for attempt in range(KILLS):
        writer = context.Process(target=_write_forever, args=(str(root), attempt), daemon=True)
        writer.start()
        if attempt == 0:  # a loaded machine may take longer than the shortest nap to start
            _wait_for(store.user.state_path)
        time.sleep(rng.uniform(0.01, 0.2))
        assert writer.pid is not None
        os.kill(writer.pid, signal.SIGKILL)
        writer.join()
        assert writer.exitcode == -signal.SIGKILL  # it was still writing when killed

        assert store_problems(store) == []
        marked = [m.tvmaze_id for m in store.user.marks("tvmaze-900")]
        assert marked == order[: len(marked)]  # marks are always a prefix: old or new state
        assert store.user.statuses()["tvmaze-900"] is not WatchStatus.NONE
        view = Library(store).show("tvmaze-900")
        assert view is not None
        assert view.record.show.name.startswith("Crash Test")
        assert len(view.record.episodes) == len(EPISODES)
        store.user.set_setting("checked after kill", attempt)  # the dead writer's lock is free
        assert store.user.settings()["checked after kill"] == attempt
    assert not list(root.rglob("*.corrupt-*"))  # nothing ever looked damaged
    # a temporary file a kill left behind is never taken for data: doctor only mentions it
    leftovers = set(root.rglob("*.tmp"))
    assert not leftovers & set(store.user.files())
    problems = doctor.check(store)
    assert [p for p in problems if p.serious] == []
    assert {p.path for p in problems if p.reason.startswith("a temporary file")} == leftovers
    doctor.repair(store, None)
    assert list(root.rglob("*.tmp")) == []
