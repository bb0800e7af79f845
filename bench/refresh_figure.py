"""Refresh of 500 shows (5 changed) and 20 unchanged feeds against local servers.

``python -m bench.refresh_figure DATA`` runs in a fresh process: it starts two HTTP servers on
127.0.0.1 in threads (one plays TVmaze, one serves the feeds, so each has its own rate window),
points the store's feeds at them, runs :func:`fancompanion.fetch.refresh.refresh` and prints
the requests each server answered.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench.measure import run_json
from bench.report import Figure
from bench.tvmaze_doc import embedded_show

CHANGED = 5
ETAG = '"bench-unchanged"'


class Server:
    """A loopback server answering from ``answer(path, headers) -> (status, body)``."""

    def __init__(self, answer: Any) -> None:
        self.hits: Counter[str] = Counter()
        hits = self.hits

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                status, kind, body = answer(urlsplit(self.path).path, self.headers)
                hits[kind] += 1
                self.send_response(status)
                if status == 200:
                    self.send_header("Content-Type", "application/json")
                    self.send_header("ETag", ETAG)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


def probe(data: Path) -> dict[str, Any]:
    from fancompanion.core.models import Feed
    from fancompanion.core.store import Store
    from fancompanion.fetch.http import Http
    from fancompanion.fetch.refresh import refresh
    from fancompanion.fetch.tvmaze import TvMaze

    store = Store(data)
    summaries = sorted(store.catalog.summaries(), key=lambda s: s.id)
    tracked = [s for s in summaries if s.tvmaze_id is not None]
    changed = {s.tvmaze_id: (s.updated or 0) + 1000 for s in tracked[:CHANGED]}
    updates = {str(s.tvmaze_id): changed.get(s.tvmaze_id, s.updated or 0) for s in tracked}

    def tvmaze(path: str, _headers: Any) -> tuple[int, str, bytes]:
        parts = path.strip("/").split("/")
        if parts[:2] == ["updates", "shows"]:
            return 200, "updates", json.dumps(updates).encode()
        if parts[0] == "shows" and len(parts) >= 2 and parts[1].isdigit():
            doc = embedded_show(int(parts[1]), 30)
            doc["updated"] = changed.get(int(parts[1]), 1)
            if len(parts) > 2:  # any other call under a show counts against the target
                return 200, "other", b"[]"
            return 200, "shows", json.dumps(doc).encode()
        return 404, "other", b""

    def feeds(_path: str, headers: Any) -> tuple[int, str, bytes]:
        if headers.get("If-None-Match") == ETAG:
            return 304, "304", b""
        return 200, "feed body", b"<rss version='2.0'><channel><title>x</title></channel></rss>"

    tv, news = Server(tvmaze), Server(feeds)
    for feed in store.user.feeds():
        store.user.remove_feed(feed.url)
    for k in range(20):
        url = f"{news.url}/feed/{k}.xml"
        store.user.put_feed(Feed(url=url, title=f"Feed {k}"))
        store.catalog.put_feed_state(Feed(url=url, title=f"Feed {k}", etag=ETAG))
    hour_ago = datetime.now(UTC) - timedelta(hours=1)
    store.catalog.set_meta(last_refresh=hour_ago.strftime("%Y-%m-%dT%H:%M:%SZ"))
    with Http(retries=0) as http:
        start = time.perf_counter()
        summary = refresh(store, http, tvmaze=TvMaze(http, base=tv.url))
        elapsed = time.perf_counter() - start
    return {
        "seconds": elapsed,
        "shows": len(summaries),
        "tvmaze": dict(tv.hits),
        "feeds": dict(news.hits),
        "errors": list(summary.errors),
        "shows_updated": summary.shows_updated,
    }


def refresh(typical: Path) -> Figure:
    name = "refresh: 5 changed shows, 20 feeds"
    target = "1 updates + 5 show calls; 20x 304, 0 bodies"
    if importlib.util.find_spec("fancompanion.fetch.refresh") is None:
        return Figure(name, "not measured", target, None, None, "fancompanion.fetch is missing")
    with tempfile.TemporaryDirectory(prefix="fc-bench-") as scratch:
        copy = Path(scratch) / "data"
        shutil.copytree(typical, copy)
        try:
            _, out = run_json(["-m", "bench.refresh_figure", str(copy)])
        except RuntimeError as error:
            return Figure(name, "not measured", target, None, None, str(error).splitlines()[-1])
    tv, feeds = out["tvmaze"], out["feeds"]
    updates, shows, other = tv.get("updates", 0), tv.get("shows", 0), tv.get("other", 0)
    not_modified, bodies = feeds.get("304", 0), feeds.get("feed body", 0)
    met = (updates, shows, other, not_modified, bodies) == (1, CHANGED, 0, 20, 0)
    met = met and not out["errors"]
    note = f"{out['shows']} shows in the store; a show call is /shows/:id"
    if other:
        note += f" (+{other} other TVmaze calls)"
    if out["errors"]:
        note += f"; errors: {out['errors'][:2]}"
    return Figure(
        name,
        f"{updates} updates + {shows} show calls; {not_modified}x 304, {bodies} bodies; "
        f"{out['seconds'] * 1000:.0f} ms",
        target,
        None,
        met,
        note,
        out,
    )


if __name__ == "__main__":
    print(json.dumps(probe(Path(sys.argv[1]))), flush=True)
