"""A mistyped --data-dir must not look like an empty library; the default dir stays quiet."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from fancompanion.cli.main import run


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_a_new_explicit_data_dir_is_announced_once(tmp_path: Path) -> None:
    where = tmp_path / "typo-library"

    code, out, err = cli("shows", "--data-dir", str(where))

    assert code == 0
    assert "Jessica Jones" in out  # a new library starts from the bundled one
    assert err == f"fancompanion: {where} did not exist: created a new library there\n"
    assert (where / "catalog").is_dir()
    assert cli("shows", "--data-dir", str(where))[2] == ""  # it exists now: nothing to say


def test_the_default_data_dir_is_created_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FANCOMPANION_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))

    code, _, err = cli("shows")

    assert code == 0
    assert err == ""
    assert (tmp_path / "xdg" / "fancompanion" / "catalog").is_dir()
