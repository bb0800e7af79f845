"""``watch``, ``unwatch``, ``status`` and ``remove``: the fan's history from the command line.

Each one only finds what the words name and hands a core command to
:func:`fancompanion.core.commands.apply` (:meth:`Context.apply`) — the same commands and rules
as the app (only aired episodes count; an already watched episode is left as it is).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from fancompanion.cli.context import CommandError, Context
from fancompanion.cli.targets import find_show, pick_episodes, split_episodes
from fancompanion.core.commands import Result, SetStatus, Unwatch, Watch
from fancompanion.core.models import ShowRecord, WatchStatus
from fancompanion.core.store.catalog import ShowName
from fancompanion.core.timeutil import STORE_FORMAT, now_iso

STATUS_WORDS = ", ".join(s.value for s in WatchStatus if s.value) + " or none"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    for name, handler, text in (
        ("watch", cmd_watch, "mark episodes watched: SHOW S01E01 [S01E02-S01E05 …]"),
        ("unwatch", cmd_unwatch, "unmark episodes: SHOW S01E01 [S01E02-S01E05 …]"),
    ):
        sub = subparsers.add_parser(name, parents=[common], help=text)
        sub.add_argument(
            "words",
            nargs="+",
            metavar="SHOW EPISODE",
            help="a show (name, part of it, or id; no quotes needed) then episode codes: "
            "S01E02, 1x02, ranges S01E02-S01E05 or S01E02-E05",
        )
        if name == "watch":
            sub.add_argument(
                "--date",
                metavar="WHEN",
                help="when you watched: YYYY-MM-DD (noon, local time), 'YYYY-MM-DD HH:MM' "
                "(local), today or yesterday; default now",
            )
        sub.add_argument("--json", action="store_true", help="print the result as JSON")
        sub.set_defaults(handler=handler)

    status = subparsers.add_parser(
        "status", parents=[common], help="set a show's watchlist status: SHOW STATUS|none"
    )
    status.add_argument("words", nargs="+", metavar="SHOW STATUS", help=f"STATUS: {STATUS_WORDS}")
    status.add_argument("--json", action="store_true", help="print the result as JSON")
    status.set_defaults(handler=cmd_status)

    remove = subparsers.add_parser(
        "remove", parents=[common], help="take a show out of the library (its history is saved)"
    )
    remove.add_argument("words", nargs="+", metavar="SHOW", help="a show (name or id)")
    remove.add_argument("--yes", action="store_true", help="do not ask")
    remove.set_defaults(handler=cmd_remove)


# -- finding what the words name ----------------------------------------------------------------


def _show(context: Context, words: list[str]) -> tuple[ShowName, ShowRecord]:
    catalog = context.open_store(first=lambda store: store.catalog.names()).catalog
    summary = find_show(catalog.names(), words)
    record = catalog.record(summary.id)
    if record is None:
        raise CommandError(
            f"{summary.name}: its catalog file is missing; run `fancompanion doctor`"
        )
    return summary, record


def parse_when(value: str, now: datetime | None = None) -> str:
    """A watch time typed by the fan, as the store's UTC stamp; never in the future."""
    local_now = (now or datetime.now(UTC)).astimezone()
    text = value.strip().lower()
    moment: datetime
    if text in ("now", ""):
        moment = local_now
    elif text in ("today", "yesterday"):
        day = local_now.date() - timedelta(days=1 if text == "yesterday" else 0)
        moment = datetime.combine(day, time(12)).astimezone()
    else:
        try:
            if len(text) == 10:
                moment = datetime.combine(date.fromisoformat(text), time(12)).astimezone()
            else:
                moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
                if moment.tzinfo is None:
                    moment = moment.astimezone()  # a time typed without a zone is local
        except ValueError:
            raise CommandError(
                f"--date {value!r}: use YYYY-MM-DD, 'YYYY-MM-DD HH:MM', today or yesterday"
            ) from None
        if moment.date() > local_now.date():
            raise CommandError(f"--date {value!r} is in the future")
        moment = min(moment, local_now)  # today at noon, typed in the morning: now
    return moment.astimezone(UTC).strftime(STORE_FORMAT)


# -- the commands -------------------------------------------------------------------------------


def _report(context: Context, summary: ShowName, result: Result) -> int:
    if context.args.json:
        data = {
            "show": summary.name,
            "show_id": summary.id,
            "message": result.message,
            "changed": result.changed,
            "refused": result.refused,
        }
        context.print(json.dumps(data, ensure_ascii=False))
    elif result.refused:
        raise CommandError(f"{summary.name}: {result.refused}")
    else:
        context.print(f"{summary.name}: {result.message}")
    return 1 if result.refused else 0


def cmd_watch(context: Context) -> int:
    show_words, codes = split_episodes(context.args.words)
    when = parse_when(context.args.date) if context.args.date else None
    summary, record = _show(context, show_words)
    episodes = pick_episodes(record, codes)
    return _report(context, summary, context.apply(Watch(summary.id, episodes, at=when)))


def cmd_unwatch(context: Context) -> int:
    show_words, codes = split_episodes(context.args.words)
    summary, record = _show(context, show_words)
    episodes = pick_episodes(record, codes)
    return _report(context, summary, context.apply(Unwatch(summary.id, episodes)))


def cmd_status(context: Context) -> int:
    words = list(context.args.words)
    if len(words) < 2:
        raise CommandError(f"give a show and a status ({STATUS_WORDS})")
    words, status = _split_status(words)
    summary = find_show(context.store.catalog.names(), words)
    return _report(context, summary, context.apply(SetStatus(summary.id, status)))


def _split_status(words: list[str]) -> tuple[list[str], WatchStatus]:
    """(show words, status): the status is the last word, or the last two or three when a fan
    types it as words (``on hold``, ``plan to watch``); at least one word stays the show's."""
    for size in (3, 2, 1):
        typed = " ".join(words[-size:])
        status = WatchStatus.parse(typed)
        if len(words) > size and (status is not WatchStatus.NONE or typed.lower() in _NO_STATUS):
            return words[:-size], status
    raise CommandError(f"unknown status {words[-1]!r}: use {STATUS_WORDS}")


_NO_STATUS = ("none", "no", "clear")


def cmd_remove(context: Context) -> int:
    from fancompanion.exchange.remove import remove_show

    summary = find_show(context.store.catalog.names(), context.args.words)
    if not context.args.yes:
        if not sys.stdin.isatty():
            raise CommandError(f"remove {summary.name}? Add --yes to confirm (no terminal to ask)")
        print(
            f"Remove {summary.name} from the library? Its marks and status are saved to a file "
            "first. [y/N] ",
            end="",
            file=context.err,
            flush=True,
        )
        answer = sys.stdin.readline().strip().lower()
        if answer not in ("y", "yes"):
            context.print("nothing removed")
            return 1
    removal = remove_show(context.library, summary.id, now_iso())
    if removal.result.refused:
        raise CommandError(removal.message)
    context.print(removal.message)
    return 0
