"""The core and the non-TUI commands never load Textual or httpx (Harlequin-style proof).

``fancompanion shows`` must start fast and work where the TUI cannot; a subprocess imports the
core and runs ``shows --json`` through the real entry point, then lists what got imported. The
import-linter contracts in ``pyproject.toml`` are checked as well.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("textual", "httpx", "feedparser", "trafilatura", "icalendar", "fancompanion.tui")

PROBE = """
import io, json, sys
import fancompanion.core.library, fancompanion.core.store, fancompanion.core.store.doctor
import fancompanion.core.tvmaze_json, fancompanion.core.bundle
from fancompanion.cli.main import build_parser, run
build_parser()
out = io.StringIO()
code = run(["shows", "--json"], out)
heavy = sorted({name.split(".")[0] if not name.startswith("fancompanion") else name
                for name in sys.modules if name.startswith(HEAVY)})
print(json.dumps({"code": code, "shows": len(json.loads(out.getvalue())), "heavy": heavy}))
"""


def test_shows_runs_without_loading_textual_or_httpx(tmp_path: Path) -> None:
    env = {**os.environ, "FANCOMPANION_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", f"HEAVY = {HEAVY!r}\n{PROBE}"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report == {"code": 0, "shows": 6, "heavy": []}


def test_the_import_contracts_hold() -> None:
    """pyproject's import-linter contracts: core/fetch/exchange/cli never import Textual."""
    linter = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(linter)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "BROKEN" not in result.stdout
