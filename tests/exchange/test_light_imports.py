"""``stats``, ``calendar`` and ``export`` start fast: no network or TUI library is imported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import io, json, sys
import fancompanion.cli.main as main
code = main.run(sys.argv[1:], io.StringIO(), io.StringIO())
print(json.dumps({"code": code, "loaded": sorted(m for m in sys.modules if m.split(".")[0] in
    ("httpx", "feedparser", "trafilatura", "textual") or m.startswith("fancompanion.fetch"))}))
"""


@pytest.mark.parametrize("argv", [["stats"], ["calendar"], ["export", "{tmp}/out.json"]])
def test_exchange_commands_import_no_heavy_libraries(
    data_dir: Path, tmp_path: Path, argv: list[str]
) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    assert result["loaded"] == [], f"{argv[0]} imported {result['loaded']}"
