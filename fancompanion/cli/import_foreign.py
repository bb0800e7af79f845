"""``import`` of another tracker's export (TV Time, Trakt): plan, print, then apply that plan."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from fancompanion.cli.context import CommandError, Context

if TYPE_CHECKING:
    from fancompanion.exchange.foreign import ForeignExport


class ProgressLine:
    """A bar redrawn in place on a terminal; a plain line every tenth of the way otherwise."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.tty = out.isatty()
        self.last_step = -1
        self.started = time.monotonic()

    def __call__(self, done: int, total: int, name: str) -> None:
        if total < 5:  # a handful of shows takes a moment: no bar
            return
        if self.tty:
            width = 24
            filled = round(width * done / total)
            label = "".join(c for c in name[:30] if c.isprintable())
            bar = "█" * filled + "░" * (width - filled)
            self.out.write(f"\r\x1b[2Klooking up shows {bar} {done}/{total} {label}")
            if done == total:
                self.out.write("\n")
            self.out.flush()
            return
        step = done * 10 // total
        if step != self.last_step:
            self.last_step = step
            print(f"looking up shows: {done}/{total}", file=self.out, flush=True)


def cmd_import_foreign(context: Context, export: ForeignExport) -> int:
    from fancompanion.exchange.foreign_plan import apply_foreign, plan_foreign
    from fancompanion.exchange.foreign_report import pending_lines, summary_lines, write_report
    from fancompanion.exchange.lookup import ShowFinder

    args = context.args
    store = context.store
    dry = bool(args.dry_run)
    with ShowFinder(store, online=not args.offline) as finder:
        plan, tally = plan_foreign(store, export, finder, ProgressLine(context.err))
    for note in tally.notes:
        context.warn(note)
    for problem in finder.stats.problems:
        context.warn(problem)
    if finder.offline:
        context.warn("TVmaze could not be reached: shows not yet known stay pending")
    for line in summary_lines(plan, tally, dry_run=dry):
        context.print(line)
    for line in pending_lines(tally):
        context.print(line)
    if args.report:
        target = Path(args.report).expanduser()
        count = write_report(target, tally)
        context.print(f"report: {count} unmatched row(s) listed in {target}")
    elif tally.unmatched:
        context.print("  (add --report FILE to list the unmatched rows)")
    if dry:
        context.print("dry run: nothing written")
        return 0
    from fancompanion.exchange.pending_imports import remember

    remember(store, export, tally)  # pending shows wait for the next import or fetch
    if not plan.shows:
        context.print("nothing to change: your library already has all of it")
        return 0
    try:
        result = apply_foreign(store, plan, tally)
    except OSError as error:
        raise CommandError(f"could not write the import: {error}") from error
    if result.backup:
        context.print(f"backup of your previous state: {result.backup}")
    context.print(f"imported: {result.changed} change(s)")
    return 0
