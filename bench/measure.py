"""Fresh-process timing: run a command, take its wall time and its one JSON line."""

from __future__ import annotations

import json
import math
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def run_json(args: Sequence[str], timeout: float = 120.0) -> tuple[float, dict[str, Any]]:
    """Start ``python args...``; return (seconds until its first stdout line, that line parsed).

    The wall time covers interpreter start, imports and the work: what a user waits for.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    wall = time.perf_counter() - start
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    if not line.strip():
        raise RuntimeError(f"{' '.join(args)} printed nothing: {err.strip()[-800:]}")
    parsed: dict[str, Any] = json.loads(line)
    return wall, parsed


def run_wall(args: Sequence[str], timeout: float = 120.0) -> float:
    """Seconds a whole ``python args...`` run takes (stdout discarded)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=timeout,
        check=False,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {done.stderr.decode()[-800:]}")
    return wall


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    """Nearest-rank 95th percentile (the largest value for fewer than 20 samples)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
