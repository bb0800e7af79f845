"""``export``, ``import``, ``calendar`` and ``stats``: the fan's history in and out."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fancompanion.cli.context import CommandError, Context
from fancompanion.core.models import WatchStatus
from fancompanion.core.timeutil import local_display, now_iso

if TYPE_CHECKING:
    from fancompanion.exchange.history import History
    from fancompanion.exchange.merge import ImportPlan


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    export = subparsers.add_parser(
        "export", parents=[common], help="write all your history to a JSON (or CSV) file"
    )
    export.add_argument("path", metavar="PATH", help="file to write (CSV: PATH-shows.csv …)")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.set_defaults(handler=cmd_export)

    imp = subparsers.add_parser(
        "import", parents=[common], help="merge history from an export (ours, Trakt or TV Time)"
    )
    imp.add_argument(
        "path", metavar="PATH", help="the file, ZIP or folder (ours, TV Time GDPR, Trakt export)"
    )
    imp.add_argument("--format", choices=("auto", "json", "csv", "trakt", "tvtime"), default="auto")
    imp.add_argument("--password", help="password of an encrypted (ZipCrypto) ZIP")
    imp.add_argument("--report", metavar="FILE", help="write the rows that could not be matched")
    imp.add_argument(
        "--offline", action="store_true", help="do not ask TVmaze; unknown shows stay pending"
    )
    imp.add_argument(
        "--dry-run", action="store_true", help="print what would change; write nothing"
    )
    imp.add_argument(
        "--fetch",
        action="store_true",
        help="fetch shows missing from your library from TVmaze first (needs the network)",
    )
    imp.set_defaults(handler=cmd_import)

    calendar = subparsers.add_parser(
        "calendar", parents=[common], help="upcoming episodes of shows you watch or plan to"
    )
    calendar.add_argument("--days", type=int, default=30, help="how far ahead (default 30)")
    calendar.add_argument("--ics", metavar="PATH", help="also write an iCalendar file")
    calendar.set_defaults(handler=cmd_calendar)

    stats = subparsers.add_parser("stats", parents=[common], help="what you have watched")
    stats.add_argument("--json", action="store_true", help="print a JSON object")
    stats.set_defaults(handler=cmd_stats)


def cmd_export(context: Context) -> int:
    from fancompanion.exchange.export import collect, write_csv, write_json

    history = collect(context.store)
    path = Path(context.args.path).expanduser()
    episodes = sum(len(s.episodes) for s in history.shows)
    if context.args.format == "csv":
        written = write_csv(history, path)
        context.print(f"wrote {written[0]} and {written[1]}")
    else:
        context.print(f"wrote {write_json(history, path)}")
    context.print(
        f"{len(history.shows)} show(s), {episodes} watched episode(s), "
        f"{len(history.read)} read news item(s), {len(history.feeds)} feed(s)"
    )
    return 0


def cmd_import(context: Context) -> int:
    from fancompanion.exchange.importers import ImportFormatError, load
    from fancompanion.exchange.merge import apply_import, plan_import

    path = Path(context.args.path).expanduser()
    try:
        if context.args.format in ("auto", "trakt", "tvtime"):
            from fancompanion.cli.import_foreign import cmd_import_foreign
            from fancompanion.exchange.archive import open_export
            from fancompanion.exchange.session import read_foreign

            with open_export(path, context.args.password) as files:
                export = read_foreign(files, context.args.format)
            if export is not None:
                return cmd_import_foreign(context, export)
        history = load(path, context.args.format)
    except ImportFormatError as error:
        raise CommandError(str(error)) from error
    store = context.store
    plan = plan_import(store, history)
    dry = context.args.dry_run
    if plan.pending and context.args.fetch and not dry:
        plan = _fetch_missing(context, history, plan)
    context.print(f"{history.source}: {len(history.shows)} show(s) in {path.name}")
    for line in plan.lines():
        context.print(("would change  " if dry else "  ") + line)
    if plan.pending:
        context.print(
            f"pending: {len(plan.pending)} show(s) not in your library "
            "(add them, or import again with --fetch when online):"
        )
        for identity in plan.pending:
            ids = ", ".join(
                x
                for x in (
                    f"TVmaze {identity.tvmaze_id}" if identity.tvmaze_id else "",
                    f"IMDb {identity.imdb_id}" if identity.imdb_id else "",
                )
                if x
            )
            context.print(f"  {identity.label}" + (f" ({ids})" if ids else ""))
    if plan.changes == 0:
        context.print("nothing to change: your library already has all of it")
        return 0
    if dry:
        context.print(f"dry run: {plan.changes} change(s) would be made; nothing written")
        return 0
    result = apply_import(store, plan)
    if result.backup:
        context.print(f"backup of your previous state: {result.backup}")
    context.print(f"imported: {result.changed} change(s)")
    return 0


def _fetch_missing(context: Context, history: History, plan: ImportPlan) -> ImportPlan:
    from fancompanion.core.linking import link_news
    from fancompanion.exchange.merge import plan_import
    from fancompanion.exchange.pending import fetch_pending

    context.print(f"fetching {len(plan.pending)} show(s) from TVmaze…")
    outcome = fetch_pending(context.store, plan.pending)
    for problem in outcome.problems:
        context.warn(problem)
    if outcome.offline:
        context.warn("TVmaze could not be reached: the remaining shows stay pending")
    if not outcome.added:
        return plan
    context.print(f"added to your library: {', '.join(outcome.added)}")
    link_news(context.store)
    return plan_import(context.store, history)


def cmd_calendar(context: Context) -> int:
    library = context.library
    if context.args.days < 1:
        raise CommandError("--days must be at least 1")
    now = now_iso()
    airings = library.upcoming(
        context.args.days, now=now, statuses=[WatchStatus.WATCHING, WatchStatus.PLAN]
    )
    if context.args.ics:
        from fancompanion.core.store.files import atomic_write
        from fancompanion.exchange.calendar import to_ics

        runtimes = {}
        for show_id in {a.show_id for a in airings}:
            record = context.store.catalog.record(show_id)
            if record is not None and record.show.runtime:
                runtimes[show_id] = record.show.runtime

        target = Path(context.args.ics).expanduser()
        atomic_write(target, to_ics(airings, now=now, runtimes=runtimes).encode("utf-8"))
        context.print(f"wrote {target} ({len(airings)} event(s))")
    if not airings:
        context.print(
            f"nothing airs in the next {context.args.days} day(s) "
            "for shows you are watching or plan to watch"
        )
        return 0
    for airing in airings:
        when = local_display(airing.stamp, with_time=bool(airing.episode.airstamp))
        name = f"  {airing.episode.name}" if airing.episode.name else ""
        context.print(f"{when:16}  {airing.show_name}  {airing.episode.code}{name}")
    return 0


def cmd_stats(context: Context) -> int:
    from fancompanion.exchange.stats import compute

    problems: list[str] = []
    stats = compute(context.store, problems)
    for problem in problems:  # a damaged marks file: the other shows are still counted
        context.warn(f"not counted: {problem}")
    status = 1 if problems else 0  # the figures leave something out
    if context.args.json:
        context.print(json.dumps(stats.as_dict(), ensure_ascii=False, indent=1))
        return status
    context.print(
        f"{stats.episodes} episode(s) watched ({stats.plays - stats.episodes} rewatch(es)), "
        f"{stats.hours:g} hour(s), in {stats.shows_watched} show(s)"
    )
    if stats.unknown_runtime:
        context.print(f"  {stats.unknown_runtime} episode(s) without a known runtime")
    streak = stats.longest_streak
    if streak.days:
        context.print(f"longest streak: {streak.days} day(s), {streak.start} to {streak.end}")
    if stats.by_status:
        context.print("shows by status:")
        for label, count in stats.by_status.items():
            context.print(f"  {label:14} {count}")
    if stats.per_year:
        context.print("episodes per year (by first watch):")
        top = max(stats.per_year.values())
        for year, count in stats.per_year.items():
            hours = f"{stats.minutes_per_year.get(year, 0) / 60:.1f} h"
            bar = "█" * max(1, round(30 * count / top))
            context.print(f"  {year}  {count:5}  {hours:>8}  {bar}")
    if stats.per_month:
        context.print("episodes per month (last 12 with watches):")
        months = list(stats.per_month.items())[-12:]
        top = max(c for _, c in months)
        for month, count in months:
            context.print(f"  {month}  {count:5}  {'█' * max(1, round(30 * count / top))}")
    return status
