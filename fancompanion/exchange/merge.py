"""Map an imported :class:`History` onto the library and merge it into user state.

Shows are matched by TVmaze id, then IMDb id, then TheTVDB id, then our own id, then exact name
(casefolded); the rest are *pending* (not in the library). Marks merge the way
:meth:`Mark.merged` does — more plays and the later time win, the earliest first watch
is kept — so importing the same file twice changes nothing. :func:`plan_import` computes every
change without writing; :func:`apply_import` writes it (after a backup).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from fancompanion.core.commands import ImportMarks, SetFeed, SetRead, SetSetting, SetStatus, apply
from fancompanion.core.identity import ShowIds, ShowIndex
from fancompanion.core.models import Episode, Feed, Mark, ShowSummary, WatchStatus
from fancompanion.core.progress import same_mark
from fancompanion.core.store.files import atomic_write
from fancompanion.core.store.store import Store
from fancompanion.core.timeutil import now_iso
from fancompanion.exchange.history import History, ShowHistory, ShowIdentity


@dataclass(frozen=True, slots=True)
class ShowChange:
    show_id: str
    name: str
    status: WatchStatus | None  # the status to set, None to leave it
    status_at: str
    marks: tuple[Mark, ...]  # every imported mark, keyed to the library's episodes
    new_marks: int
    updated_marks: int


@dataclass(slots=True)
class ImportPlan:
    source: str
    shows: list[ShowChange] = field(default_factory=list)
    pending: list[ShowIdentity] = field(default_factory=list)
    read_ids: list[str] = field(default_factory=list)
    feeds: list[Feed] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def changes(self) -> int:
        marks = sum(c.new_marks + c.updated_marks for c in self.shows)
        statuses = sum(1 for c in self.shows if c.status is not None)
        return marks + statuses + len(self.read_ids) + len(self.feeds) + len(self.settings)

    def lines(self) -> list[str]:
        """What the import does, one line per fact (for ``--dry-run`` and the summary)."""
        out = []
        for change in self.shows:
            parts = []
            if change.status is not None:
                parts.append(f"status → {change.status.label}")
            if change.new_marks:
                parts.append(f"{change.new_marks} episode(s) newly watched")
            if change.updated_marks:
                parts.append(f"{change.updated_marks} episode(s) with more plays or later times")
            if parts:
                out.append(f"{change.name}: {', '.join(parts)}")
        if self.read_ids:
            out.append(f"news: {len(self.read_ids)} item(s) marked read")
        if self.feeds:
            out.append(f"feeds: {len(self.feeds)} added or changed")
        if self.settings:
            out.append(f"settings: {', '.join(sorted(self.settings))}")
        return out


class _Matcher:
    """Ids first, by the one rule (:class:`~fancompanion.core.identity.ShowIndex`); our own
    exports also carry our id and, last, the exact name (ignoring case)."""

    def __init__(self, summaries: list[ShowSummary]) -> None:
        self.index = ShowIndex(summaries)
        self.by_id = {s.id: s for s in summaries}
        self.by_name = {s.name.casefold(): s for s in summaries}

    def match(self, identity: ShowIdentity) -> ShowSummary | None:
        ids = ShowIds(identity.tvmaze_id, identity.imdb_id, identity.thetvdb_id)
        found = self.index.find(ids)
        if found is not None:
            return found
        if identity.id and identity.id in self.by_id:
            return self.by_id[identity.id]
        return self.by_name.get(identity.name.casefold()) if identity.name else None


def plan_import(store: Store, history: History) -> ImportPlan:
    plan = ImportPlan(source=history.source)
    matcher = _Matcher(store.catalog.summaries())
    grouped: dict[str, tuple[ShowSummary, list[ShowHistory]]] = {}
    for show in history.shows:
        summary = matcher.match(show.identity)
        if summary is None:
            plan.pending.append(show.identity)
        else:
            grouped.setdefault(summary.id, (summary, []))[1].append(show)
    statuses = store.user.statuses()
    times = store.user.status_times()
    for show_id, (summary, parts) in grouped.items():
        plan.shows.append(
            _show_change(store, summary, parts, statuses.get(show_id), times.get(show_id, ""))
        )
    plan.read_ids = _new_read(store, history)
    current_feeds = {f.url: (f.title, f.enabled) for f in store.user.feeds()}
    plan.feeds = [f for f in history.feeds if current_feeds.get(f.url) != (f.title, f.enabled)]
    current = store.user.settings()
    plan.settings = {
        k: v for k, v in history.settings.items() if k not in current or current[k] != v
    }
    return plan


def _show_change(
    store: Store,
    summary: ShowSummary,
    parts: list[ShowHistory],
    current: WatchStatus | None,
    current_at: str,
) -> ShowChange:
    record = store.catalog.record(summary.id)
    episodes = record.episodes if record else ()
    by_tvmaze = {e.tvmaze_id: e for e in episodes if e.tvmaze_id is not None}
    by_number = {(e.season, e.number): e for e in episodes if e.number is not None}
    incoming: dict[str, Mark] = {}
    for part in parts:
        for entry in part.episodes:
            mark = _rekey(entry.mark, by_tvmaze, by_number)
            known = incoming.get(mark.key)
            incoming[mark.key] = mark if known is None else known.merged(mark)
    new, updated = count_changes(store.user.marks(summary.id), incoming.values())
    status: WatchStatus | None = None
    status_at = ""
    for part in parts:
        if part.status is WatchStatus.NONE or part.status == current:
            continue
        if current in (None, WatchStatus.NONE) or (part.status_at and part.status_at > current_at):
            status, status_at = part.status, part.status_at
            current, current_at = part.status, part.status_at
    return ShowChange(
        summary.id, summary.name, status, status_at, tuple(incoming.values()), new, updated
    )


def count_changes(existing: list[Mark], incoming: Iterable[Mark]) -> tuple[int, int]:
    """(new marks, marks with more plays or wider times) that merging ``incoming`` makes,
    finding each stored mark the way :class:`~fancompanion.core.commands.ImportMarks` does."""
    new = updated = 0
    for mark in incoming:
        known = find_stored(existing, mark)
        if known is None:
            new += 1
        elif known.merged(mark) != known:
            updated += 1
    return new, updated


def find_stored(existing: list[Mark], mark: Mark) -> Mark | None:
    """The stored mark an imported one merges into (``core.progress.same_mark``)."""
    return next((known for known in existing if same_mark(known, mark)), None)


def _rekey(
    mark: Mark, by_tvmaze: dict[int, Episode], by_number: dict[tuple[int, int], Episode]
) -> Mark:
    """Point a mark at the library's episode (found by TVmaze episode id, then by number)."""
    episode = by_tvmaze.get(mark.tvmaze_id) if mark.tvmaze_id is not None else None
    if episode is None and mark.number is not None:
        episode = by_number.get((mark.season, mark.number))
    if episode is None:
        return mark
    tvmaze_id = mark.tvmaze_id if mark.tvmaze_id is not None else episode.tvmaze_id
    return Mark(episode.key, episode.season, episode.number, tvmaze_id, mark.plays, *_times(mark))


def _times(mark: Mark) -> tuple[str, str]:
    return mark.first_at or mark.last_at, mark.last_at or mark.first_at


def _new_read(store: Store, history: History) -> list[str]:
    news = store.catalog.news()
    known = {n.id for n in news}
    by_url = {n.url: n.id for n in news if n.url}
    already = store.user.read_ids()
    out: list[str] = []
    for item in history.read:
        news_id = item.id
        if news_id not in known and item.url in by_url:
            news_id = by_url[item.url]
        if news_id not in already and news_id not in out:
            out.append(news_id)
    return out


@dataclass(frozen=True, slots=True)
class ImportResult:
    changed: int
    backup: str


def apply_import(store: Store, plan: ImportPlan, *, now: str | None = None) -> ImportResult:
    """Write the plan (a backup of user state first). Nothing is written when nothing changes."""
    if plan.changes == 0:
        return ImportResult(0, "")
    backup = _backup(store, now or now_iso())
    changed = 0
    for change in plan.shows:
        if change.status is not None:
            status = SetStatus(change.show_id, change.status, at=change.status_at or now)
            changed += apply(store, status).changed
        if change.new_marks or change.updated_marks:
            changed += apply(store, ImportMarks(change.show_id, tuple(change.marks))).changed
    if plan.read_ids:
        changed += apply(store, SetRead(tuple(plan.read_ids), True, at=now)).changed
    for feed in plan.feeds:
        changed += apply(store, SetFeed(feed)).changed
    for key, value in plan.settings.items():
        changed += apply(store, SetSetting(key, value)).changed
    return ImportResult(changed, backup)


def _backup(store: Store, now: str) -> str:
    """Back up user state before changing it; a failure raises (no import without a backup).

    Uses the store's rotating backups when that module is present; otherwise copies the user
    files to ``<data>/user/backups/import-<UTC stamp>/``.
    """
    try:
        from fancompanion.core.store.backup import backup_now
    except ImportError:
        files = store.user.files()
        if not files:
            return ""
        stamp = now.replace("-", "").replace(":", "")
        target = store.user.root / "backups" / f"import-{stamp}"
        for path in files:
            atomic_write(target / path.relative_to(store.user.root), path.read_bytes())
        return str(target)
    taken = backup_now(store.user, "import")
    return str(taken.path) if taken is not None else ""
