"""``python -m bench [--quick]``: generate (or reuse) the stores, measure, print the table."""

from __future__ import annotations

import argparse
import sys
import time

from bench import figures
from bench.generate import ensure_store
from bench.import_figure import import_parse
from bench.measure import ROOT
from bench.refresh_figure import refresh
from bench.report import Figure, machine, save, table
from bench.shield_figure import shield
from bench.sizes import sizes
from bench.sync_figure import sync_figures

CACHE = ROOT / ".bench-cache"
RESULTS = ROOT / "bench" / "results"


def source_state() -> str:
    """The commit measured, and whether the app's code had uncommitted changes (shared tree)."""
    import subprocess

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return done.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "fancompanion")
    return f"{commit}{' + uncommitted changes in fancompanion/' if dirty else ''}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller stores, fewer runs")
    parser.add_argument("--runs", type=int, default=0, help="runs per figure (default 7; 2 quick)")
    args = parser.parse_args(argv)
    runs = args.runs or (2 if args.quick else 7)
    started = time.perf_counter()
    typical_size, heavy_size = sizes(args.quick)
    typical = ensure_store(CACHE, typical_size)
    heavy = ensure_store(CACHE, heavy_size)
    results: list[Figure] = []

    def step(label: str) -> None:
        print(f"[{time.perf_counter() - started:5.1f}s] {label}", flush=True)

    step("start-up and memory")
    results += figures.startup(typical, heavy, runs)
    step("filter keystrokes")
    results.append(figures.filter_keystroke(heavy, max(1, runs // 2)))
    step("open the big show")
    results.append(figures.open_big_show(heavy, runs))
    step("mark watched")
    results.append(figures.mark_watched(typical, heavy, max(1, runs // 2)))
    step("shows --json")
    results.append(figures.shows_json(heavy, runs))
    step("watch from the command line")
    results.append(figures.watch_cli(heavy, runs))
    step("spoiler shield")
    results.append(shield(heavy, runs))
    step("refresh")
    results.append(refresh(typical))
    step("add show")
    results.append(figures.add_show(typical, runs))
    step("sync")
    results += sync_figures()
    step("import a TV Time archive")
    results.append(import_parse(runs))
    step("done")
    print()
    print(table(results))
    code = source_state()
    info = machine()
    print(f"code: {code}")
    print(
        f"machine: {info['cpu']}, {info['cores']} cores, Python {info['python']}, "
        f"{info['platform']}, load {info['load_avg_1m']}"
    )
    meta = {
        "code": code,
        "quick": args.quick,
        "runs": runs,
        "stores": {"typical": typical_size.key, "heavy": heavy_size.key},
        "seconds": round(time.perf_counter() - started, 1),
    }
    out = RESULTS / ("latest-quick.json" if args.quick else "latest.json")
    save(out, results, meta)
    print(f"results: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
