"""The reference tables the bundle is built from (tools/reference/), read as plain rows.

The tests compare what a fan gets from ``data/`` (through the app's own loader) with these
rows, so a bundle that drifts from the reference fails here.
"""

from __future__ import annotations

import csv
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REFERENCE = REPO / "tools" / "reference"
MAKE_BUNDLE = REPO / "tools" / "make_bundle.py"


def rows(table: str, directory: Path = REFERENCE) -> list[dict[str, str]]:
    path = directory / f"marvel-netflix-{table}.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def confirmed(row: dict[str, str]) -> bool:
    return row["confirmed"].strip() == "yes"


def confirmed_cast(show: str) -> list[tuple[str, str, str]]:
    """(actor, character, seasons) of every confirmed principal-cast row of ``show``."""
    return [
        (r["actor"], r["character"], r["seasons"])
        for r in rows("cast")
        if r["show"] == show and confirmed(r)
    ]


def shows() -> list[str]:
    return [r["show"] for r in rows("shows")]
