"""What a foreign import tells the fan: the summary lines and the ``--report`` CSV.

The summary accounts for every watch row (placed, duplicate, or unmatched by reason). The report
lists each unmatched row with the show's name exactly as the export spelled it (any script,
emoji), its ids, season/episode, time and reason, so the fan can fix it and import again.
"""

from __future__ import annotations

from pathlib import Path

from fancompanion.core.models import WatchStatus
from fancompanion.exchange.export import csv_bytes, spreadsheet_safe
from fancompanion.exchange.foreign_plan import Tally
from fancompanion.exchange.merge import ImportPlan

REPORT_COLUMNS = ("show", "thetvdb_id", "imdb_id", "season", "episode", "watched_at", "reason")


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def summary_lines(plan: ImportPlan, tally: Tally, *, dry_run: bool) -> list[str]:
    lines = [
        f"{tally.source}: {_n(tally.rows, 'watch row')} read",
        f"  imported: {_n(tally.marks, 'mark')} ({_n(tally.plays, 'play')}) "
        f"on {_n(tally.shows, 'show')}",
        f"  duplicates skipped: {tally.duplicates}",
    ]
    reasons = tally.by_reason()
    if reasons:
        detail = ", ".join(f"{reason} {n}" for reason, n in reasons.items())
        lines.append(f"  unmatched: {_n(len(tally.unmatched), 'row')} ({detail})")
    else:
        lines.append("  unmatched: 0 rows")
    for what, count in sorted(tally.skipped.items()):
        lines.append(f"  skipped: {_n(count, what)} (not a TV episode)")
    statuses: dict[WatchStatus, int] = {}
    for change in plan.shows:
        if change.status is not None:
            statuses[change.status] = statuses.get(change.status, 0) + 1
    new = sum(c.new_marks for c in plan.shows)
    updated = sum(c.updated_marks for c in plan.shows)
    verb = "would write" if dry_run else "writes"
    parts = [_n(new, "new mark"), _n(updated, "updated mark")]
    parts += [f"{n} × {status.label}" for status, n in statuses.items()]
    if tally.added:
        parts.append(_n(len(tally.added), "show") + " added to your library")
    lines.append(f"  this import {verb}: {', '.join(parts)}")
    return lines


def pending_lines(tally: Tally) -> list[str]:
    if not tally.pending:
        return []
    out = [
        f"pending: {_n(len(tally.pending), 'show')} could not be looked up on TVmaze "
        "(offline?); import again when online:"
    ]
    for pending in tally.pending:
        plays = f", {_n(pending.rows, 'play')} waiting" if pending.rows else ""
        out.append(f"  {pending.name or '?'} ({pending.show.ids_text}{plays})")
    return out


def write_report(path: Path, tally: Tally) -> int:
    """The unmatched rows as CSV (UTF-8 with BOM, CRLF); returns how many rows."""
    from fancompanion.core.store.files import atomic_write

    rows = [
        (
            spreadsheet_safe(name),
            row.show.thetvdb if row.show.thetvdb is not None else "",
            row.show.imdb or "",
            "" if row.season is None else row.season,
            "" if row.number is None else row.number,
            row.at,
            row.reason,
        )
        for name, row in tally.unmatched
    ]
    atomic_write(path, csv_bytes(REPORT_COLUMNS, rows))
    return len(rows)
