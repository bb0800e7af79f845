"""``fancompanion news`` with the spoiler shield: hidden titles, ``--spoilers``, JSON."""

from __future__ import annotations

import io
import json

from fancompanion.cli.main import run
from fancompanion.core.store import Store
from tests.marks import watch

JJ = "tvmaze-1370"


def _news(*args: str) -> str:
    out = io.StringIO()
    assert run(["news", *args], out) == 0
    return out.getvalue()


def test_news_hides_what_the_fan_has_not_reached(store: Store) -> None:
    record = store.catalog.record(JJ)
    assert record is not None
    watch(store, JJ, record.episodes[:7])

    text = _news()
    assert "Jessica Jones season 3 is out today" not in text
    assert "Jessica Jones season 1 is out today on Netflix" in text
    shielded = "• 2019-06-14  bundle-014  Spoiler shield · Jessica Jones · beyond S01E08\n"
    source = "                          FanCompanion library notes · shows: Jessica Jones"
    assert shielded + source in text  # date and source kept
    assert "3 items hidden by the spoiler shield (--spoilers shows them)." in text

    revealed = _news("--spoilers")
    assert "Jessica Jones season 3 is out today on Netflix" in revealed
    assert "Spoiler shield" not in revealed


def test_news_json_says_why_an_item_is_shielded(store: Store) -> None:
    record = store.catalog.record(JJ)
    assert record is not None
    watch(store, JJ, record.episodes[:13])  # season 1 done

    rows = {row["id"]: row for row in json.loads(_news("--json"))}
    season3 = rows["bundle-014"]
    assert season3["title"] == "Spoiler shield · Jessica Jones · beyond S02E01"
    assert season3["summary"] == ""
    assert season3["published"] == "2019-06-14"  # a library note is dated by day
    assert season3["shielded"] == {
        "show": "Jessica Jones",
        "beyond": "S02E01",
        "rule": "later season",
    }
    assert rows["bundle-009"]["shielded"] is None  # season 2: the fan is there now
    assert rows["bundle-009"]["title"] == "Jessica Jones season 2 is out today on Netflix"
