"""Property: importing a Trakt archive twice, or in any order with our own export, equals once.

Histories are drawn on the bundled shows (found offline by their IMDb ids); our own export is
made from a drawn library state whose statuses were set after the Trakt history (as when a fan
keeps using FanCompanion after importing). Every import goes through the CLI as a fan runs it.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fancompanion.core.commands import ImportMarks, SetStatus, apply
from fancompanion.core.models import Mark, WatchStatus
from fancompanion.core.opening import open_store
from fancompanion.core.store import Store
from fancompanion.paths import bundle_dir
from tests.exchange.helpers import cli, user_state

BUNDLED = {  # IMDb id → our id (the bundle's six; Jessica Jones carries its TVmaze id)
    "tt3322312": "imdb-tt3322312",
    "tt2357547": "tvmaze-1370",
    "tt3322314": "imdb-tt3322314",
    "tt4230076": "imdb-tt4230076",
}

entries = st.lists(
    st.tuples(
        st.sampled_from(sorted(BUNDLED)),
        st.integers(0, 1),  # season (0: a special, reported unmatched)
        st.integers(1, 9),
        st.integers(1_420_000_000, 1_560_000_000),  # 2015-2019
        st.integers(1, 40),  # history id: repeats are duplicates across pages
        st.booleans(),  # on the watchlist too
    ),
    max_size=25,
)
ours = st.lists(
    st.tuples(
        st.sampled_from(sorted(BUNDLED.values())),
        st.integers(1, 9),
        st.integers(1, 3),
        st.integers(1_400_000_000, 1_600_000_000),
        st.sampled_from([WatchStatus.COMPLETED, WatchStatus.ON_HOLD, WatchStatus.NONE]),
    ),
    max_size=8,
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("template") / "data"
    open_store(root, bundle=bundle_dir())
    return root


def _stamp(seconds: int) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _trakt(folder: Path, drawn: list[tuple[str, int, int, int, int, bool]]) -> Path:
    history: list[dict[str, Any]] = []
    watchlist: list[dict[str, Any]] = []
    for imdb, season, number, when, entry_id, listed in drawn:
        show = {"title": f"Show {imdb}", "ids": {"tvdb": None, "imdb": imdb}}
        history.append(
            {
                "id": entry_id,
                "watched_at": _stamp(when).replace("Z", ".000Z"),
                "type": "episode",
                "episode": {"season": season, "number": number},
                "show": show,
            }
        )
        if listed:
            watchlist.append({"type": "show", "listed_at": _stamp(when), "show": show})
    folder.mkdir()
    half = len(history) // 2  # two pages that may overlap (repeated ids)
    (folder / "watched-history-1.json").write_text(json.dumps(history[: half + 1]))
    (folder / "watched-history-2.json").write_text(json.dumps(history[half:]))
    (folder / "lists-watchlist.json").write_text(json.dumps(watchlist))
    return folder


def _export(template: Path, scratch: Path, drawn: list[tuple[str, int, int, int, Any]]) -> Path:
    store = _fresh(template, scratch / "source")
    for show_id, number, plays, when, status in drawn:
        at = _stamp(when)
        mark = Mark(f"S1E{number}", 1, number, None, plays, at, at)
        apply(store, ImportMarks(show_id, (mark,)))
        if status is not WatchStatus.NONE:
            apply(store, SetStatus(show_id, status, at="2022-06-01T12:00:00Z"))
    path = scratch / "ours.json"
    assert cli("export", str(path), "--data-dir", str(scratch / "source"))[0] == 0
    return path


def _fresh(template: Path, root: Path) -> Store:
    shutil.copytree(template, root)
    return Store(root)


def _after(template: Path, root: Path, *paths: Path) -> dict[str, Any]:
    store = _fresh(template, root)
    for path in paths:
        code, out, err = cli("import", str(path), "--offline", "--data-dir", str(root))
        assert code == 0, out + err
    return user_state(store)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(drawn=entries, mine=ours)
def test_import_twice_or_in_any_order_with_our_export_equals_importing_once(
    template: Path, drawn: list[Any], mine: list[Any]
) -> None:
    with tempfile.TemporaryDirectory(prefix="fc-prop-") as name:
        scratch = Path(name)
        trakt = _trakt(scratch / "trakt", drawn)
        export = _export(template, scratch, mine)
        once = _after(template, scratch / "a", trakt)
        assert _after(template, scratch / "b", trakt, trakt) == once
        mixed = _after(template, scratch / "c", trakt, export)
        assert _after(template, scratch / "d", export, trakt) == mixed
        assert _after(template, scratch / "e", trakt, export, trakt) == mixed
        assert _after(template, scratch / "f", export, trakt, export, trakt) == mixed
