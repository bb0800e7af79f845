"""One import, start to end, for any caller (CLI, TUI): read, plan (the dry run), apply.

:func:`prepare` reads the file and plans without writing user state (lookups may fill the
catalog's lookup cache); :func:`commit` applies exactly that plan. The TUI shows
:attr:`Prepared.lines` as its dry-run summary, then commits on confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fancompanion.core.store.store import Store
from fancompanion.exchange.archive import ExportFiles
from fancompanion.exchange.foreign import ForeignExport
from fancompanion.exchange.foreign_plan import Progress, Tally
from fancompanion.exchange.merge import ImportPlan, ImportResult


@dataclass(slots=True)
class Prepared:
    plan: ImportPlan
    tally: Tally | None  # None for our own exports
    lines: list[str]  # the dry-run summary
    warnings: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    export: ForeignExport | None = None

    @property
    def changes(self) -> int:
        return self.plan.changes


def read_foreign(files: ExportFiles, fmt: str = "auto") -> ForeignExport | None:
    """The export when it is TV Time's or Trakt's (by ``fmt`` or by sniffing), else None."""
    from fancompanion.exchange.importers.trakt import is_trakt, read_trakt
    from fancompanion.exchange.importers.tvtime import is_tvtime, read_tvtime

    if fmt == "tvtime" or (fmt == "auto" and is_tvtime(files)):
        return read_tvtime(files)
    if fmt == "trakt" or (fmt == "auto" and is_trakt(files)):
        return read_trakt(files)
    return None


def prepare(
    store: Store,
    path: Path,
    *,
    password: str | None = None,
    fmt: str = "auto",
    online: bool = True,
    progress: Progress | None = None,
) -> Prepared:
    """Read ``path`` and plan the import; raises ImportFormatError with one line for the fan."""
    from fancompanion.exchange.archive import open_export
    from fancompanion.exchange.importers import load

    export = None
    if fmt in ("auto", "trakt", "tvtime"):
        with open_export(path, password) as files:
            export = read_foreign(files, fmt)
    if export is None:
        from fancompanion.exchange.merge import plan_import

        history = load(path, fmt)
        plan = plan_import(store, history)
        pending = [i.label for i in plan.pending]
        return Prepared(plan, None, plan.lines(), pending=pending)
    return plan_export(store, export, online=online, progress=progress)


def plan_export(
    store: Store, export: ForeignExport, *, online: bool = True, progress: Progress | None = None
) -> Prepared:
    """Look up the export's shows (paced, cached) and plan it: the dry run."""
    from fancompanion.exchange.foreign_plan import plan_foreign
    from fancompanion.exchange.foreign_report import pending_lines, summary_lines
    from fancompanion.exchange.lookup import ShowFinder

    with ShowFinder(store, online=online) as finder:
        plan, tally = plan_foreign(store, export, finder, progress)
    warnings = [*tally.notes, *finder.stats.problems]
    if finder.offline:
        warnings.append("TVmaze could not be reached: shows not yet known stay pending")
    return Prepared(
        plan,
        tally,
        summary_lines(plan, tally, dry_run=True),
        warnings,
        pending_lines(tally),
        export,
    )


def commit(store: Store, prepared: Prepared) -> ImportResult:
    """Apply the prepared plan (a backup of user state first; nothing when nothing changes);
    shows still pending wait in the queue for the next import or fetch."""
    if prepared.tally is None:
        from fancompanion.exchange.merge import apply_import

        return apply_import(store, prepared.plan)
    from fancompanion.exchange.foreign_plan import apply_foreign
    from fancompanion.exchange.pending_imports import remember

    result = ImportResult(0, "")
    if prepared.plan.shows:
        result = apply_foreign(store, prepared.plan, prepared.tally)
    if prepared.export is not None:
        remember(store, prepared.export, prepared.tally)
    return result
