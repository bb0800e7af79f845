"""Plan a foreign import: shows found by id, plays put on episodes by (season, number).

:func:`plan_foreign` reads the library and (through :class:`ShowFinder`) TVmaze, and writes
nothing: it returns an :class:`~fancompanion.exchange.merge.ImportPlan` (the same plan our own
imports make, applied by the same function) and a :class:`Tally` accounting for every row.
``--dry-run`` prints the plan's counts; a real run applies that very plan, so the two agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from fancompanion.core.models import Episode, Mark, ShowRecord, WatchStatus
from fancompanion.core.store.store import Store
from fancompanion.exchange.foreign import (
    NOT_ON_TVMAZE,
    PENDING,
    REASONS,
    UNKNOWN_SHOW,
    ForeignExport,
    Play,
    ShowRef,
    Unmatched,
)
from fancompanion.exchange.lookup import Found, ShowFinder
from fancompanion.exchange.merge import (
    ImportPlan,
    ImportResult,
    ShowChange,
    apply_import,
    count_changes,
)

Progress = Callable[[int, int, str], None]  # (shows done, shows in all, show name)


@dataclass(frozen=True, slots=True)
class PendingShow:
    show: ShowRef
    name: str
    rows: int  # plays waiting for it


@dataclass(slots=True)
class Tally:
    """Every row of the export, accounted for."""

    source: str
    rows: int = 0
    marks: int = 0  # episodes the import marks
    plays: int = 0
    shows: int = 0  # library shows receiving marks or a status
    duplicates: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    unmatched: list[tuple[str, Unmatched]] = field(default_factory=list)  # (show name, row)
    pending: list[PendingShow] = field(default_factory=list)
    added: list[ShowRecord] = field(default_factory=list)  # shows new to the library
    notes: list[str] = field(default_factory=list)

    def by_reason(self) -> dict[str, int]:
        counts = dict.fromkeys(REASONS, 0)
        for _, row in self.unmatched:
            counts[row.reason] += 1
        return {reason: n for reason, n in counts.items() if n}


def plan_foreign(
    store: Store, export: ForeignExport, finder: ShowFinder, progress: Progress | None = None
) -> tuple[ImportPlan, Tally]:
    tally = Tally(
        source=export.source,
        rows=export.rows,
        duplicates=export.duplicates,
        skipped=dict(export.skipped),
        notes=list(export.notes),
    )
    refs = [ref for ref in export.shows() if ref.key]
    found: dict[ShowRef, Found] = {}
    for done, ref in enumerate(refs):
        if progress is not None:
            progress(done, len(refs), export.name_of(ref))
        found[ref] = finder.find(ref)
    if progress is not None:
        progress(len(refs), len(refs), "")
    plays: dict[str, list[Play]] = {}
    targets: dict[str, Found] = {}
    waiting: dict[ShowRef, int] = {}
    for play in export.plays:
        where = found[play.show]
        if where.show_id is None:
            reason = where.reason or UNKNOWN_SHOW
            row = Unmatched(play.show, play.season, play.number, play.at, reason)
            tally.unmatched.append((export.name_of(play.show), row))
            if reason == PENDING:
                waiting[play.show] = waiting.get(play.show, 0) + 1
            continue
        plays.setdefault(where.show_id, []).append(play)
        targets.setdefault(where.show_id, where)
    for row in export.unmatched:
        tally.unmatched.append((export.name_of(row.show), row))
    statuses = _statuses(export, found, plays)
    for ref, where in found.items():
        if where.show_id is not None and where.show_id in statuses:
            targets.setdefault(where.show_id, where)
        elif where.reason == PENDING:
            tally.pending.append(PendingShow(ref, export.name_of(ref), waiting.get(ref, 0)))
    plan = ImportPlan(source=export.source)
    current = store.user.statuses()
    fetched = {f.show_id: f.record for f in found.values() if f.record is not None}
    for show_id, where in targets.items():
        new_record = fetched.get(show_id)
        record = new_record or store.catalog.record(show_id)
        marks = _marks(export, plays.get(show_id, []), record, tally)
        change = _change(store, show_id, where, marks, statuses.get(show_id), current)
        tally.marks += len(marks)
        tally.plays += sum(m.plays for m in marks)
        if marks or change.status is not None:
            tally.shows += 1
        if change.new_marks or change.updated_marks or change.status is not None:
            plan.shows.append(change)
            if new_record is not None:
                tally.added.append(new_record)
    return plan, tally


def _statuses(
    export: ForeignExport, found: dict[ShowRef, Found], plays: dict[str, list[Play]]
) -> dict[str, tuple[WatchStatus, str]]:
    """Library show → (status, when): "for later" → Plan to watch; a followed (or watchlisted)
    show → Watching once it has plays, else Plan to watch. Archived shows get none."""
    out: dict[str, tuple[WatchStatus, str]] = {}
    for ref in export.followed:
        show_id = found[ref].show_id if ref in found else None
        if show_id is None:
            continue
        played = plays.get(show_id)
        if played:  # Watching since the latest play (a time from the export, not today)
            latest = max((p.at for p in played), default="")
            out[show_id] = (WatchStatus.WATCHING, latest or export.status_times.get(ref, ""))
        elif show_id not in out:
            out[show_id] = (WatchStatus.PLAN, export.status_times.get(ref, ""))
    for ref, status in export.statuses.items():
        show_id = found[ref].show_id if ref in found else None
        if show_id is not None:
            out[show_id] = (status, export.status_times.get(ref, ""))
    return out


def _marks(
    export: ForeignExport, plays: list[Play], record: ShowRecord | None, tally: Tally
) -> list[Mark]:
    """One mark per episode: plays counted, first/last = earliest/latest known time."""
    by_number: dict[tuple[int, int], Episode] = {}
    for episode in record.episodes if record else ():
        if episode.number is not None:
            by_number.setdefault((episode.season, episode.number), episode)
    grouped: dict[str, tuple[Episode, list[Play]]] = {}
    for play in plays:
        target = by_number.get((play.season, play.number))
        if target is None:
            row = Unmatched(play.show, play.season, play.number, play.at, NOT_ON_TVMAZE)
            tally.unmatched.append((export.name_of(play.show), row))
            continue
        grouped.setdefault(target.key, (target, []))[1].append(play)
    marks = []
    for episode, found in grouped.values():
        times = sorted(p.at for p in found if p.at)
        floor = max((export.floors.get((p.show, p.season, p.number), 0) for p in found), default=0)
        marks.append(
            Mark(
                key=episode.key,
                season=episode.season,
                number=episode.number,
                tvmaze_id=episode.tvmaze_id,
                plays=max(len(found), floor),
                first_at=times[0] if times else "",
                last_at=times[-1] if times else "",
            )
        )
    return sorted(marks, key=lambda m: (m.season, m.number or 0))


def _change(
    store: Store,
    show_id: str,
    where: Found,
    marks: list[Mark],
    status: tuple[WatchStatus, str] | None,
    current: dict[str, WatchStatus],
) -> ShowChange:
    new, updated = count_changes(store.user.marks(show_id), marks)
    set_status: WatchStatus | None = None
    status_at = ""
    # A foreign service's state only fills a show the fan has given no status here.
    if status is not None and current.get(show_id, WatchStatus.NONE) is WatchStatus.NONE:
        set_status, status_at = status
    return ShowChange(show_id, where.name, set_status, status_at, tuple(marks), new, updated)


def apply_foreign(store: Store, plan: ImportPlan, tally: Tally) -> ImportResult:
    """Write the plan: shows new to the library first (catalog), then the fan's marks and
    statuses (after a backup of user state, through the same step as every import)."""
    if tally.added:
        from fancompanion.core.linking import link_news

        store.catalog.put_shows(tally.added)
        link_news(store)
    return apply_import(store, plan)
