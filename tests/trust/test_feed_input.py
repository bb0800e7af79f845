"""Feeds as servers really send them: huge, mis-encoded, mislabelled — parsed, stored, shown."""

from __future__ import annotations

from fancompanion.core.store import Store
from fancompanion.fetch.feeds import parse_feed
from tests.trust import hostile
from tests.trust.helpers import cli

URL = "https://example.org/feed"


def _rss(title: bytes, items: bytes, encoding: bytes = b"utf-8") -> bytes:
    return (
        b'<?xml version="1.0" encoding="' + encoding + b'"?><rss version="2.0"><channel>'
        b"<title>" + title + b"</title>" + items + b"</channel></rss>"
    )


def _item(n: int, title: bytes) -> bytes:
    return (
        b"<item><title>" + title + b"</title><link>https://example.org/%d</link>"
        b"<description>&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;Body&lt;/b&gt;"
        b"</description></item>" % n
    )


def test_a_feed_of_ten_thousand_entries_is_parsed_stored_and_listed(store: Store) -> None:
    items = b"".join(_item(n, b"Entry %d \x1b]52;c;aGk=\x07" % n) for n in range(10_000))
    title, entries = parse_feed(_rss(b"Big feed", items), URL)
    assert title == "Big feed"
    assert len(entries) == 10_000
    assert {e.item.summary for e in entries} == {"Body"}
    added = store.catalog.put_news([(e.item, "") for e in entries])
    assert len(added) == 10_000
    code, out, err = cli("news", "--limit", "3")
    assert (code, err) == (0, "")
    assert hostile.forbidden_in(out) == set()
    assert "aGk=" not in out


def test_invalid_utf8_is_read_not_refused() -> None:
    body = _rss(b"Caf\xe9 \xff\xfe", _item(1, b"Na\xefve \xc3\x28 title"))
    title, entries = parse_feed(body, URL)
    assert title.startswith("Caf")
    assert len(entries) == 1
    assert entries[0].item.title.startswith("Na")
    assert hostile.forbidden_in(title + entries[0].item.title) == set()


def test_a_windows_1252_feed_keeps_its_punctuation() -> None:
    body = _rss(b"\x93Quoted\x94 news \x85", _item(1, b"\x80 prices"), b"windows-1252")
    title, entries = parse_feed(body, URL)
    assert title == "“Quoted” news …"
    assert entries[0].item.title == "€ prices"


def test_a_feed_declaring_the_wrong_encoding_still_yields_clean_text() -> None:
    body = _rss("Ünïcödé ✓".encode(), _item(1, "Ça marche — ok".encode()), b"iso-8859-1")
    title, entries = parse_feed(body, URL)
    assert len(entries) == 1
    assert hostile.forbidden_in(title + entries[0].item.title) == set()  # mojibake, not controls
