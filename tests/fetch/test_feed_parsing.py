"""Feed bytes are untrusted: anything that is not a feed is one error, never a crash or a fetch."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fancompanion.fetch.feeds import parse_feed
from fancompanion.fetch.http import FetchError
from tests.fetch.conftest import FEEDS, Server


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_are_an_error_or_entries(body: bytes) -> None:
    problem = ""
    try:
        _, entries = parse_feed(body, "https://example.org/feed")
    except FetchError as error:
        problem = str(error)
        entries = []
    assert problem == "" or problem.startswith("not a readable RSS/Atom feed")
    assert all(e.item.title for e in entries)


def test_a_body_that_is_a_url_is_not_fetched(server: Server) -> None:
    with pytest.raises(FetchError):
        parse_feed(f"{server.url}/feed.xml".encode(), "https://example.org/feed")
    assert server.requests == []


def test_entries_with_odd_links_keep_their_text_and_no_link() -> None:
    body = (
        (FEEDS / "rss.xml")
        .read_text()
        .replace("{base}/articles/ritter", "file:///etc/passwd")
        .replace("{base}/articles/missing", "javascript:alert(1)")
        .encode()
    )
    _, entries = parse_feed(body, "https://example.org/feed")
    assert [e.item.url for e in entries] == [None, None]
    assert entries[0].fallback == "The actor looks back on three seasons."


def test_hostile_titles_arrive_as_plain_text() -> None:
    body = (
        b"<rss version='2.0'><channel><title>T</title><item><guid>1</guid>"
        b"<title>&lt;b&gt;Bold&lt;/b&gt; \x1b[31mred\x1b[0m [bold]x[/]</title></item>"
        b"</channel></rss>"
    )
    _, [entry] = parse_feed(body, "https://example.org/feed")
    assert "\x1b" not in entry.item.title
    assert "<b>" not in entry.item.title
    assert entry.item.title.startswith("Bold")
