"""``fancompanion digest``: what changed since the fan last looked, as text or JSON (for cron)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from fancompanion.cli.context import CommandError, Context
from fancompanion.core.commands import SetSetting
from fancompanion.core.timeutil import local_display, now_iso, to_store

HEADINGS = {
    "aired": "New episodes",
    "changes": "Changes to your shows",
    "news": "Unread news",
    "feeds": "Feeds that failed",
}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "digest",
        parents=[common],
        help="what changed since you last looked: episodes, announcements, news, failed feeds",
    )
    parser.add_argument(
        "--since", metavar="DATE", help="from this date or time (default: when you last looked)"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON object")
    parser.add_argument(
        "--if-new", action="store_true", help="print nothing when nothing is new (for cron)"
    )
    parser.add_argument(
        "--mark-seen", action="store_true", help="then count everything as seen (last looked: now)"
    )
    parser.set_defaults(handler=cmd_digest)


def cmd_digest(context: Context) -> int:
    from fancompanion.core.digest import LAST_LOOKED, default_since, digest

    library = context.library
    now = now_iso()
    since = default_since(library, now)
    if context.args.since:
        parsed = to_store(context.args.since)
        if parsed is None:
            raise CommandError(f"--since: not a date: {context.args.since!r} (try 2026-11-01)")
        since = parsed
    found = digest(library, since, now)
    if context.args.json:
        context.print(json.dumps(found.to_json(), ensure_ascii=False, indent=1))
    elif not found.empty:
        context.print(f"Since {local_display(since, with_time=True)}:")
        section = ""
        for line in found.lines():
            if line.section != section:
                section = line.section
                context.print(HEADINGS[section])
            context.print(f"  {line.title}: {line.text}" if line.title else f"  {line.text}")
    elif not context.args.if_new:
        context.print(f"Nothing new since {local_display(since, with_time=True)}.")
    if context.args.mark_seen:
        library.apply(SetSetting(LAST_LOOKED, now))
    return 0
