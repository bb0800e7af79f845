"""The bundled cast is the reference's confirmed principal cast: every row, nothing else, once."""

from __future__ import annotations

from collections import Counter

import pytest

from fancompanion.core.bundle import load_bundle
from fancompanion.core.models import ShowRecord
from fancompanion.paths import bundle_dir
from tests.bundle.reference import confirmed_cast, rows, shows


def bundled() -> dict[str, ShowRecord]:
    bundle = load_bundle(bundle_dir())
    assert bundle.problems == ()
    return {r.show.name: r for r in bundle.records}


def cast_of(record: ShowRecord) -> list[tuple[str, str, str]]:
    names = {p.id: p.name for p in record.people}
    credits = sorted((c for c in record.credits if c.kind == "cast"), key=lambda c: c.order)
    return [(names[c.person_id], c.role, c.seasons) for c in credits]


@pytest.mark.parametrize("show", shows())
def test_each_show_carries_exactly_its_confirmed_principal_cast(show: str) -> None:
    cast = cast_of(bundled()[show])
    expected = confirmed_cast(show)
    assert expected, f"the reference has no confirmed cast for {show}"
    missing = [row for row in expected if row not in cast]
    unconfirmed = [row for row in cast if row not in expected]
    assert missing == [], f"{show}: confirmed rows missing from the bundle"
    assert unconfirmed == [], f"{show}: cast rows the reference does not confirm"
    assert cast == expected  # reference (billing) order


@pytest.mark.parametrize("show", shows())
def test_no_person_is_twice_in_one_shows_cast(show: str) -> None:
    record = bundled()[show]
    cast = [c for c in record.credits if c.kind == "cast"]
    by_id = Counter(c.person_id for c in cast)
    by_name = Counter(name for name, _, _ in cast_of(record))
    assert [p for p, n in by_id.items() if n > 1] == []
    assert [p for p, n in by_name.items() if n > 1] == []


def test_counts_per_show_follow_the_reference() -> None:
    records = bundled()
    counts = {show: len(cast_of(records[show])) for show in shows()}
    assert counts == {show: len(confirmed_cast(show)) for show in shows()}
    assert counts["Luke Cage"] >= 9
    assert counts["The Defenders"] >= 8
    assert sum(counts.values()) == sum(1 for r in rows("cast") if r["confirmed"] == "yes") == 77


def test_unconfirmed_rows_stay_out() -> None:
    left_out = [r for r in rows("cast") if r["confirmed"] != "yes"]
    assert left_out, "the reference has no unconfirmed row left to test with"
    records = bundled()
    for row in left_out:
        assert row["actor"] not in {name for name, _, _ in cast_of(records[row["show"]])}


def test_jessica_jones_season_one_ensemble_is_credited_for_season_one_only() -> None:
    """The seed article says they all return in season 2; the reference says otherwise."""
    cast = {name: seasons for name, _, seasons in cast_of(bundled()["Jessica Jones"])}
    for actor in ("Wil Traval", "Erin Moriarty", "David Tennant", "Mike Colter"):
        assert cast[actor] == "1"
    assert cast["Eka Darville"] == cast["Carrie-Anne Moss"] == "1-3"


def test_showrunners_follow_the_reference_per_season() -> None:
    crew = {
        name: sorted(
            (c.role, p.name, c.seasons)
            for c in r.credits
            if c.kind == "crew"
            for p in r.people
            if p.id == c.person_id
        )
        for name, r in bundled().items()
    }
    assert crew["Daredevil"] == [
        ("Showrunner", "Doug Petrie", "2"),
        ("Showrunner", "Erik Oleson", "3"),
        ("Showrunner", "Marco Ramirez", "2"),
        ("Showrunner", "Steven S. DeKnight", "1"),
    ]
    assert crew["Iron Fist"] == [
        ("Showrunner", "Raven Metzner", "2"),
        ("Showrunner", "Scott Buck", "1"),
    ]
    # Single-source credits (Scott Reynolds) and one who left before filming stay out.
    assert crew["Jessica Jones"] == [("Showrunner", "Melissa Rosenberg", "1-3")]
    assert crew["The Defenders"] == [("Showrunner", "Marco Ramirez", "1")]
    for show, row in ((r["show"], r) for r in rows("shows")):
        for _, person, _ in crew[show]:
            assert person in row["showrunners"]
