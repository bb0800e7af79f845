"""Shared helpers for trust tests: the CLI as a user runs it, TVmaze-shaped shows, store checks."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from fancompanion.cli.main import run
from fancompanion.core.models import ShowRecord
from fancompanion.core.store import Store, StoreError
from fancompanion.core.store.validate import catalog_files, check_file, user_files
from fancompanion.core.tvmaze_json import parse_show_record


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def tvmaze_show(
    tvmaze_id: int, name: str, episodes: list[tuple[int, int, int]], **fields: Any
) -> dict[str, Any]:
    """A TVmaze ``/shows/:id?embed[]=episodes`` body; ``episodes`` are (id, season, number)."""
    return {
        "id": tvmaze_id,
        "name": name,
        "premiered": "2020-01-01",
        "status": "Ended",
        "network": {"name": "Test Network"},
        **fields,
        "_embedded": {
            "episodes": [
                {
                    "id": episode_id,
                    "season": season,
                    "number": number,
                    "name": f"Chapter {episode_id}",
                    "airdate": "2020-02-01",
                    "airstamp": "2020-02-01T02:00:00+00:00",
                }
                for episode_id, season, number in episodes
            ]
        },
    }


def show_record(
    tvmaze_id: int, name: str, episodes: list[tuple[int, int, int]], **fields: Any
) -> ShowRecord:
    """A record through the real parser (the same path fetched shows take)."""
    record = parse_show_record(tvmaze_show(tvmaze_id, name, episodes, **fields))
    assert record is not None
    return record


def store_problems(store: Store) -> list[str]:
    """Every store file that does not load whole (empty when the store is sound)."""
    found = []
    for path, kind in [*user_files(store.user), *catalog_files(store.catalog)]:
        try:
            check_file(path, kind)
        except StoreError as error:
            found.append(str(error))
    return found


def file_bytes(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
