"""The bench's memory figure is each process's own peak, never the harness's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.rss import peak_rss_kib

ROOT = Path(__file__).resolve().parents[2]
BALLAST_MIB = 300


def test_a_tiny_child_reports_a_small_peak_while_its_parent_is_large() -> None:
    ballast = bytearray(BALLAST_MIB * 1024 * 1024)
    ballast[::4096] = b"\x01" * len(ballast[::4096])  # touch every page: it is resident
    parent = peak_rss_kib()
    child = subprocess.run(
        [sys.executable, "-m", "bench.rss"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    del ballast
    assert parent > BALLAST_MIB * 1024
    assert int(child.stdout) < 64 * 1024, child.stdout  # a bare interpreter: ~10 MiB


def test_a_status_without_a_peak_line_is_an_error(tmp_path: Path) -> None:
    status = tmp_path / "status"
    status.write_text("Name:\tpython\nVmRSS:\t 100 kB\n", encoding="ascii")
    with pytest.raises(RuntimeError, match="VmHWM"):
        peak_rss_kib(status)
