"""Reading news from the command line: list, show one, mark read or unread, JSON for scripts."""

from __future__ import annotations

import io
import json

import pytest

from fancompanion.cli.main import run
from fancompanion.core.library import Library
from fancompanion.core.models import NewsItem
from fancompanion.core.store import Store

LUKE = "bundle-010"


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_news_show_prints_title_source_date_links_and_paragraphs(store: Store) -> None:
    code, out, err = cli("news", "show", LUKE)

    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Luke Cage season 2 is out today on Netflix"
    assert lines[1].startswith("FanCompanion library notes · 2018-06-2")
    assert "shows: Luke Cage, The Defenders" in lines
    assert any(line.startswith("people: Mike Colter, Charlie Cox") for line in lines)
    body = out.split("\n\n", 1)[1]
    assert body.startswith("The second season of Luke Cage was released")
    assert "\n\nMike Colter again plays Luke Cage." in body  # paragraphs stay paragraphs
    assert LUKE in Library(store).read_ids()  # reading it marks it read, as in the app


def test_news_read_unread_and_the_unread_filter(store: Store) -> None:
    first = [n.id for n in Library(store).news()][:3]

    code, out, _ = cli("news", "read", *first)

    assert code == 0
    assert out.strip() == "Marked 3 news items read"
    code, unread, _ = cli("news", "--unread", "--json")
    assert code == 0
    assert not {n["id"] for n in json.loads(unread)} & set(first)
    assert cli("news", "read", first[0])[1].strip() == "Nothing to change"

    code, out, _ = cli("news", "unread", first[1])

    assert code == 0
    assert out.strip() == "Marked 1 news item unread"
    assert Library(store).read_ids() & set(first) == {first[0], first[2]}
    _, listing, _ = cli("news", "--unread")
    assert first[1] in listing
    assert first[0] not in listing


def test_news_json_carries_each_items_text(store: Store) -> None:
    code, out, _ = cli("news", "--json", "--limit", "2")

    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 2
    library = Library(store)
    for row in rows:
        assert row["text"] == library.news_text(row["id"])
        assert row["text"]
        assert {"id", "title", "published", "source", "url", "shows", "people", "read"} <= set(row)


@pytest.mark.parametrize("value", ["0", "-3", "many"])
def test_limit_must_be_a_positive_number(store: Store, value: str) -> None:
    code, out, err = cli("news", "--limit", value)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("fancompanion: error: argument --limit:")


def test_unknown_or_ambiguous_ids_are_one_line_errors(store: Store) -> None:
    code, _, err = cli("news", "show", "nope-nope")
    assert code == 1
    assert err == "fancompanion: error: no news item 'nope-nope'; `fancompanion news` lists them\n"
    code, _, err = cli("news", "read", "bundle-0")
    assert code == 1
    assert err.startswith("fancompanion: error: 'bundle-0' starts 17 news ids (bundle-0")
    assert err.count("\n") == 1


def test_news_show_never_prints_escape_bytes_from_the_store(store: Store) -> None:
    hostile = NewsItem(id="hostile-1", feed="test", title="Bad \x1b]0;owned\x07 title")
    store.catalog.put_news([(hostile, "line one\x1b[2J\n\nline \x9b31m two")])

    code, out, _ = cli("news", "show", "hostile-1")

    assert code == 0
    assert "\x1b" not in out
    assert "\x9b" not in out
    assert "\x07" not in out
    assert "line one" in out
    assert "two" in out
