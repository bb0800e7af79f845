"""RSS and Atom feeds: one conditional GET per feed, entries parsed by feedparser.

feedparser only ever sees bytes we fetched ourselves (through :class:`Http`, with its size cap
and timeouts); it is never handed a URL. An unchanged feed answers 304 and costs no body.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fancompanion.core import ids
from fancompanion.core.models import Feed, NewsItem
from fancompanion.core.text import clean_line, clean_text, clean_url
from fancompanion.fetch.http import FetchError, Http

FEED_TYPES = ("xml", "rss", "atom", "rdf", "text/", "octet-stream")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """A new-looking feed entry: the item to store and the text to fall back on."""

    item: NewsItem
    fallback: str  # the entry's content or summary, as plain text


@dataclass(frozen=True, slots=True)
class FeedFetch:
    not_modified: bool
    title: str
    entries: list[FeedEntry]
    etag: str | None
    last_modified: str | None


def fetch_feed(http: Http, feed: Feed) -> FeedFetch:
    """GET a feed conditionally and parse it; a :class:`FetchError` when it is unusable."""
    headers: dict[str, str] = {}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    reply = http.get(feed.url, headers=headers, accept=FEED_TYPES)
    etag = reply.headers.get("etag") or feed.etag
    modified = reply.headers.get("last-modified") or feed.last_modified
    if reply.status == 304:
        return FeedFetch(True, feed.title, [], etag, modified)
    title, entries = parse_feed(reply.body, feed.url, reply.headers)
    return FeedFetch(False, title or feed.title, entries, etag, modified)


def parse_feed(
    body: bytes, feed_url: str, headers: Mapping[str, str] | None = None
) -> tuple[str, list[FeedEntry]]:
    """The feed's title and its entries; a :class:`FetchError` for something not a feed."""
    import feedparser

    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers={k.lower(): v for k, v in (headers or {}).items()},
        resolve_relative_uris=False,
        sanitize_html=False,  # we turn HTML into plain text ourselves
    )
    meta: Mapping[str, Any] = parsed.get("feed") or {}
    raw_entries = parsed.get("entries") or []
    if not raw_entries and (parsed.get("bozo") or not parsed.get("version")):
        reason = parsed.get("bozo_exception")
        detail = clean_line(str(reason), limit=120) if reason else "no entries"
        raise FetchError(f"not a readable RSS/Atom feed: {detail}")
    title = clean_line(meta.get("title"), is_html=True)
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for raw in raw_entries:
        entry = parse_entry(raw, feed_url, title)
        if entry is not None and entry.item.id not in seen:
            seen.add(entry.item.id)
            entries.append(entry)
    return title, entries


def parse_entry(raw: Mapping[str, Any], feed_url: str, source: str) -> FeedEntry | None:
    """One entry as a news item; None only for an entry with nothing to read at all.

    RSS 2.0 asks only for a title or a description, and Atom entries may have no link: an
    entry without a guid or link is identified by a hash of its content (stable while the
    source does not edit it), and one without a title is titled by the first words of its text
    (``title_from_text``).
    """
    link = clean_url(raw.get("link"))
    guid = clean_line(raw.get("id"), limit=2000)
    title = clean_line(raw.get("title"), is_html=True)
    summary = clean_text(raw.get("summary"), limit=2_000)
    contents = raw.get("content")
    content = ""
    if isinstance(contents, list):
        content = "\n\n".join(
            clean_text(c.get("value")) for c in contents if isinstance(c, Mapping)
        ).strip()
    text = content or summary
    if not title and not text and not link:
        return None
    identity = guid or link or "content:" + _digest(title, summary, content)
    made_title = not title
    if made_title:
        title = first_words(text) if text else clean_line(link, limit=120)
    item = NewsItem(
        id=ids.news_id(feed_url, identity),
        feed=feed_url,
        title=title,
        url=link,
        published=_published(raw),
        author=clean_line(raw.get("author"), limit=200),
        summary=summary,
        source=source,
        title_from_text=made_title,
    )
    return FeedEntry(item, text)


def first_words(text: str, limit: int = 80) -> str:
    """A title made of a text's first words: whole words, at most ``limit`` characters."""
    line = clean_line(text)
    if len(line) <= limit:
        return line
    cut = line[: limit + 1].rsplit(" ", 1)[0] if " " in line[:limit] else line[:limit]
    return cut.rstrip(" ,.;:-–—") + "…"


def _digest(*parts: str) -> str:
    return hashlib.sha1("\n\x1f".join(parts).encode("utf-8")).hexdigest()


_CLOCK = re.compile(r"\d:\d")  # a time of day anywhere in a date string


def _published(raw: Mapping[str, Any]) -> str | None:
    """When the entry was published: a UTC stamp, or a bare ``YYYY-MM-DD`` for a date-only value.

    feedparser reads a date-only value as midnight UTC; kept as a stamp, it would claim a time
    nobody gave and show as the previous day west of Greenwich. So the date stays a date.
    """
    for key in ("published", "updated"):
        parsed = raw.get(f"{key}_parsed")
        stamp = _stamp(parsed)
        if stamp is None:
            continue
        given = raw.get(key)
        if isinstance(given, str) and not _CLOCK.search(given):
            return stamp[:10]
        return stamp
    return None


def _stamp(value: object) -> str | None:
    """feedparser's UTC ``struct_time`` to our ISO-8601 form."""
    try:
        seconds = calendar.timegm(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None
    try:
        return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (OverflowError, OSError, ValueError):
        return None
