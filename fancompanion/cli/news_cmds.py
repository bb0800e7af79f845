"""``fancompanion news``: list, read and mark news items — reading offline without the app."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from fancompanion.cli.context import CommandError, Context, positive
from fancompanion.core.commands import SetRead
from fancompanion.core.models import NewsItem
from fancompanion.core.timeutil import local_display, now_iso

if TYPE_CHECKING:
    from fancompanion.core.library import Library

SHORT_ID = 8  # the list prints ids this short where they stay unique; any unique prefix works
MIN_PREFIX = 4


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    news = subparsers.add_parser(
        "news", parents=[common], help="list news items (newest first), read one, mark read"
    )
    news.add_argument("--json", action="store_true", help="print a JSON array (with each text)")
    news.add_argument("--limit", type=positive, metavar="N", help="at most N items")
    news.add_argument("--unread", action="store_true", help="only items not read yet")
    news.add_argument(
        "--spoilers",
        action="store_true",
        help="show the title and text of items the spoiler shield hides",
    )
    news.set_defaults(handler=cmd_news)
    actions = news.add_subparsers(dest="news_action", metavar="ACTION")
    show = actions.add_parser(
        "show", parents=[common], help="print one item's stored text (marks it read)"
    )
    show.add_argument("id", metavar="ID", help="a news id (or a unique start of one)")
    show.add_argument("--json", action="store_true", help="print a JSON object")
    show.set_defaults(handler=cmd_news_show)
    for name, handler, text in (
        ("read", cmd_news_read, "mark items read"),
        ("unread", cmd_news_unread, "mark items unread"),
    ):
        sub = actions.add_parser(name, parents=[common], help=text)
        sub.add_argument("ids", nargs="+", metavar="ID", help="news ids (or unique starts)")
        sub.set_defaults(handler=handler)


def short_ids(ids: list[str]) -> dict[str, str]:
    """Each id cut to its shortest unique start, at least :data:`SHORT_ID` characters."""
    ordered = sorted(set(ids))
    out: dict[str, str] = {}
    for i, one in enumerate(ordered):
        need = SHORT_ID
        for other in ordered[max(0, i - 1) : i] + ordered[i + 1 : i + 2]:
            same = 0
            for a, b in zip(one, other, strict=False):
                if a != b:
                    break
                same += 1
            need = max(need, same + 1)
        out[one] = one[:need]
    return out


def find_items(library: Library, wanted: list[str]) -> list[NewsItem]:
    """The items named by ids or unique id prefixes, in the order given (no repeats)."""
    items = library.news()
    by_id = {n.id: n for n in items}
    found: dict[str, NewsItem] = {}
    for raw in wanted:
        key = raw.strip().lower()
        if key in by_id:
            found.setdefault(key, by_id[key])
            continue
        if len(key) < MIN_PREFIX:
            raise CommandError(f"no news item {raw!r} (give at least {MIN_PREFIX} characters)")
        matches = [n for n in items if n.id.startswith(key)]
        if not matches:
            raise CommandError(f"no news item {raw!r}; `fancompanion news` lists them")
        if len(matches) > 1:
            some = ", ".join(n.id for n in matches[:5])
            raise CommandError(f"{raw!r} starts {len(matches)} news ids ({some}): give more")
        found.setdefault(matches[0].id, matches[0])
    return list(found.values())


def _as_json(
    item: NewsItem, names: dict[str, str], people: dict[str, str], read: bool, text: str
) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title,
        "title_from_text": item.title_from_text,
        "published": item.published,
        "source": item.source,
        "feed": item.feed,
        "url": item.url,
        "author": item.author,
        "summary": item.summary,
        "shows": [names.get(s, s) for s in item.show_ids],
        "show_ids": list(item.show_ids),
        "people": [people.get(p, p) for p in item.person_ids],
        "read": read,
        "text": text,
    }


def _names(library: Library) -> tuple[dict[str, str], dict[str, str]]:
    shows = {s.id: s.name for s in library.summaries()}
    people = {pid: entry.person.name for pid, entry in library.store.catalog.people().items()}
    return shows, people


def cmd_news(context: Context) -> int:
    from fancompanion.core.shield import shield  # the spoiler rules: only this command reads them

    library = context.library
    read = library.read_ids()
    items = library.news()
    if context.args.unread:
        items = [n for n in items if n.id not in read]
    if context.args.limit:
        items = items[: context.args.limit]
    shows = {s.id: s.name for s in library.summaries()}
    shielded = {} if context.args.spoilers else shield(library, items, now_iso()).shielded
    if context.args.json:
        _, people = _names(library)
        data = []
        for n in items:
            verdict = shielded.get(n.id)
            text = "" if verdict else library.news_text(n.id) or n.summary
            row = _as_json(n, shows, people, n.id in read, text)
            row["shielded"] = None
            if verdict is not None:  # title and text hidden: date, source, shows kept
                row.update(title=verdict.label(), summary="", author="")
                row["shielded"] = {
                    "show": verdict.show_name,
                    "beyond": verdict.beyond,
                    "rule": verdict.rule,
                }
            data.append(row)
        context.print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    if not items:
        context.print("no unread news" if context.args.unread else "no news")
        return 0
    short = short_ids([n.id for n in library.news()])
    width = max(len(short[n.id]) for n in items)
    for n in items:
        linked = ", ".join(shows.get(s, s) for s in n.show_ids)
        mark = " " if n.id in read else "•"
        when = local_display(n.published) or "undated"
        verdict = shielded.get(n.id)
        title = verdict.label() if verdict else n.title
        context.print(f"{mark} {when:10}  {short[n.id]:{width}}  {title}")
        about = " · ".join(p for p in (_cut(n.source), f"shows: {linked}" if linked else "") if p)
        if about:
            context.print(f"  {'':10}  {'':{width}}  {about}")
    if shielded:
        count = sum(1 for n in items if n.id in shielded)
        context.print(
            f"{count} item{'s' if count != 1 else ''} hidden by the spoiler shield"
            " (--spoilers shows them)."
        )
    return 0


SOURCE_WIDTH = 30


def _cut(text: str, width: int = SOURCE_WIDTH) -> str:
    return text if len(text) <= width else f"{text[: width - 1]}…"


def cmd_news_show(context: Context) -> int:
    library = context.library
    [item] = find_items(library, [context.args.id])
    text = library.news_text(item.id) or item.summary
    was_read = item.id in library.read_ids()
    if not was_read:
        library.set_read(item.id, True)
    shows, people = _names(library)
    if context.args.json:
        data = _as_json(item, shows, people, True, text)
        context.print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    title = item.title + ("  (no title: its first words)" if item.title_from_text else "")
    context.print(title)
    meta = [
        item.source or item.feed,
        local_display(item.published, with_time=True) or "undated",
        f"by {item.author}" if item.author else "",
    ]
    context.print(" · ".join(p for p in meta if p))
    if item.url:
        context.print(item.url)
    if item.show_ids:
        context.print("shows: " + ", ".join(shows.get(s, s) for s in item.show_ids))
    if item.person_ids:
        context.print("people: " + ", ".join(people.get(p, p) for p in item.person_ids))
    context.print("")
    context.print(text or "(no text stored for this item)")
    return 0


def _mark(context: Context, read: bool) -> int:
    library = context.library
    items = find_items(library, context.args.ids)
    result = library.apply(SetRead(tuple(n.id for n in items), read))
    context.print(result.message)
    return 0


def cmd_news_read(context: Context) -> int:
    return _mark(context, True)


def cmd_news_unread(context: Context) -> int:
    return _mark(context, False)
