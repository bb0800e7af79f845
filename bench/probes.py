"""Core figures, each timed inside a fresh process: ``python -m bench.probes NAME DATA``.

Prints one JSON line. The process starts cold (no warm caches of the store in Python), as a
user's first action after start-up would be.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from bench.generate import ANCHOR_ID, BIG_ID
from bench.tvmaze_doc import embedded_show
from fancompanion.core.library import Library
from fancompanion.core.store import Store


def open_big_show(data: Path) -> dict[str, Any]:
    """Open the 10,000-episode show as the show screen does: record, marks, progress."""
    library = Library(Store(data))
    start = time.perf_counter()
    view = library.show(BIG_ID)
    elapsed = time.perf_counter() - start
    assert view is not None
    assert len(view.record.episodes) >= 1000
    return {"seconds": elapsed, "episodes": len(view.record.episodes)}


def mark_watched(data: Path, runs: int) -> dict[str, Any]:
    """Mark one episode watched (durable: atomic write + fsync), then unmark it again.

    Bytes written are counted by wrapping the one write function every store write uses.
    """
    from fancompanion.core.store import files, tinyfile

    written: list[int] = []
    real = files.atomic_write

    def counting(path: Path, payload: bytes) -> None:
        written.append(len(payload))
        real(path, payload)

    tinyfile.__dict__["atomic_write"] = counting
    library = Library(Store(data))
    times: list[float] = []
    nbytes = 0
    for _ in range(runs):
        view = library.show(ANCHOR_ID)
        assert view is not None
        episode = next(e for e in view.record.episodes if not view.marks.watched(e))
        written.clear()
        start = time.perf_counter()
        library.toggle_watched(view, episode)
        times.append(time.perf_counter() - start)
        nbytes = sum(written)
        view = library.show(ANCHOR_ID)
        assert view is not None
        assert view.marks.watched(episode)
        library.toggle_watched(view, episode)  # leave the cached store as it was
    return {"times": times, "bytes": nbytes}


def add_show(data: Path, episodes: int, tvmaze_id: int) -> dict[str, Any]:
    """Parse an embedded TVmaze show response and store it (what "add show" does on arrival)."""
    import orjson

    from fancompanion.core.tvmaze_json import parse_show_record

    body = orjson.dumps(embedded_show(tvmaze_id, episodes))
    store = Store(data)
    start = time.perf_counter()
    record = parse_show_record(orjson.loads(body))
    assert record is not None
    store.catalog.put_shows([record])
    elapsed = time.perf_counter() - start
    assert store.catalog.record(record.show.id) is not None
    return {"seconds": elapsed, "episodes": len(record.episodes), "bytes_in": len(body)}


def main(argv: list[str]) -> int:
    name, data = argv[0], Path(argv[1])
    if name == "open":
        out = open_big_show(data)
    elif name == "mark":
        out = mark_watched(data, int(argv[2]))
    elif name == "add":
        out = add_show(data, int(argv[2]), int(argv[3]))
    else:
        raise SystemExit(f"unknown probe {name!r}")
    print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
