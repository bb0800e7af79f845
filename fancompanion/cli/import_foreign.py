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
    from fancompanion.exchange.foreign_report import summary_lines, write_report
    from fancompanion.exchange.session import commit, plan_export

    args = context.args
    store = context.store
    dry = bool(args.dry_run)
    prepared = plan_export(
        store, export, online=not args.offline, progress=ProgressLine(context.err)
    )
    tally = prepared.tally
    assert tally is not None
    for warning in prepared.warnings:
        context.warn(warning)
    for line in summary_lines(prepared.plan, tally, dry_run=dry):
        context.print(line)
    for line in prepared.pending:
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
    try:
        result = commit(store, prepared)
    except OSError as error:
        raise CommandError(f"could not write the import: {error}") from error
    if not prepared.plan.shows:
        context.print("nothing to change: your library already has all of it")
        return 0
    if result.backup:
        context.print(f"backup of your previous state: {result.backup}")
    context.print(f"imported: {result.changed} change(s)")
    return 0
