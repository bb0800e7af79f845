"""Recorded TVmaze responses become models: nulls, specials and empty air dates included."""

from __future__ import annotations

import json
from typing import Any

from fancompanion.core.tvmaze_json import parse_show, parse_show_record
from tests.conftest import FIXTURES


def _load(name: str) -> Any:
    return json.loads((FIXTURES / "tvmaze" / name).read_text(encoding="utf-8"))


def test_a_show_with_its_episodes_seasons_and_cast() -> None:
    problems: list[str] = []
    record = parse_show_record(_load("show-info.json"), _load("episodes.json"), problems)
    assert record is not None
    show = record.show
    assert (show.id, show.name, show.tvmaze_id, show.imdb_id) == (
        "tvmaze-82",
        "Game of Thrones",
        82,
        "tt0944947",
    )
    assert show.network == "HBO"
    assert show.ended is None  # null upstream
    assert "<p>" not in show.summary
    assert show.summary.startswith("Based on the bestselling")
    regular = [e for e in record.episodes if e.number is not None]
    specials = [e for e in record.episodes if e.number is None]
    assert len(regular) == 73
    assert len(specials) == 11
    assert [s.number for s in record.seasons] == list(range(1, 9))
    assert record.credits
    assert record.people
    assert problems == []


def test_specials_have_no_number_and_a_stable_key() -> None:
    record = parse_show_record(_load("show-info.json"), _load("episodes.json"))
    assert record is not None
    inside = next(e for e in record.episodes if e.tvmaze_id == 4993)
    assert inside.number is None
    assert inside.is_special
    assert inside.key == "sp4993"
    assert inside.code == "S01 special"


def test_an_empty_airdate_is_unknown_not_a_date() -> None:
    raw_episodes = _load("episodes.json")
    assert any(e.get("airdate") == "" for e in raw_episodes)
    record = parse_show_record(_load("show-info.json"), raw_episodes)
    assert record is not None
    undated = next(e for e in record.episodes if e.tvmaze_id == 1636493)
    assert undated.airdate is None
    assert undated.airstamp is None


def test_search_results_with_missing_networks_parse() -> None:
    results = _load("shows-search.json")
    shows = [parse_show(r["show"]) for r in results]
    assert all(s is not None for s in shows)
    names = [s.name for s in shows if s is not None]
    assert names[0] == "Girls"
    assert "Gilmore Girls" in names
    # a web-only show has no network but may have a web channel; neither crashes the parser
    assert all(s.network is None or isinstance(s.network, str) for s in shows if s is not None)
