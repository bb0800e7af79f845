"""The bundled library (``data/``): seeds a new store, merges newer bundles into old ones.

Shows in the bundle are TVmaze-shaped JSON and go through the same parser and the same
:meth:`Catalog.put_shows` as fetched data. Only the catalog is written; suggested feeds are
offered to the user disabled.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec

from fancompanion.core import ids
from fancompanion.core.identity import ShowIds, ShowIndex
from fancompanion.core.models import Feed, NewsItem, ShowRecord
from fancompanion.core.store.errors import StoreError
from fancompanion.core.store.files import read_json
from fancompanion.core.store.store import Store
from fancompanion.core.text import clean_line, clean_text, clean_url


class Bundle(msgspec.Struct, frozen=True):
    version: int
    records: tuple[ShowRecord, ...]
    news: tuple[tuple[NewsItem, str], ...]
    feeds: tuple[Feed, ...]
    problems: tuple[str, ...]


def load_bundle(path: Path) -> Bundle:
    # imported here: every start opens a store, and only a new or older one loads the bundle
    from fancompanion.core.tvmaze_json import parse_show_record

    manifest = read_json(path / "manifest.json")
    if not isinstance(manifest, dict):
        raise StoreError(f"{path / 'manifest.json'} is missing: the bundled library is incomplete")
    problems: list[str] = []
    records = []
    for name in manifest.get("shows") or []:
        record = parse_show_record(read_json(path / "shows" / str(name)), problems=problems)
        if record is not None:
            records.append(record)
    news = tuple(_news(doc) for doc in _list(read_json(path / str(manifest.get("news", "")))))
    feeds = tuple(
        Feed(url=url, title=clean_line(doc.get("title")), enabled=False)
        for doc in _list(read_json(path / str(manifest.get("feeds", ""))))
        if (url := clean_url(doc.get("url")))
    )
    version = manifest.get("bundle_version")
    return Bundle(
        version=version if isinstance(version, int) else 0,
        records=tuple(records),
        news=tuple(item for item in news if item is not None),
        feeds=feeds,
        problems=tuple(problems),
    )


def _list(value: Any) -> list[dict[str, Any]]:
    return [d for d in value if isinstance(d, dict)] if isinstance(value, list) else []


def _news(doc: dict[str, Any]) -> tuple[NewsItem, str] | None:
    title = clean_line(doc.get("title"))
    if not title:
        return None
    feed = clean_line(doc.get("feed")) or "FanCompanion library notes"
    item = NewsItem(
        id=clean_line(doc.get("id"), limit=60) or ids.news_id(feed, title),
        feed=feed,
        source=feed,
        title=title,
        url=clean_url(doc.get("url")),
        published=clean_line(doc.get("published"), limit=30) or None,
        author=clean_line(doc.get("author")),
        summary=clean_text(doc.get("summary"), limit=2000),
    )
    return item, clean_text(doc.get("text"))


def seed_if_needed(store: Store, bundle_path: Path) -> bool:
    """Seed a new catalog, or merge a newer bundle. Returns True when anything was written.

    A newer bundle replaces its shows (cast, crew, ids) and corrects its own library notes;
    only the catalog is written, so the fan's marks, statuses and read marks stay as they are.
    """
    catalog = store.catalog
    if catalog.exists() and int(catalog.meta().get("bundle_version") or 0) >= peek_version(
        bundle_path
    ):
        return False
    from fancompanion.core.linking import link_news

    bundle = load_bundle(bundle_path)
    with catalog.lock.held():
        fresh = not catalog.exists()
        # Suggested feeds are offered to a new fan only: a catalog rebuilt under an existing
        # user state (doctor, a lost index) must not bring back feeds the fan removed.
        new_fan = fresh and not store.user.state_path.exists()
        # A newer bundle never replaces a show the fetcher has brought up to date since
        # (a stored TVmaze "updated" stamp later than the bundle's own).
        stored = ShowIndex([] if fresh else catalog.summaries())
        removed = set(catalog.meta().get("removed") or ()) if not fresh else set()
        records = [
            r for r in bundle.records if not _fetched_since(r, stored) and r.show.id not in removed
        ]
        catalog.put_shows(records)
        catalog.put_news(list(bundle.news))
        if not fresh:  # library notes the new bundle corrects (text included)
            catalog.revise_news([item for item, _ in bundle.news])
            for item, text in bundle.news:
                if text and catalog.news_text(item.id) != text:
                    catalog.put_news_text(item.id, text)
        link_news(store)
        catalog.set_meta(bundle_version=bundle.version)
    if new_fan:
        known = {f.url for f in store.user.feeds()}
        for feed in bundle.feeds:
            if feed.url not in known:
                store.user.put_feed(feed)
    return True


def _fetched_since(record: ShowRecord, stored: ShowIndex) -> bool:
    show = record.show
    summary = stored.find(ShowIds(show.tvmaze_id, show.imdb_id, show.thetvdb_id))
    return (
        summary is not None
        and summary.updated is not None
        and (show.updated or 0) < summary.updated
    )


def peek_version(bundle_path: Path) -> int:
    """The bundle_version in a bundle's manifest (0 when it has none)."""
    manifest = read_json(bundle_path / "manifest.json")
    version = manifest.get("bundle_version") if isinstance(manifest, dict) else None
    return version if isinstance(version, int) else 0
