"""``search``, ``add``, ``fetch`` and ``feeds``: the commands that may reach the network.

This module is imported for every command (to build the parser), so it imports nothing heavy
at the top: the fetcher (and httpx, feedparser, trafilatura) loads inside the handlers.
"""

from __future__ import annotations

import argparse
import json
import shutil
from typing import TYPE_CHECKING, Any

from fancompanion.cli.context import CommandError, Context, positive
from fancompanion.core.commands import RemoveFeed, SetFeed
from fancompanion.core.models import Feed
from fancompanion.core.text import clean_url

if TYPE_CHECKING:
    from fancompanion.fetch.http import FetchError
    from fancompanion.fetch.progress import RefreshReport, Step


def query_of(words: list[str]) -> str:
    """The words of an unquoted query as one name (``add Jessica Jones``)."""
    query = " ".join(w.strip() for w in words if w.strip())
    if not query:
        raise CommandError("give a show name")
    return query


def fetch_failed(error: FetchError) -> CommandError:
    """A request that failed for good, as the one line the user sees."""
    if error.offline:
        return CommandError(f"no network: {error}")
    return CommandError(str(error))


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    search = subparsers.add_parser("search", parents=[common], help="search TVmaze for shows")
    search.add_argument("query", nargs="+", help="a show name (quotes not needed)")
    search.add_argument("--json", action="store_true", help="print a JSON array")
    search.set_defaults(handler=cmd_search)

    add = subparsers.add_parser("add", parents=[common], help="add a show from TVmaze")
    add.add_argument(
        "query", nargs="*", help="a show name, quotes not needed (the best match is added)"
    )
    add.add_argument("--tvmaze", type=positive, metavar="ID", help="a TVmaze show id")
    add.add_argument("--imdb", metavar="TTID", help="an IMDb id such as tt2357547")
    add.set_defaults(handler=cmd_add)

    fetch = subparsers.add_parser(
        "fetch", parents=[common], help="refresh changed shows from TVmaze, then the feeds"
    )
    only = fetch.add_mutually_exclusive_group()
    only.add_argument("--shows", action="store_true", help="only the shows")
    only.add_argument("--news", action="store_true", help="only the news feeds")
    fetch.set_defaults(handler=cmd_fetch)

    feeds = subparsers.add_parser("feeds", parents=[common], help="manage news feeds")
    actions = feeds.add_subparsers(dest="feeds_action", metavar="ACTION", required=True)
    feeds_add = actions.add_parser("add", parents=[common], help="subscribe to a feed")
    feeds_add.add_argument("url")
    feeds_add.add_argument("--title", default="", help="a name for the feed")
    feeds_add.set_defaults(handler=cmd_feeds_add)
    listing = actions.add_parser("list", parents=[common], help="list feeds and their state")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(handler=cmd_feeds_list)
    for name, handler, text in (
        ("remove", cmd_feeds_remove, "unsubscribe from a feed"),
        ("enable", cmd_feeds_enable, "fetch this feed on refresh"),
        ("disable", cmd_feeds_disable, "stop fetching this feed"),
    ):
        sub = actions.add_parser(name, parents=[common], help=text)
        sub.add_argument("url")
        sub.set_defaults(handler=handler)


# -- TVmaze ------------------------------------------------------------------------------------


def cmd_search(context: Context) -> int:
    from fancompanion.fetch.http import FetchError, Http
    from fancompanion.fetch.tvmaze import TvMaze

    query = query_of(context.args.query)
    with Http() as http:
        try:
            hits = TvMaze(http).search(query)
        except FetchError as error:
            raise fetch_failed(error) from None
    if context.args.json:
        rows = [
            {"tvmaze_id": h.tvmaze_id, "name": h.name, "years": h.years, "network": h.network}
            for h in hits
        ]
        context.print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not hits:
        context.print("no shows found")
        return 0
    width = min(max(len(h.name) for h in hits), 40)
    for h in hits:
        name = h.name if len(h.name) <= width else h.name[: width - 1] + "…"
        line = f"{h.tvmaze_id:>7}  {name:<{width}}  {h.years or '?':<9}  {h.network or ''}"
        context.print(line.rstrip())
    return 0


def cmd_add(context: Context) -> int:
    from fancompanion.core.linking import link_news
    from fancompanion.fetch.http import FetchError, Http
    from fancompanion.fetch.progress import RefreshReport
    from fancompanion.fetch.refresh import add_show
    from fancompanion.fetch.tvmaze import TvMaze

    args = context.args
    given = [bool(args.query), args.tvmaze is not None, args.imdb is not None]
    if sum(given) != 1:
        raise CommandError("give one of: a show name, --tvmaze ID or --imdb TTID")
    query = query_of(args.query) if args.query else ""
    store = context.store
    summary = RefreshReport()
    with Http() as http:
        tvmaze = TvMaze(http)
        try:
            if args.tvmaze is not None:
                tvmaze_id: int | None = args.tvmaze
            elif args.imdb:
                tvmaze_id = tvmaze.lookup_imdb(args.imdb.strip())
            else:
                tvmaze_id = tvmaze.find_id(query)
        except FetchError as error:
            raise fetch_failed(error) from None
        if tvmaze_id is None:
            raise CommandError(f"no show on TVmaze matches {args.imdb or query!r}")
        try:
            show_id = add_show(store, tvmaze, tvmaze_id, summary)
        except FetchError as error:
            raise fetch_failed(error) from None
    for note in summary.notes:
        context.warn(note)
    link_news(store)
    record = store.catalog.record(show_id)
    if record is None:
        raise CommandError(f"show {tvmaze_id} was not stored")
    regular = [e for e in record.episodes if e.number is not None]
    cast = sum(1 for c in record.credits if c.kind == "cast")
    context.print(
        f"added {record.show.name} (TVmaze {tvmaze_id}): {len(record.seasons)} seasons, "
        f"{len(regular)} episodes, {len(record.episodes) - len(regular)} specials, "
        f"{cast} cast"
    )
    return 0


def cmd_fetch(context: Context) -> int:
    from fancompanion.fetch.refresh import run

    args = context.args
    store = context.store
    if args.news and not any(feed.enabled for feed in store.user.feeds()):
        known = len(store.user.feeds())
        hint = (
            f"turn one of your {known} feeds on with `fancompanion feeds enable URL` "
            "(`fancompanion feeds list` shows them)"
            if known
            else "subscribe with `fancompanion feeds add URL`"
        )
        context.print(f"no news feed is enabled, nothing to fetch: {hint}")
        return 0  # nothing failed: there was nothing to do
    bar = ProgressPrinter(context)
    summary = run(context.store, shows=not args.news, news=not args.shows, progress=bar)
    bar.finish()
    if summary.offline:
        raise CommandError(summary.errors[0])
    if not args.news:  # shows an offline import left pending: look them up now
        from fancompanion.exchange.pending_imports import resolve

        line = resolve(store)
        if line:
            context.print(line)
    return report(context, summary)


def report(context: Context, summary: RefreshReport) -> int:
    for note in summary.notes:
        context.warn(note)
    for error in summary.errors:
        context.warn(f"error: {error}")
    context.print(summary.line())
    return 0 if summary.ok else 1


class ProgressPrinter:
    """A one-line bar on a terminal, plain lines otherwise (logs, pipes, tests)."""

    def __init__(self, context: Context) -> None:
        self.stream = context.err
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.drawn = False
        self.columns = max(20, shutil.get_terminal_size((80, 24)).columns - 1)  # never wrap

    def __call__(self, step: Step) -> None:
        if step.done >= step.total and not self.tty:
            return
        if not self.tty:
            print(f"{step.stage} {step.done + 1}/{step.total}: {step.label}", file=self.stream)
            return
        width = 20
        filled = width * step.done // step.total if step.total else width
        bar = "#" * filled + "." * (width - filled)
        line = f"[{bar}] {step.done}/{step.total} {step.stage}: {step.label}"[: self.columns]
        self.stream.write("\r" + line.ljust(self.columns))
        self.stream.flush()
        self.drawn = True

    def finish(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * self.columns + "\r")
            self.stream.flush()
            self.drawn = False


# -- feeds -------------------------------------------------------------------------------------


def _find(context: Context, url: str) -> Feed:
    for feed in context.store.user.feeds():
        if feed.url == url.strip():
            return feed
    raise CommandError(f"no feed {url!r}; see `fancompanion feeds list`")


def cmd_feeds_add(context: Context) -> int:
    url = clean_url(context.args.url)
    if url is None:
        raise CommandError(f"not an http(s) URL: {context.args.url!r}")
    context.apply(SetFeed(Feed(url=url, title=context.args.title, enabled=True)))
    context.print(f"subscribed to {url} (fetched on the next `fancompanion fetch`)")
    return 0


def cmd_feeds_list(context: Context) -> int:
    states = context.store.catalog.feed_states()
    feeds = context.store.user.feeds()
    if context.args.json:
        rows = []
        for feed in feeds:
            state = states.get(feed.url) or Feed(url=feed.url)
            rows.append(
                {
                    "url": feed.url,
                    "title": feed.title or state.title,
                    "enabled": feed.enabled,
                    "last_fetched": state.last_fetched,
                    "last_error": state.last_error,
                }
            )
        context.print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not feeds:
        context.print("no feeds; add one with `fancompanion feeds add URL`")
        return 0
    for feed in feeds:
        state = states.get(feed.url) or Feed(url=feed.url)
        flag = "on " if feed.enabled else "off"
        title = feed.title or state.title or feed.url
        fetched = (state.last_fetched or "never")[:16].replace("T", " ")
        context.print(f"{flag}  {title}  <{feed.url}>  last fetched: {fetched}")
        if state.last_error:
            context.print(f"     error: {state.last_error}")
    return 0


def cmd_feeds_remove(context: Context) -> int:
    if not context.apply(RemoveFeed(context.args.url.strip())).changed:
        raise CommandError(f"no feed {context.args.url!r}; see `fancompanion feeds list`")
    context.print(f"unsubscribed from {context.args.url.strip()}")
    return 0


def _set_enabled(context: Context, enabled: bool) -> int:
    feed = _find(context, context.args.url)
    context.apply(SetFeed(Feed(url=feed.url, title=feed.title, enabled=enabled)))
    context.print(f"{'enabled' if enabled else 'disabled'} {feed.url}")
    return 0


def cmd_feeds_enable(context: Context) -> int:
    return _set_enabled(context, True)


def cmd_feeds_disable(context: Context) -> int:
    return _set_enabled(context, False)
