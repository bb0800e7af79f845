"""``fancompanion shows --json`` on the bundled library, through the real command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from fancompanion.cli.main import run


def test_the_bundle_lists_six_shows_with_jessica_jones_complete(data_dir: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run(["shows", "--json"], out, err) == 0
    rows = json.loads(out.getvalue())
    assert len(rows) == 6
    names = {r["name"] for r in rows}
    assert names == {
        "Daredevil",
        "Jessica Jones",
        "Luke Cage",
        "Iron Fist",
        "The Defenders",
        "The Punisher",
    }
    jessica = next(r for r in rows if r["name"] == "Jessica Jones")
    assert (jessica["seasons"], jessica["episodes"]) == (3, 39)
    assert jessica["watched"] == 0
    assert jessica["aired"] == 39
    for row in rows:
        assert row["tvmaze_id"] is None or isinstance(row["tvmaze_id"], int)
        assert {"name", "seasons", "episodes", "watchlist", "watched", "aired"} <= set(row)
    assert err.getvalue() == ""


def test_version_data_dir_and_help_work_on_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fancompanion import __version__

    commands = ["shows", "news", "search", "add", "fetch", "feeds"]
    commands += ["export", "import", "calendar", "stats", "doctor"]
    for command in commands:
        for flag, code in (("--version", 0), ("--help", 0)):
            with pytest.raises(SystemExit) as exited:
                run([command, flag])
            assert exited.value.code == code
        assert f"fancompanion {__version__}" in capsys.readouterr().out
    out = io.StringIO()
    assert run(["shows", "--json", "--data-dir", str(tmp_path / "elsewhere")], out) == 0
    assert len(json.loads(out.getvalue())) == 6
    assert (tmp_path / "elsewhere" / "catalog" / "index.json").exists()
