"""Hostile text from a TV database or a feed reaches the command line as plain, literal text.

The values go through the real parsers (the bundled-library loader uses the TVmaze parser and
the news path) into a real store; then ``shows`` and ``news`` run as a user would run them.
"""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest
from msgspec.structs import replace

from fancompanion.core.linking import Linker
from fancompanion.core.models import NewsItem
from fancompanion.core.opening import open_store
from fancompanion.core.store import Store
from fancompanion.core.text import MAX_LINE
from tests.trust import hostile
from tests.trust.helpers import cli


@pytest.fixture
def hostile_store(data_dir: Path, tmp_path: Path) -> Store:
    return open_store(data_dir, bundle=hostile.write_bundle(tmp_path / "bundle"))


@pytest.mark.parametrize(
    "argv", [("shows",), ("shows", "--json"), ("news",), ("news", "--json")], ids=" ".join
)
def test_no_control_character_reaches_the_terminal(
    hostile_store: Store, argv: tuple[str, ...]
) -> None:
    code, out, err = cli(*argv)
    assert (code, err) == (0, "")
    assert hostile.forbidden_in(out) == set()
    assert "\x1b" not in out
    assert "evil.example" not in out  # the OSC 8 target went with its escape
    assert "copythis" in out  # the OSC 52 clipboard write is gone, payload and all


def test_markup_and_wide_text_appear_literally(hostile_store: Store) -> None:
    _, out, _ = cli("shows", "--json")
    names = {row["name"] for row in json.loads(out)}
    assert hostile.MARKUP in names  # brackets are text, not styles or actions
    assert "進撃の巨人 🦸\u200d♀️ café cafe\u0301" in names  # ZWJ emoji, combining mark kept
    assert "honest EVIL" in names  # a bare CR cannot overwrite the start of the line
    assert "abcXYZ" in names  # backspaces cannot rub out what came before
    assert "nulbyte" in names
    assert "c1csi nel end" in names
    assert "evil and isolated" in names
    assert "zerowidthjoin" in names
    assert "clearscreen red" in names
    assert "click me" in names
    # a name is plain text upstream: HTML in it is shown as the characters it is
    assert hostile.HTML in names


def test_html_in_summaries_is_text_and_scripts_never_survive(hostile_store: Store) -> None:
    news = {item["id"]: item for item in json.loads(cli("news", "--json")[1])}
    assert news["hostile-html"]["summary"] == "Plain bold"
    # escapes spelled as HTML entities decode to nothing (invalid code points): the rest is inert
    assert news["hostile-entity_escape"]["summary"] == "entity [2J ]52;c;aGk= & <b>"
    body = hostile_store.catalog.news_text("hostile-long_title")
    assert body.startswith("Plain bold\n\nAAAA")
    assert "alert" not in body
    assert "color:red" not in body


def test_long_values_are_cut_to_a_sensible_size(hostile_store: Store) -> None:
    _, out, _ = cli("shows")
    long_row = next(line for line in out.splitlines() if line.startswith("TTTT"))
    assert long_row.split()[0] == "T" * 39 + "…"  # the name column stays 40 wide
    _, out, _ = cli("news")
    assert max(len(line) for line in out.splitlines()) <= MAX_LINE + 30  # + date, bullet
    rows = json.loads(cli("shows", "--json")[1])
    assert max(len(row["name"]) for row in rows) == MAX_LINE
    news = json.loads(cli("news", "--json")[1])
    assert max(len(item["title"]) for item in news) == MAX_LINE
    assert max(len(item["summary"]) for item in news) <= 2_000


def test_a_one_megabyte_summary_is_stored_capped(hostile_store: Store) -> None:
    html_show = f"tvmaze-{70_000 + list(hostile.NAMED).index('html') + 1}"
    record = hostile_store.catalog.record(html_show)
    assert record is not None
    assert record.show.summary.startswith("Plain bold")
    assert len(record.show.summary) <= 20_000
    assert record.show.official_site is None  # javascript: is not a link
    sizes = [p.stat().st_size for p in hostile_store.catalog.root.rglob("*") if p.is_file()]
    assert max(sizes) < 1_000_000  # no stored file holds the megabyte


def test_everything_stored_is_already_clean(hostile_store: Store) -> None:
    """The parser is the door: the store holds no control characters anywhere."""

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for k, v in value.items() for s in [*strings(k), *strings(v)]]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return []

    for path in hostile_store.root.rglob("*.json"):
        found = [s for s in strings(orjson.loads(path.read_bytes())) if hostile.forbidden_in(s)]
        assert found == [], path
    for path in hostile_store.catalog.text_dir.glob("*.txt"):
        assert hostile.forbidden_in(path.read_text(encoding="utf-8")) == set(), path


def test_text_edited_into_the_store_by_hand_is_still_made_safe(store: Store) -> None:
    """The store is untrusted too: values that skipped the parser are cleaned on the way out."""
    raw = "".join(hostile.NAMED[k] for k in ("csi", "osc52", "c1", "bidi", "carriage"))
    summary = next(s for s in store.catalog.summaries() if s.name == "Daredevil")
    record = store.catalog.record(summary.id)
    assert record is not None
    tampered = replace(record.show, name=raw, network=hostile.OSC8)
    store.catalog.put_shows([replace(record, show=tampered)])
    store.catalog.put_news([(NewsItem(id="tampered", feed="f", title=raw), "")])
    store.catalog.set_news_links({"tampered": ((summary.id,), ())})
    for argv in (("shows",), ("shows", "--json"), ("news",), ("news", "--json")):
        code, out, err = cli(*argv)
        assert (code, err) == (0, "")
        assert hostile.forbidden_in(out) == set(), argv
    assert "evil and isolated" in cli("news")[1]


def test_a_name_of_the_longest_allowed_length_does_not_break_news_linking() -> None:
    longest = "Y" * MAX_LINE  # what clean_line lets through from a hostile source
    linker = Linker.build([("long", [longest]), ("dd", ["Daredevil"])], [("p", longest)])
    assert linker.link(f"Daredevil meets {longest}") == (("dd",), ())
