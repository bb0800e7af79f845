"""No feed item is silently dropped; paragraphs and date-only days survive the trip."""

from __future__ import annotations

import io
import os
import time
from collections.abc import Iterator

import pytest

from fancompanion.cli.main import run
from fancompanion.core.library import Library
from fancompanion.core.store import Store
from fancompanion.core.timeutil import local_display
from tests.fetch.conftest import Reply, Server

RSS_TYPE = {"Content-Type": "application/rss+xml; charset=utf-8"}
HTML_TYPE = {"Content-Type": "text/html; charset=utf-8"}

# RSS 2.0 needs only a title or a description: these items have no guid and no link.
BARE_RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Bare Bulletin</title>
<item><description>Jessica Jones returns to the screen in a new limited series, the studio
said on Tuesday, with the original cast back for eight episodes.</description>
<pubDate>2026-11-20</pubDate></item>
<item><title>Untitled no more</title><description>A titled item without a link.</description>
<pubDate>Fri, 20 Nov 2026 23:30:00 -0800</pubDate></item>
<item><description>Short note.</description></item>
<item></item>
</channel></rss>"""

PARAGRAPHS = " ".join(f"Sentence {n} of the first paragraph about the series." for n in range(12))
ARTICLE = f"""<html><head><title>Story</title></head><body><nav>Home | Shows | Login</nav>
<article><h1>The story</h1><p>{PARAGRAPHS}</p>
<p>The second paragraph starts here and has enough words to be kept by the extractor,
which looks for real prose rather than navigation.</p>
<p>A third paragraph closes the story.</p></article>
<footer>Cookie settings</footer></body></html>""".encode()

LINKED_RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Paragraph Post</title>
<item><title>A story in three paragraphs</title><link>{base}/story</link>
<guid>pp-1</guid><pubDate>Sat, 21 Nov 2026 10:00:00 GMT</pubDate></item>
</channel></rss>"""


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def pacific() -> Iterator[None]:
    """The local time zone far west of UTC, where a date read as midnight UTC slips a day."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/Los_Angeles"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_items_without_title_link_or_guid_are_kept_once_with_a_title_from_their_text(
    server: Server, store: Store, sleeps: list[float]
) -> None:
    server.route("/bare.xml", Reply(200, BARE_RSS, RSS_TYPE))
    assert cli("feeds", "add", f"{server.url}/bare.xml")[0] == 0
    bundled = len(store.catalog.news())

    code, out, err = cli("fetch", "--news")

    assert code == 0, err
    assert "3 new news items" in out  # the empty <item/> has nothing to keep
    items = {n.title: n for n in Library(store).news() if n.feed.endswith("/bare.xml")}
    made = next(n for n in items.values() if n.title.startswith("Jessica Jones returns"))
    assert made.title_from_text
    assert made.title.endswith("…")
    assert len(made.title) <= 81
    assert not items["Untitled no more"].title_from_text
    assert items["Short note."].title_from_text
    assert "Jessica Jones" in {s.name for s in Library(store).summaries() if s.id in made.show_ids}
    assert Library(store).news_text(made.id).endswith("for eight episodes.")

    code, out, _ = cli("fetch", "--news")  # the same feed again: nothing new, nothing doubled

    assert code == 0
    assert "0 new news items" in out
    assert len(store.catalog.news()) == bundled + 3


def test_a_date_only_published_stays_that_date_in_store_cli_and_display(
    server: Server, store: Store, sleeps: list[float], pacific: None
) -> None:
    server.route("/bare.xml", Reply(200, BARE_RSS, RSS_TYPE))
    assert cli("feeds", "add", f"{server.url}/bare.xml")[0] == 0
    assert cli("fetch", "--news")[0] == 0
    items = {n.title: n for n in store.catalog.news() if n.feed.endswith("/bare.xml")}
    dated = next(n for n in items.values() if n.title.startswith("Jessica Jones returns"))
    timed = items["Untitled no more"]

    assert dated.published == "2026-11-20"  # no invented midnight, no shift to the 19th
    assert local_display(dated.published) == "2026-11-20"
    assert local_display(dated.published, with_time=True) == "2026-11-20"
    assert timed.published == "2026-11-21T07:30:00Z"  # a real time still moves to UTC
    assert local_display(timed.published, with_time=True) == "2026-11-20 23:30"
    _, listing, _ = cli("news")
    [line] = [line for line in listing.splitlines() if "Jessica Jones returns" in line]
    assert line.split()[1:3] == ["2026-11-20", dated.id[:8]]
    _, shown, _ = cli("news", "show", dated.id)
    assert shown.splitlines()[1] == "Bare Bulletin · 2026-11-20"


def test_article_text_keeps_its_paragraphs(
    server: Server, store: Store, sleeps: list[float]
) -> None:
    server.route(
        "/feed.xml", Reply(200, LINKED_RSS.replace(b"{base}", server.url.encode()), RSS_TYPE)
    )
    server.route("/story", Reply(200, ARTICLE, HTML_TYPE))
    assert cli("feeds", "add", f"{server.url}/feed.xml")[0] == 0

    assert cli("fetch", "--news")[0] == 0

    [item] = [n for n in store.catalog.news() if n.feed.endswith("/feed.xml")]
    paragraphs = Library(store).news_text(item.id).split("\n\n")
    assert paragraphs[-3].startswith("Sentence 0 of the first paragraph")
    assert paragraphs[-2].startswith("The second paragraph starts here")
    assert paragraphs[-1] == "A third paragraph closes the story."
    assert "Cookie settings" not in paragraphs[-1]
