"""Issue 16's figure: the spoiler shield judges every news item of the heavy store in <= 50 ms.

Each item is read once when it is linked to shows (at fetch/refresh) and its readings are
stored; the generated stores are written without linking, so the readings of the items about
started shows are made here first (not timed), as link_news would have stored them. Timed:
:func:`fancompanion.core.shield.judge_all` over all items against the horizons of every
started show. Working out the horizons (each started show's record and marks) is reported
beside it, untimed by the target.
"""

from __future__ import annotations

import time
from pathlib import Path

from msgspec.structs import replace

from bench.measure import median
from bench.report import Figure
from fancompanion.core.library import Library
from fancompanion.core.shield import horizons, judge_all, started_shows
from fancompanion.core.spoilers import READING_VERSION, ShowFacts, read_item
from fancompanion.core.store import Store
from fancompanion.core.timeutil import now_iso

LIMIT_MS = 50.0


def shield(heavy: Path, runs: int) -> Figure:
    library = Library(Store(heavy))
    now = now_iso()
    items = library.news()
    started = time.perf_counter()
    facts: dict[str, ShowFacts] = {}
    found = horizons(library, sorted(started_shows(library)), now, facts)
    horizon_s = time.perf_counter() - started
    items = [
        replace(i, spoils=(READING_VERSION, *read_item(i, facts)))
        if any(s in facts for s in i.show_ids)
        else replace(i, spoils=(READING_VERSION,))
        for i in items
    ]
    walls, shielded = [], 0
    for _ in range(max(3, runs)):
        start = time.perf_counter()
        shielded = len(judge_all(items, found))
        walls.append(time.perf_counter() - start)
    wall_ms = median(walls) * 1000
    return Figure(
        f"spoiler shield, {len(items):,} items",
        f"{wall_ms:.1f} ms ({shielded} shielded; {len(found)} started shows' places "
        f"{horizon_s * 1000:.0f} ms)",
        f"<= {LIMIT_MS:.0f} ms",
        wall_ms / LIMIT_MS,
        wall_ms <= LIMIT_MS,
        data={"judge_s": walls, "horizons_s": horizon_s},
    )
