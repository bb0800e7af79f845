"""``fancompanion shows`` starts fast: the fetcher's heavy libraries are never imported for it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = ("httpx", "feedparser", "trafilatura", "textual", "fancompanion.fetch")

SCRIPT = """
import io, json, sys
import fancompanion.cli.main as main
main.build_parser()
code = main.run(["shows"], io.StringIO(), io.StringIO())
print(json.dumps({"code": code, "loaded": sorted(m for m in sys.modules if m.split(".")[0] in
    ("httpx", "feedparser", "trafilatura", "textual") or m.startswith("fancompanion.fetch"))}))
"""


def test_listing_shows_imports_no_network_libraries(data_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=60
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    assert result["loaded"] == [], f"`shows` imported {result['loaded']} (none of {HEAVY})"
