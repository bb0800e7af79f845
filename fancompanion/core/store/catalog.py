"""The catalog: what sources say about shows, people and news. Refreshes write only here.

Layout under ``<data>/catalog/``::

    index.json          one row per show (ShowSummary): all the library list needs at start
    shows/<id>.json     one file per show: show, seasons, episodes, credits
    people.json         people and the shows they are credited in
    news.json           news items (no bodies) and per-feed fetch state
    text/<id>.txt       news bodies, read only when an item is opened
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import msgspec
from msgspec.structs import replace

from fancompanion.core import ids
from fancompanion.core.changes import KEEP, ShowChange, diff
from fancompanion.core.identity import ShowIndex
from fancompanion.core.models import (
    Feed,
    NewsItem,
    ShowRecord,
    ShowSummary,
)
from fancompanion.core.store.files import StoreLock, atomic_write
from fancompanion.core.store.records import merge_people, resolve, summarize
from fancompanion.core.store.schema import (
    CHANGES,
    INDEX,
    NEWS,
    PEOPLE,
    SHOW,
    ChangesFile,
    IndexFile,
    IndexInfoFile,
    IndexNamesFile,
    NewsDatesFile,
    NewsFile,
    PeopleFile,
    PersonCredits,
    ShowFile,
    ShowName,
    to_doc,
)
from fancompanion.core.store.tables import edit
from fancompanion.core.store.tinyfile import Decoded, read_file, write_tables
from fancompanion.core.timeutil import now_iso, parse_utc


class Index(msgspec.Struct, frozen=True):
    """The catalog's index file: its info row and one summary row per show."""

    info: dict[str, Any]
    shows: tuple[ShowSummary, ...]


class Catalog:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.lock = StoreLock(root / ".lock")
        self.index_path = root / "index.json"
        self.people_path = root / "people.json"
        self.news_path = root / "news.json"
        self.changes_path = root / "changes.json"
        self.shows_dir = root / "shows"
        self.text_dir = root / "text"
        self._index = Decoded(self.index_path, INDEX, IndexFile)
        self._names = Decoded(self.index_path, INDEX, IndexNamesFile)
        self._news = Decoded(self.news_path, NEWS, NewsFile)
        self._news_light = Decoded(self.news_path, NEWS, NewsDatesFile)

    # -- reads -------------------------------------------------------------------------------

    def exists(self) -> bool:
        return self.index_path.exists()

    def index(self) -> Index:
        """The info row and every show's summary row, decoded once per version of the file."""
        decoded = self._index.get()
        if not isinstance(decoded, IndexFile):
            return Index({}, ())
        info = next(iter(decoded.info.values()), {})
        return Index(dict(info), tuple(decoded.shows.values()))

    def meta(self) -> dict[str, Any]:
        """The catalog's info row (bundle version, last refresh, ...).

        Opening a store asks for it (the bundle check): unless the index is decoded already
        (whole, or for names), only the info row is built and the 10,000 show rows are skipped.
        """
        decoded = self._index.cached() or self._names.cached()
        if decoded is None:
            decoded = read_file(self.index_path, INDEX, IndexInfoFile)
        if not isinstance(decoded, IndexFile | IndexNamesFile | IndexInfoFile):
            return {}
        return dict(next(iter(decoded.info.values()), {}))

    def summaries(self) -> list[ShowSummary]:
        """Every show's index row."""
        return list(self.index().shows)

    def names(self) -> list[ShowName]:
        """Every show's id, names and outside ids.

        For a command that names one show (``fancompanion watch NAME …``): only these fields
        of the 10,000 index rows are decoded (typed, checked), not whole summaries; decoded
        once per version of the file, with the info row (:meth:`meta`).
        """
        cached = self._index.cached()
        if isinstance(cached, IndexFile):
            return [ShowName.of(s) for s in cached.shows.values()]
        decoded = self._names.get()
        return list(decoded.shows.values()) if isinstance(decoded, IndexNamesFile) else []

    def show_path(self, show_id: str) -> Path:
        return self.shows_dir / f"{ids.safe_filename(show_id)}.json"

    def record(self, show_id: str) -> ShowRecord | None:
        return self.record_at(self.show_path(show_id))

    def written_since(self, show_id: str, since: str) -> bool:
        """Whether the show's file was written at or after ``since`` (UTC ISO), by its
        ``mtime`` (one ``stat``; a missing or unreadable file counts as written)."""
        moment = parse_utc(since)
        try:
            written = os.stat(self.show_path(show_id)).st_mtime
        except OSError:
            return True
        return moment is None or written >= moment.timestamp() - 1  # 1 s: the stamp's rounding

    def record_at(self, path: Path) -> ShowRecord | None:
        decoded = read_file(path, SHOW, ShowFile)
        if decoded is None or not decoded.show:
            return None
        return ShowRecord(
            show=next(iter(decoded.show.values())),
            seasons=tuple(decoded.seasons.values()),
            episodes=tuple(decoded.episodes.values()),
            credits=tuple(decoded.credits.values()),
            people=tuple(decoded.people.values()),
        )

    def people(self) -> dict[str, PersonCredits]:
        decoded = read_file(self.people_path, PEOPLE, PeopleFile)
        if decoded is None:
            return {}
        return {doc.person.id: doc for doc in decoded.people.values()}

    def _news_file(self) -> NewsFile | None:
        decoded = self._news.get()
        return decoded if isinstance(decoded, NewsFile) else None

    def news(self) -> list[NewsItem]:
        decoded = self._news_file()
        return [] if decoded is None else list(decoded.items.values())

    def news_between(self, since: str, until: str) -> list[NewsItem]:
        """The items published in ``(since, until]``. Unless every item is decoded already,
        only their dates are read first: when nothing is new (the digest at start, most days)
        the items themselves are not built."""
        dates = self._news_dates()
        if not any(
            d.published is not None and since < d.published <= until for d in dates.items.values()
        ):
            return []
        return [n for n in self.news() if n.published is not None and since < n.published <= until]

    def news_for_show(self, show_id: str) -> list[NewsItem]:
        """The items linked to one show (a show pane asks on every move: decoded once)."""
        return [item for item in self.news() if show_id in item.show_ids]

    def news_text(self, news_id: str) -> str:
        path = self.text_dir / f"{ids.safe_filename(news_id)}.txt"
        try:
            return path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def _news_dates(self) -> NewsFile | NewsDatesFile:
        """The items decoded already, else only their dates and the feeds (when nothing is new,
        the digest at start builds no item)."""
        decoded = self._news.cached() or self._news_light.get()
        return decoded if isinstance(decoded, NewsFile | NewsDatesFile) else NewsDatesFile()

    def feed_states(self) -> dict[str, Feed]:
        return {f.url: f for f in self._news_dates().feeds.values()}

    # -- writes ------------------------------------------------------------------------------

    def set_meta(self, **values: Any) -> None:
        with edit(self.index_path, INDEX, self.lock) as tables:
            info = dict(tables.table("info")[0]) if tables.table("info") else {}
            info.update(values)
            tables.replace("info", [info])

    def put_shows(self, records: Sequence[ShowRecord]) -> list[str]:
        """Store whole shows (replacing what was there); returns their ids in order.

        An incoming show whose TVmaze or IMDb id matches a stored show takes that show's id,
        so user marks keep pointing at it. People are matched by TVmaze id, else by name.
        """
        if not records:
            return []
        now = now_iso()
        with self.lock.held(), edit(self.index_path, INDEX, self.lock) as index:
            rows_by_id = {str(d.get("id")): d for d in index.table("shows")}
            finder = ShowIndex(self.summaries())
            resolved = [resolve(record, finder) for record in records]
            with edit(self.people_path, PEOPLE, self.lock) as people:
                resolved = merge_people(resolved, people.table("people"))
                people.changed = True
            changes: list[ShowChange] = []
            for record in resolved:
                if record.show.id in rows_by_id:  # a refresh: log what it changed (digest)
                    old = self.record(record.show.id)
                    changes.extend(diff(old, record, now) if old is not None else ())
                self._write_show(record)
                rows_by_id[record.show.id] = to_doc(summarize(record, now))
            index.replace("shows", list(rows_by_id.values()))
            if changes:
                with edit(self.changes_path, CHANGES, self.lock) as log:
                    docs = log.table("changes") + [to_doc(c) for c in changes]
                    log.replace("changes", docs[-KEEP:])
        return [r.show.id for r in resolved]

    def changes(self, since: str = "") -> list[ShowChange]:
        """The change log (what refreshes changed about shows) from ``since`` on (a change in
        the same second as ``since`` is kept: never lost, at worst shown twice), oldest first."""
        decoded = read_file(self.changes_path, CHANGES, ChangesFile)
        return [] if decoded is None else [c for c in decoded.changes.values() if c.at >= since]

    def _write_show(self, record: ShowRecord) -> None:
        write_tables(
            self.show_path(record.show.id),
            SHOW,
            {
                "show": [to_doc(record.show)],
                "seasons": [to_doc(s) for s in record.seasons],
                "episodes": [to_doc(e) for e in record.episodes],
                "credits": [to_doc(c) for c in record.credits],
                "people": [to_doc(p) for p in record.people],
            },
        )

    def remove_show(self, show_id: str) -> bool:
        """Take a show out: its index row, its file and its people's credits in it.

        Its id is remembered in the catalog's info (``removed``), so a newer bundled library
        does not bring it back. Returns False when the show was not in the catalog.
        """
        with self.lock.held(), edit(self.index_path, INDEX, self.lock) as index:
            shows = index.table("shows")
            kept = [d for d in shows if str(d.get("id")) != show_id]
            if len(kept) == len(shows):
                return False
            index.replace("shows", kept)
            info = dict(index.table("info")[0]) if index.table("info") else {}
            info["removed"] = sorted({*(info.get("removed") or []), show_id})
            index.replace("info", [info])
            with edit(self.people_path, PEOPLE, self.lock) as people:
                docs = people.table("people")
                for doc in docs:
                    doc["credits"] = [c for c in doc.get("credits") or [] if c and c[0] != show_id]
                people.replace("people", [d for d in docs if d.get("credits")])
            self.show_path(show_id).unlink(missing_ok=True)
        return True

    def put_news(self, items: Sequence[tuple[NewsItem, str]]) -> list[str]:
        """Add news items (with their bodies) not stored yet; returns the ids added."""
        added: list[str] = []
        with edit(self.news_path, NEWS, self.lock) as news:
            docs = news.table("items")
            known = {d.get("id") for d in docs} | {d.get("url") for d in docs if d.get("url")}
            for item, text in items:
                if item.id in known or (item.url and item.url in known):
                    continue
                if text:
                    atomic_write(
                        self.text_dir / f"{ids.safe_filename(item.id)}.txt", text.encode("utf-8")
                    )
                docs.append(to_doc(replace(item, has_text=bool(text))))
                known.add(item.id)
                added.append(item.id)
            news.changed = bool(added)
        return added

    def revise_news(self, items: Sequence[NewsItem]) -> list[str]:
        """Take a source's corrections to stored items (title, summary, date, author, link).

        The item keeps its id, body and links, so read marks and the reader are unaffected.
        Returns the ids that changed.
        """
        fields = ("title", "summary", "published", "author", "url")
        changed: list[str] = []
        with edit(self.news_path, NEWS, self.lock) as news:
            by_id = {str(d.get("id")): d for d in news.table("items")}
            for item in items:
                doc = by_id.get(item.id)
                if doc is None:
                    continue
                new = {k: v for k, v in to_doc(item).items() if k in fields}
                if any(doc.get(k) != v for k, v in new.items()):
                    doc.update(new)
                    changed.append(item.id)
            news.changed = bool(changed)
        return changed

    def put_news_text(self, news_id: str, text: str) -> None:
        """Replace the body of a stored news item (a corrected bundled library note)."""
        atomic_write(self.text_dir / f"{ids.safe_filename(news_id)}.txt", text.encode("utf-8"))

    def set_news_links(
        self,
        links: dict[str, tuple[tuple[str, ...], tuple[str, ...]]],
        spoils: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        """Replace the (show ids, person ids) of the given news items, and what each reveals
        of its shows (``spoils``, when given: see :mod:`fancompanion.core.spoilers`)."""
        with edit(self.news_path, NEWS, self.lock) as news:
            for doc in news.table("items"):
                news_id = str(doc.get("id"))
                new = links.get(news_id)
                if new is not None and (list(new[0]), list(new[1])) != (
                    doc.get("show_ids"),
                    doc.get("person_ids"),
                ):
                    doc["show_ids"], doc["person_ids"] = list(new[0]), list(new[1])
                    news.changed = True
                reading = (spoils or {}).get(news_id)
                if reading is not None and list(reading) != doc.get("spoils"):
                    doc["spoils"] = list(reading)
                    news.changed = True

    def put_feed_state(self, feed: Feed) -> None:
        with edit(self.news_path, NEWS, self.lock) as news:
            docs = [d for d in news.table("feeds") if d.get("url") != feed.url]
            docs.append(to_doc(feed))
            news.replace("feeds", docs)


__all__ = ["Catalog", "Index", "ShowName"]
