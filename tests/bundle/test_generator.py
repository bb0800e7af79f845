"""tools/make_bundle.py: data/ is what it builds from the reference, and it keeps its rules."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from fancompanion.core.bundle import peek_version
from fancompanion.paths import bundle_dir
from tests.bundle.reference import MAKE_BUNDLE, REFERENCE, rows


def make_bundle(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MAKE_BUNDLE), *args], capture_output=True, text=True, check=False
    )


def edited_reference(tmp_path: Path, table: str, old: str, new: str) -> Path:
    ref = tmp_path / "reference"
    shutil.copytree(REFERENCE, ref)
    path = ref / f"marvel-netflix-{table}.tsv"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return ref


def built(tmp_path: Path, ref: Path, slug: str) -> Any:
    out = tmp_path / "out"
    result = make_bundle(str(ref), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return json.loads((out / "shows" / f"{slug}.json").read_text(encoding="utf-8"))


def test_data_is_exactly_what_the_reference_builds() -> None:
    result = make_bundle("--check")
    assert result.returncode == 0, result.stderr


def test_the_bundle_is_newer_than_the_one_before_the_full_cast() -> None:
    assert peek_version(bundle_dir()) > peek_version(
        Path(__file__).parents[1] / "fixtures" / "bundle-v1"
    )


def test_a_person_listed_twice_in_one_show_stops_the_build(tmp_path: Path) -> None:
    lines = (REFERENCE / "marvel-netflix-cast.tsv").read_text(encoding="utf-8").splitlines()
    row = next(line for line in lines if line.startswith("Luke Cage\tMike Colter\t"))
    ref = edited_reference(tmp_path, "cast", row, f"{row}\n{row}")
    result = make_bundle(str(ref), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Luke Cage: Mike Colter is in the cast twice" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_row_that_loses_its_confirmation_leaves_the_bundle(tmp_path: Path) -> None:
    row = next(r for r in rows("cast") if r["actor"] == "Gabrielle Dennis")
    old = "\t".join([row["show"], row["actor"], row["character"], row["seasons"], "yes"])
    ref = edited_reference(tmp_path, "cast", old, old[: -len("yes")] + "no")
    cast = built(tmp_path, ref, "luke-cage")["_embedded"]["cast"]
    names = [c["person"]["name"] for c in cast]
    assert "Gabrielle Dennis" not in names
    assert len(names) == sum(1 for r in rows("cast") if r["show"] == "Luke Cage") - 1


def test_an_id_with_one_source_stays_out_and_two_sources_bring_it_in(tmp_path: Path) -> None:
    ref = edited_reference(tmp_path, "shows", "thetvdb: MEDUSA, SWIL-IMG", "thetvdb: MEDUSA only")
    text = (ref / "marvel-netflix-shows.tsv").read_text(encoding="utf-8")
    # A row with a single-source id cannot stay confirmed: the script says so.
    result = make_bundle(str(ref), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Luke Cage: confirmed, but thetvdb_id has one source" in result.stderr
    luke = next(line for line in text.splitlines() if line.startswith("Luke Cage\t"))
    (ref / "marvel-netflix-shows.tsv").write_text(
        text.replace(luke, luke.replace("\tyes\t", "\tno\t")), encoding="utf-8"
    )
    show = built(tmp_path, ref, "luke-cage")
    assert show["externals"] == {"tvrage": None, "thetvdb": None, "imdb": "tt3322314"}

    ref2 = edited_reference(tmp_path / "two", "shows", "tvmaze: SON only", "tvmaze: SON, EXTRA")
    text = (ref2 / "marvel-netflix-shows.tsv").read_text(encoding="utf-8")
    daredevil = next(line for line in text.splitlines() if line.startswith("Daredevil\t"))
    (ref2 / "marvel-netflix-shows.tsv").write_text(
        text.replace(daredevil, daredevil.replace("\tno\t", "\tyes\t")), encoding="utf-8"
    )
    show = built(tmp_path / "two", ref2, "daredevil")
    assert (show["id"], show["externals"]["thetvdb"]) == (1369, 281662)
