"""News feeds: subscribe, fetch new items with their articles, read them offline, linked."""

from __future__ import annotations

import io
import json

import pytest

from fancompanion.cli.main import run
from fancompanion.core.library import Library
from fancompanion.core.store import Store
from fancompanion.fetch.http import FetchError, Http
from tests.fetch.conftest import FEEDS, Reply, Request, Server
from tests.fetch.showdata import JJ_ID, JJ_IMDB
from tests.fetch.test_add_shows import serve_jessica_jones

RSS_TYPE = {"Content-Type": "application/rss+xml; charset=utf-8"}
HTML_TYPE = {"Content-Type": "text/html; charset=utf-8"}


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def feed_file(server: Server, name: str, **replace: str) -> bytes:
    text = (FEEDS / name).read_text(encoding="utf-8").replace("{base}", server.url)
    for old, new in replace.items():
        text = text.replace(old, new)
    return text.encode("utf-8")


def serve_rss_with_validators(server: Server) -> None:
    body = feed_file(server, "rss.xml")
    validators = {"ETag": '"v1"', "Last-Modified": "Tue, 24 Nov 2026 10:00:00 GMT"}

    def rss(request: Request) -> Reply:
        if request.headers.get("if-none-match") == '"v1"':
            return Reply(304, headers=validators)
        return Reply(200, body, {**RSS_TYPE, **validators})

    server.route("/rss.xml", rss)
    server.route("/articles/ritter", Reply(200, (FEEDS / "article.html").read_bytes(), HTML_TYPE))


def subscribe(server: Server, path: str) -> str:
    url = f"{server.url}{path}"
    code, _, err = cli("feeds", "add", url)
    assert code == 0, err
    return url


def item_titled(store: Store, words: str) -> str:
    return next(n.id for n in store.catalog.news() if words in n.title)


def test_new_items_are_stored_with_their_article_text_and_linked(
    server: Server, store: Store, sleeps: list[float]
) -> None:
    serve_rss_with_validators(server)
    subscribe(server, "/rss.xml")

    code, out, err = cli("fetch", "--news")

    assert code == 0, err
    assert out.strip() == "0 shows updated, 2 new news items, 0 errors"
    library = Library(store)
    ritter = item_titled(store, "Krysten Ritter")
    text = library.news_text(ritter)
    assert "Alias Investigations" in text
    assert "tracker" not in text
    assert "Cookie settings" not in text
    item = next(n for n in library.news() if n.id == ritter)
    assert item.source == "Screen Dispatch"
    assert item.published == "2026-11-24T09:30:00Z"
    people = {
        p.person.name for p in store.catalog.people().values() if p.person.id in item.person_ids
    }
    shows = {s.name for s in library.summaries() if s.id in item.show_ids}
    assert "Krysten Ritter" in people
    assert "Jessica Jones" in shows
    quiet = item_titled(store, "quiet week")  # its article is missing: the entry's text is kept
    assert library.news_text(quiet).startswith("Nothing new lands")
    assert {
        s.name
        for s in library.summaries()
        if s.id in next(n for n in library.news() if n.id == quiet).show_ids
    } == {"Daredevil"}


def test_an_unchanged_feed_costs_one_304(server: Server, store: Store, sleeps: list[float]) -> None:
    serve_rss_with_validators(server)
    subscribe(server, "/rss.xml")
    assert cli("fetch", "--news")[0] == 0
    server.requests.clear()

    code, out, _ = cli("fetch", "--news")

    assert code == 0
    assert out.strip() == "0 shows updated, 0 new news items, 0 errors"
    assert server.paths() == ["/rss.xml"]
    sent = server.requests[0].headers
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == "Tue, 24 Nov 2026 10:00:00 GMT"


def test_a_changed_entry_is_revised_not_duplicated_and_stays_read(
    server: Server, store: Store, sleeps: list[float]
) -> None:
    first = feed_file(server, "atom.xml")
    server.route("/atom.xml", Reply(200, first, {"Content-Type": "application/atom+xml"}))
    subscribe(server, "/atom.xml")
    assert cli("fetch", "--news")[0] == 0
    vinyl = item_titled(store, "vinyl")
    Library(store).set_read(vinyl)
    changed = first.replace(b"gets a vinyl release", b"gets a deluxe vinyl release").replace(
        b"</feed>",
        b"<entry><title>Iron Fist at twenty</title><id>urn:fc:2</id>"
        b"<updated>2026-11-25T00:00:00Z</updated></entry></feed>",
    )
    server.route("/atom.xml", Reply(200, changed, {"Content-Type": "application/atom+xml"}))

    code, out, _ = cli("fetch", "--news")

    assert code == 0
    assert "1 new news item," in out
    titles = [n.title for n in store.catalog.news() if n.feed.endswith("/atom.xml")]
    assert sorted(titles) == [
        "Iron Fist at twenty",
        "Luke Cage soundtrack gets a deluxe vinyl release",
    ]
    assert vinyl in Library(store).read_ids()
    assert "Luke Cage" in Library(store).news_text(vinyl)  # the stored body is kept


def test_atom_entry_without_article_keeps_its_content(
    server: Server, store: Store, sleeps: list[float]
) -> None:
    server.route(
        "/atom.xml", Reply(200, feed_file(server, "atom.xml"), {"Content-Type": "text/xml"})
    )
    server.route("/articles/vinyl", Reply(200, b"%PDF-1.4", {"Content-Type": "application/pdf"}))
    subscribe(server, "/atom.xml")
    code, _, err = cli("fetch", "--news")
    assert code == 0
    assert "unexpected content type 'application/pdf'" in err
    vinyl = next(n for n in store.catalog.news() if "vinyl" in n.title)
    assert vinyl.author == "Sam Critic"
    assert (
        Library(store).news_text(vinyl.id)
        == "The score of Luke Cage, all of it, pressed on two records."
    )


def test_a_malformed_feed_is_that_feeds_error_only(
    server: Server, store: Store, sleeps: list[float]
) -> None:
    server.route("/bad.xml", Reply(200, feed_file(server, "malformed.xml"), HTML_TYPE))
    serve_rss_with_validators(server)
    bad = subscribe(server, "/bad.xml")
    subscribe(server, "/rss.xml")

    code, out, err = cli("fetch", "--news")

    assert code == 1
    assert out.strip() == "0 shows updated, 2 new news items, 1 error"
    assert f"error: {bad}: not a readable RSS/Atom feed" in err
    code, listing, _ = cli("feeds", "list")
    assert code == 0
    lines = listing.splitlines()
    at = next(i for i, line in enumerate(lines) if f"<{bad}>" in line)
    assert lines[at + 1].strip().startswith("error: not a readable RSS/Atom feed")
    assert "Screen Dispatch" in listing


def test_a_huge_feed_is_refused_by_the_size_cap(
    server: Server, store: Store, sleeps: list[float]
) -> None:
    server.route("/huge.xml", Reply(200, b"<rss>" + b" " * (6 * 1024 * 1024), RSS_TYPE))
    url = subscribe(server, "/huge.xml")
    code, _, err = cli("fetch", "--news")
    assert code == 1
    assert f"refused {url}: larger than 5 MB" in err


def test_only_http_urls_are_accepted(store: Store) -> None:
    code, _, err = cli("feeds", "add", "file:///etc/passwd")
    assert code == 1
    assert "not an http(s) URL" in err
    with Http() as http, pytest.raises(FetchError, match="not an http"):
        http.get("ftp://example.org/feed.xml")


def test_bundled_suggestions_stay_off_the_network(store: Store) -> None:
    code, listing, _ = cli("feeds", "list")
    assert code == 0
    assert listing.count("off ") == len(store.user.feeds()) > 0
    code, listing, _ = cli("feeds", "list", "--json")
    assert code == 0
    rows = json.loads(listing)
    assert [r["url"] for r in rows] == [f.url for f in store.user.feeds()]
    assert not any(r["enabled"] for r in rows)
    assert all(r["last_fetched"] is None for r in rows)
    code, out, _ = cli("fetch", "--news")  # no internet here: any request would fail
    assert code == 0
    feeds = len(store.user.feeds())
    assert out.strip() == (
        f"no news feed is enabled, nothing to fetch: turn one of your {feeds} feeds on with "
        "`fancompanion feeds enable URL` (`fancompanion feeds list` shows them)"
    )


def test_feeds_enable_disable_remove(server: Server, store: Store) -> None:
    url = subscribe(server, "/rss.xml")
    assert cli("feeds", "disable", url)[0] == 0
    assert next(f for f in store.user.feeds() if f.url == url).enabled is False
    assert cli("feeds", "enable", url)[0] == 0
    assert next(f for f in store.user.feeds() if f.url == url).enabled is True
    assert cli("feeds", "remove", url)[0] == 0
    assert all(f.url != url for f in store.user.feeds())
    code, _, err = cli("feeds", "remove", url)
    assert code == 1
    assert "no feed" in err


def test_a_refresh_never_writes_user_state(tvmaze: Server, store: Store) -> None:
    serve_rss_with_validators(tvmaze)
    subscribe(tvmaze, "/rss.xml")
    library = Library(store)
    view = library.show(library.summaries()[0].id)
    assert view is not None
    library.toggle_watched(view, view.record.episodes[0])
    library.set_read(store.catalog.news()[0].id)
    before = {p: p.read_bytes() for p in store.user.files()}

    def lookup(request: Request) -> Reply:
        if request.query.get("imdb") == [JJ_IMDB]:
            return Reply(301, headers={"Location": f"/shows/{JJ_ID}"})
        return Reply(404, b"null", {"Content-Type": "application/json"})

    tvmaze.route("/lookup/shows", lookup)
    serve_jessica_jones(tvmaze)  # known by TVmaze id or found by IMDb id: refetched

    code, out, err = cli("fetch")

    assert code == 0, err
    assert out.strip() == "1 show updated, 2 new news items, 0 errors"
    assert {p: p.read_bytes() for p in store.user.files()} == before


def test_news_without_network_is_one_message_and_nothing_is_written(
    store: Store, sleeps: list[float]
) -> None:
    assert cli("feeds", "add", "http://127.0.0.1:9/feed.xml")[0] == 0  # nothing listens
    before = {str(p): p.read_bytes() for p in store.catalog.root.rglob("*.json")}
    code, out, err = cli("fetch", "--news")
    assert code == 1
    assert out == ""
    assert "fancompanion: error: no network, nothing changed: cannot reach 127.0.0.1:9" in err
    assert {str(p): p.read_bytes() for p in store.catalog.root.rglob("*.json")} == before
