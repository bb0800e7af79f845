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
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("textual", "httpx", "feedparser", "trafilatura", "icalendar", "fancompanion.tui")

PROBE = """
import io, json, sys
import fancompanion.core.library, fancompanion.core.store, fancompanion.core.doctor
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


def _linter_config(path: Path) -> Path:
    """pyproject's contracts as an import-linter INI file, runnable as they stand.

    Forbidden external modules (textual, httpx) need ``include_external_packages``; the entry
    point's lazy ``fancompanion.cli.main -> fancompanion.tui.launch`` (bare ``fancompanion``
    starts the app) is the one sanctioned edge from the CLI into the TUI.
    """
    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["importlinter"]
    lines = ["[importlinter]", "root_packages ="]
    lines += [f"    {p}" for p in config["root_packages"]]
    lines.append("include_external_packages = True")
    for n, contract in enumerate(config["contracts"]):
        contract = dict(contract)
        if "fancompanion.cli" in contract.get("source_modules", ()) and "fancompanion.tui" in (
            contract.get("forbidden_modules", ())
        ):
            ignored = set(contract.get("ignore_imports", ()))
            contract["ignore_imports"] = sorted(
                ignored | {"fancompanion.cli.main -> fancompanion.tui.launch"}
            )
        lines.append(f"[importlinter:contract:{n}]")
        for key, value in contract.items():
            if isinstance(value, list):
                lines += [f"{key} =", *(f"    {v}" for v in value)]
            else:
                lines.append(f"{key} = {value}")
    path.write_text("\n".join(lines) + "\n")
    return path


def test_the_import_contracts_hold(tmp_path: Path) -> None:
    linter = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(linter), "--config", str(_linter_config(tmp_path / "importlinter.ini"))],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "BROKEN" not in result.stdout
