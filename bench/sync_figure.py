"""Sync: two devices with 5,000 marks each and 500 new changes on each side; and the folder
size for a 10-year history (50,000 plays) after compaction.

``python -m bench.sync_figure`` runs in a fresh process (data dirs in a temporary folder, no
catalog needed: sync carries user state only) and prints one JSON line: the CPU seconds of each
device's sync of the 500+500 changes, and the folder's bytes for 50,000 plays on two devices.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from bench.measure import run_json
from bench.report import Figure

MARKS = 5_000
CHANGES = 500
PLAYS = 50_000
CPU_TARGET = 1.0
SIZE_TARGET = 10 * 1024 * 1024


def _device(root: Path, folder: Path, name: str) -> object:
    from fancompanion.core.library import Library
    from fancompanion.core.opening import open_store
    from fancompanion.sync.engine import Sync

    sync = Sync(Library(open_store(root)))
    sync.init(folder, name)
    return sync


def _put_marks(sync: object, prefix: str, count: int, plays: int = 1) -> None:
    from fancompanion.core.commands import RestoreMarks
    from fancompanion.core.models import Mark

    per_show = 50
    for show in range(count // per_show):
        marks = tuple(
            Mark(
                f"S{1 + n // 25}E{1 + n % 25}",
                1 + n // 25,
                1 + n % 25,
                None,
                plays,
                f"2016-01-{1 + n % 28:02d}T20:00:00Z",
                f"2024-03-{1 + n % 28:02d}T21:00:00Z"
                if plays > 1
                else f"2016-01-{1 + n % 28:02d}T20:00:00Z",
            )
            for n in range(per_show)
        )
        sync.library.apply(RestoreMarks(f"{prefix}-{show}", (), marks))  # type: ignore[attr-defined]


def _changes(sync: object, prefix: str) -> None:
    from fancompanion.core.commands import Rewatch, SetStatus, Unwatch
    from fancompanion.core.models import Episode, WatchStatus

    library = sync.library  # type: ignore[attr-defined]
    for n in range(CHANGES):
        show = f"{prefix}-{n % 100}"
        episode = Episode(show, 1 + n % 2, 1 + (n * 7) % 25, "", None, "2016-01-01")
        if n % 10 == 0:
            library.apply(SetStatus(show, WatchStatus.WATCHING))
        elif n % 10 == 1:
            library.apply(Unwatch(show, (episode,)))
        else:
            library.apply(Rewatch(show, episode, f"2026-01-01T{n % 24:02d}:{n % 60:02d}:00Z"))


def probe() -> dict[str, object]:
    out: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="fc-bench-sync-") as scratch:
        root = Path(scratch)
        folder = root / "Sync"
        a, b = _device(root / "a", folder, "a"), _device(root / "b", folder, "b")
        _put_marks(a, "a", MARKS)
        _put_marks(b, "b", MARKS)
        for device in (a, b, a):
            device.run()  # type: ignore[attr-defined]
        _changes(a, "a")
        _changes(b, "b")
        cpu = []
        for device in (a, b, a):
            start = time.process_time()
            device.run()  # type: ignore[attr-defined]
            cpu.append(time.process_time() - start)
        out["cpu"] = cpu
    with tempfile.TemporaryDirectory(prefix="fc-bench-sync-") as scratch:
        root = Path(scratch)
        folder = root / "Sync"
        a, b = _device(root / "a", folder, "a"), _device(root / "b", folder, "b")
        _put_marks(a, "h", PLAYS // 2, plays=2)  # 25,000 episodes watched twice
        for device in (a, b, a, b):
            device.run()  # type: ignore[attr-defined]
        out["bytes"] = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return out


def sync_figures() -> list[Figure]:
    name = f"sync: 2 devices x {MARKS:,} marks, {CHANGES}+{CHANGES} changes"
    target = f"< {CPU_TARGET:.0f} s CPU per device's sync"
    size_name = f"sync folder: {PLAYS:,} plays, 2 devices, compacted"
    size_target = "< 10 MB"
    try:
        _, out = run_json(["-m", "bench.sync_figure"], timeout=600)
    except RuntimeError as error:
        note = str(error).splitlines()[-1]
        return [
            Figure(name, "not measured", target, None, None, note),
            Figure(size_name, "not measured", size_target, None, None, note),
        ]
    cpu = [float(c) for c in out["cpu"]]
    worst = max(cpu)
    size = int(out["bytes"])
    return [
        Figure(
            name,
            " / ".join(f"{c:.2f}" for c in cpu) + " s CPU",
            target,
            worst / CPU_TARGET,
            worst < CPU_TARGET,
            "a, b, then a again (b's changes reach a)",
            out,
        ),
        Figure(
            size_name,
            f"{size / 1024 / 1024:.2f} MB",
            size_target,
            size / SIZE_TARGET,
            size < SIZE_TARGET,
        ),
    ]


if __name__ == "__main__":
    print(json.dumps(probe()), flush=True)
