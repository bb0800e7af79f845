"""Issue 14's figure: read and plan a 5,000-row, 50-show TV Time archive, in a fresh process.

``python -m bench.import_figure ZIP DATA`` prints one JSON line: seconds to open the ZIP, read
every row and plan the import against the store at DATA (offline: the paced TVmaze calls are
not the parser's cost), and the process's peak RSS. :func:`import_parse` runs it and judges.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from bench.import_data import tvtime_archive
from bench.measure import median, p95, run_json
from bench.report import Figure

TARGET_S = 0.5  # "well under a second"
TARGET_RSS_MIB = 500


def parse_and_plan(archive: Path, data: Path) -> dict[str, float]:
    from fancompanion.core.store import Store
    from fancompanion.exchange.archive import open_export
    from fancompanion.exchange.foreign_plan import plan_foreign
    from fancompanion.exchange.importers.tvtime import read_tvtime
    from fancompanion.exchange.lookup import ShowFinder

    store = Store(data)
    start = time.perf_counter()
    with open_export(archive) as files:
        export = read_tvtime(files)
    with ShowFinder(store, online=False) as finder:
        _, tally = plan_foreign(store, export, finder)
    seconds = time.perf_counter() - start
    assert tally.rows >= 5000
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "rss_mib": rss_mib, "rows": tally.rows}


def import_parse(runs: int) -> Figure:
    times: list[float] = []
    rss: list[float] = []
    with tempfile.TemporaryDirectory(prefix="fc-bench-import-") as scratch:
        archive = Path(scratch) / "tvtime.zip"
        tvtime_archive(archive)
        for _ in range(runs):
            out = run_json(["-m", "bench.import_figure", str(archive), str(Path(scratch) / "d")])
            times.append(float(out[1]["seconds"]))
            rss.append(float(out[1]["rss_mib"]))
    value = median(times)
    met = value <= TARGET_S and max(rss) <= TARGET_RSS_MIB
    return Figure(
        "import: read + plan 5,000 TV Time rows",
        f"{value * 1000:.0f} ms (p95 {p95(times) * 1000:.0f} ms); peak RSS {max(rss):.0f} MiB",
        f"<= {TARGET_S * 1000:.0f} ms; RSS <= {TARGET_RSS_MIB} MiB",
        value / TARGET_S,
        met,
        "50 shows, every quirk; offline (TVmaze calls are paced, not parsed)",
        {"seconds": times, "rss_mib": rss},
    )


if __name__ == "__main__":
    print(json.dumps(parse_and_plan(Path(sys.argv[1]), Path(sys.argv[2]))), flush=True)
