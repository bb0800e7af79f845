"""Bring the catalog up to date: changed shows from TVmaze, then new items from the feeds.

Writes only the catalog (shows, news, feed fetch state, ``last_refresh``); user state — the
watchlist, marks, read marks, subscriptions — is read, never written. Each show and each feed
fails on its own: what succeeded is saved, what failed is listed in the :class:`RefreshReport`.
A ``threading.Event`` checked between items lets the caller cancel cleanly.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from msgspec.structs import replace

from fancompanion.core.linking import link_news
from fancompanion.core.models import Feed, NewsItem, ShowSummary
from fancompanion.core.store import Store, StoreError
from fancompanion.core.store.records import rekey_show
from fancompanion.core.timeutil import now_iso, parse_utc
from fancompanion.fetch.articles import article_text
from fancompanion.fetch.feeds import fetch_feed
from fancompanion.fetch.http import FetchError, Http
from fancompanion.fetch.progress import ProgressCallback, RefreshReport, Step, no_progress
from fancompanion.fetch.tvmaze import TvMaze, window_for


class Offline(Exception):
    """TVmaze could not be reached at all: nothing was fetched, the store is untouched."""


def add_show(store: Store, tvmaze: TvMaze, tvmaze_id: int, summary: RefreshReport) -> str:
    """Fetch one show and store it (merging into a stored show with the same TVmaze/IMDb id).

    Returns the stored show id; a :class:`FetchError` when TVmaze has no usable show.
    """
    record = tvmaze.show(tvmaze_id, summary.notes)
    if record is None:
        raise FetchError(f"TVmaze sent no usable show for {tvmaze_id}")
    [stored] = store.catalog.put_shows([record])
    summary.shows_updated += 1
    return stored


def run(
    store: Store,
    *,
    shows: bool = True,
    news: bool = True,
    progress: ProgressCallback = no_progress,
    cancel: threading.Event | None = None,
) -> RefreshReport:
    """A refresh as the app and the CLI run it, with its own HTTP client.

    Never raises for what a fan can meet: no network at all or a store that cannot be written
    become the summary's one-line errors (and nothing is changed by the first).
    """
    try:
        with Http() as http:
            return refresh(store, http, shows=shows, news=news, progress=progress, cancel=cancel)
    except Offline as error:
        return RefreshReport(errors=[f"no network, nothing changed: {error}"], offline=True)
    except StoreError as error:
        return RefreshReport(errors=[str(error)])


def refresh(
    store: Store,
    http: Http,
    *,
    shows: bool = True,
    news: bool = True,
    progress: ProgressCallback = no_progress,
    cancel: threading.Event | None = None,
    tvmaze: TvMaze | None = None,
) -> RefreshReport:
    """Refresh shows, then feeds; raises :class:`Offline` (having written nothing) when
    nothing could be reached at all."""
    summary = RefreshReport()
    stop = cancel or threading.Event()
    if shows:
        refresh_shows(store, tvmaze or TvMaze(http), summary, progress, stop)
    if news and not stop.is_set():
        refresh_feeds(store, http, summary, progress, stop)
    summary.cancelled = stop.is_set()
    return summary


def shows_to_refetch(
    tvmaze: TvMaze, summaries: list[ShowSummary], last_refresh: object
) -> list[ShowSummary]:
    """The library shows that changed since the last refresh (all of them on a full one)."""
    since = window_for(_elapsed(last_refresh))
    if since is None:
        return [s for s in summaries if s.tvmaze_id is not None or s.imdb_id]
    updates = tvmaze.updates(since)
    return [
        s
        for s in summaries
        if s.tvmaze_id is not None and updates.get(s.tvmaze_id, 0) > (s.updated or 0)
    ]


def pending_shows(store: Store) -> list[tuple[str, str, str]]:
    """Shows the fan has marks or a status for that the catalog lacks (marked on another
    device and synced here, or an import's), as (our show id, ``tvmaze``/``imdb``, its id):
    a refresh adds them. Ids made from a name alone cannot be looked up and stay pending."""
    known = {s.id for s in store.catalog.summaries()}
    wanted = set(store.user.shows_with_marks()) | set(store.user.statuses())
    out = []
    for show_id in sorted(wanted - known):
        service, _, value = show_id.partition("-")
        if (service == "tvmaze" and value.isdigit()) or (service == "imdb" and value):
            out.append((show_id, service, value))
    return out


def _add_pending(
    store: Store, tvmaze: TvMaze, summary: RefreshReport, cancel: threading.Event
) -> None:
    for show_id, service, value in pending_shows(store):
        if cancel.is_set():
            return
        try:
            number = int(value) if service == "tvmaze" else tvmaze.lookup_imdb(value)
            if number is None:
                summary.errors.append(f"{show_id} (marked on another device): not on TVmaze")
                continue
            record = tvmaze.show(number, summary.notes)
            if record is None:
                raise FetchError(f"TVmaze sent no usable show for {number}")
            # The marks name the show by the id it has on the device that marked it.
            store.catalog.put_shows([rekey_show(record, show_id)])
            summary.shows_updated += 1
        except FetchError as error:
            summary.errors.append(f"{show_id} (marked on another device): {error}")
            if error.offline:
                return


def refresh_shows(
    store: Store,
    tvmaze: TvMaze,
    summary: RefreshReport,
    progress: ProgressCallback,
    cancel: threading.Event,
) -> None:
    started = now_iso()
    try:
        targets = shows_to_refetch(
            tvmaze, store.catalog.summaries(), store.catalog.meta().get("last_refresh")
        )
    except FetchError as error:
        if error.offline:
            raise Offline(str(error)) from None
        summary.errors.append(f"TVmaze updates: {error}")
        return
    failed = False
    _add_pending(store, tvmaze, summary, cancel)
    for done, target in enumerate(targets):
        if cancel.is_set():
            return
        progress(Step("shows", target.name, done, len(targets)))
        try:
            tvmaze_id = target.tvmaze_id
            if tvmaze_id is None and target.imdb_id:
                tvmaze_id = tvmaze.lookup_imdb(target.imdb_id)
                if tvmaze_id is None:
                    summary.notes.append(f"{target.name}: not found on TVmaze, kept as it is")
                    continue
            if tvmaze_id is not None:
                add_show(store, tvmaze, tvmaze_id, summary)
        except FetchError as error:
            if error.offline and done == 0:
                raise Offline(str(error)) from None
            summary.errors.append(f"{target.name}: {error}")
            failed = True
    progress(Step("shows", "shows done", len(targets), len(targets)))
    if summary.shows_updated:
        link_news(store)  # new cast and show names may match old news
    if not failed and not cancel.is_set():
        store.catalog.set_meta(last_refresh=started)


def refresh_feeds(
    store: Store,
    http: Http,
    summary: RefreshReport,
    progress: ProgressCallback,
    cancel: threading.Event,
) -> None:
    subscriptions = [f for f in store.user.feeds() if f.enabled]
    states = store.catalog.feed_states()
    stored = store.catalog.news()
    known = {n.id for n in stored} | {n.url for n in stored if n.url}
    new_ids: list[str] = []
    failures: list[tuple[Feed, str, FetchError]] = []
    for done, subscription in enumerate(subscriptions):
        if cancel.is_set():
            break
        label = subscription.title or subscription.url
        progress(Step("news", label, done, len(subscriptions)))
        state = states.get(subscription.url) or Feed(url=subscription.url)
        state = replace(state, title=state.title or subscription.title)
        try:
            added = _refresh_feed(store, http, state, known, summary, cancel, label)
        except FetchError as error:
            failures.append((state, label, error))
            continue
        new_ids.extend(added)
        known.update(added)
    progress(Step("news", "feeds done", len(subscriptions), len(subscriptions)))
    if failures and http.replies == 0 and all(e.offline for _, _, e in failures):
        raise Offline(str(failures[0][2]))  # nothing answered: no network, write nothing
    for failed, name, problem in failures:
        summary.errors.append(f"{name}: {problem}")
        store.catalog.put_feed_state(
            replace(failed, last_fetched=now_iso(), last_error=str(problem))
        )
    if new_ids:
        link_news(store, only=new_ids)


def _refresh_feed(
    store: Store,
    http: Http,
    state: Feed,
    known: set[str],
    summary: RefreshReport,
    cancel: threading.Event,
    label: str,
) -> list[str]:
    """Fetch one feed and its new articles; returns the ids added or revised (to relink).

    A :class:`FetchError` if the feed itself failed.
    """
    summary.feeds_checked += 1
    result = fetch_feed(http, state)
    items: list[tuple[NewsItem, str]] = []
    revisions: list[NewsItem] = []
    for entry in result.entries:
        item = entry.item
        if item.id in known:  # seen before: take the source's corrections, keep the rest
            revisions.append(item)
            continue
        if item.url and item.url in known:
            continue
        if cancel.is_set():
            break
        text, problem = article_text(http, item.url, entry.fallback)
        if problem:
            summary.notes.append(f"{label}: {problem}")
        items.append((item, text))
    added = store.catalog.put_news(items)
    summary.news_added += len(added)
    if revisions:
        added = added + store.catalog.revise_news(revisions)  # relinked with the new ones
    if cancel.is_set():  # keep the old validators so the rest is fetched next time
        return added
    store.catalog.put_feed_state(
        replace(
            state,
            title=result.title or state.title,
            etag=result.etag,
            last_modified=result.last_modified,
            last_fetched=now_iso(),
            last_error=None,
        )
    )
    return added


def _elapsed(stamp: object) -> float | None:
    moment = parse_utc(stamp)
    return (datetime.now(UTC) - moment).total_seconds() if moment is not None else None
