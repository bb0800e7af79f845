"""Two FanCompanion processes writing the same store at once lose nothing.

Real processes (``python -m tests.trust.writer``) start together on a start file; each change
is one locked read-modify-write, so every change of each process must survive.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fancompanion.core.store import Store
from tests.trust import writer
from tests.trust.helpers import show_record, store_problems

REPO = Path(__file__).resolve().parents[2]


def _start(*args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.trust.writer", *args],
        cwd=REPO,
        env=env,
        stderr=subprocess.PIPE,
    )


def _finish(*processes: subprocess.Popen[bytes]) -> None:
    for process in processes:
        _, err = process.communicate(timeout=60)
        assert process.returncode == 0, err.decode()


def _seeded(root: Path) -> Store:
    store = Store(root)
    store.catalog.put_shows([show_record(901, "Concurrency", writer.EPISODES)])
    return store


def test_two_processes_marking_at_once_keep_all_hundred_marks(tmp_path: Path) -> None:
    root, go = tmp_path / "data", tmp_path / "go"
    store = _seeded(root)
    first = _start("mark", str(root), str(go), "0", "50", "a")
    second = _start("mark", str(root), str(go), "50", "50", "b")
    go.touch()
    _finish(first, second)

    marked = {m.tvmaze_id for m in store.user.marks(writer.SHOW)}
    assert marked == {episode_id for episode_id, _, _ in writer.EPISODES}
    statuses = store.user.statuses()
    assert {f"{tag}-{n}" for tag in "ab" for n in range(10)} <= set(statuses)
    assert store.user.read_ids() == {f"{tag}-news-{n}" for tag in "ab" for n in range(50)}
    assert store_problems(store) == []


def test_a_catalog_refresh_in_one_process_never_loses_marks_made_in_another(
    tmp_path: Path,
) -> None:
    root, go = tmp_path / "data", tmp_path / "go"
    store = _seeded(root)
    refresher = _start("refresh", str(root), str(go), "40", "r")
    marker = _start("mark", str(root), str(go), "0", "60", "m")
    go.touch()
    _finish(refresher, marker)

    assert len(store.user.marks(writer.SHOW)) == 60
    summaries = {s.id: s for s in store.catalog.summaries()}
    assert summaries[writer.SHOW].name == "Concurrency r 39"  # the refresher's last write
    assert {f"r-{n}" for n in range(40)} <= {n.id for n in store.catalog.news()}
    assert store_problems(store) == []
