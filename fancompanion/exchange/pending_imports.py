"""Shows an import could not look up (TVmaze unreachable), kept until a later run resolves them.

A real import that leaves shows *pending* writes what it read for them to
``<data>/catalog/import-pending.json``: each show's ids and name, its plays folded per episode
(plays, first and last time) and its status hint. Folding makes the queue idempotent: the same
archive queued twice holds the same marks. The next ``fetch`` (or ``import``) looks them up and
imports them through the same plan and apply as any import; resolved shows leave the queue.
The queue is not the fan's history yet (that is only what the store holds), so it lives with
the catalog's other import data, not in user state.
"""

from __future__ import annotations

from typing import Any

import orjson

from fancompanion.core.models import WatchStatus
from fancompanion.core.store.files import atomic_write
from fancompanion.core.store.store import Store
from fancompanion.exchange.foreign import ForeignExport, Play, ShowRef
from fancompanion.exchange.foreign_plan import Tally

QUEUE_NAME = "import-pending.json"


def _read(store: Store) -> dict[str, dict[str, Any]]:
    try:
        data = orjson.loads((store.catalog.root / QUEUE_NAME).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(store: Store, queue: dict[str, dict[str, Any]]) -> None:
    path = store.catalog.root / QUEUE_NAME
    if not queue:
        path.unlink(missing_ok=True)
        return
    atomic_write(path, orjson.dumps(queue, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))


def queued(store: Store) -> int:
    return len(_read(store))


def remember(store: Store, export: ForeignExport, tally: Tally) -> None:
    """Queue the pending shows of this import; drop the ones it resolved."""
    queue = _read(store)
    pending = {p.show.key: p.show for p in tally.pending}
    for ref in export.shows():
        if ref.key and ref.key not in pending:
            queue.pop(ref.key, None)
    for key, ref in pending.items():
        entry = queue.setdefault(
            key, {"thetvdb": ref.thetvdb, "imdb": ref.imdb, "marks": {}, "status": ""}
        )
        entry["name"] = export.name_of(ref)
        folded: dict[str, list[Any]] = {}  # this export's plays per episode
        for play in export.plays:
            if play.show == ref:
                _add(folded, f"{play.season}x{play.number}", 1, play.at, play.at)
        for (show, season, number), floor in export.floors.items():
            episode = f"{season}x{number}"
            if show == ref and episode in folded:
                folded[episode][0] = max(folded[episode][0], floor)
        marks: dict[str, list[Any]] = entry["marks"]
        for episode, (plays, first, last) in folded.items():  # merged: max, min, max
            known = marks.get(episode)
            if known is None:
                marks[episode] = [plays, first, last]
            else:
                firsts = [t for t in (known[1], first) if t]
                marks[episode] = [
                    max(known[0], plays),
                    min(firsts) if firsts else "",
                    max(known[2], last),
                ]
        if export.statuses.get(ref) is WatchStatus.PLAN:
            entry["status"] = "plan"
        elif ref in export.followed and entry["status"] != "plan":
            entry["status"] = "followed"
    _write(store, queue)


def _add(folded: dict[str, list[Any]], episode: str, plays: int, first: str, last: str) -> None:
    known = folded.setdefault(episode, [0, "", ""])
    known[0] += plays
    known[1] = min(t for t in (known[1], first) if t) if (known[1] or first) else ""
    known[2] = max(known[2], last)


def as_export(store: Store) -> ForeignExport | None:
    """The queue as an export to plan and apply (None when empty). Plays re-count from folded
    marks: the first and last watch as plays, the rest as the episode's least plays."""
    queue = _read(store)
    if not queue:
        return None
    export = ForeignExport(source="Pending imports")
    for entry in queue.values():
        thetvdb = entry.get("thetvdb")
        imdb = entry.get("imdb")
        ref = ShowRef(
            thetvdb if isinstance(thetvdb, int) else None,
            imdb if isinstance(imdb, str) else None,
            str(entry.get("name", "")),
        )
        if not ref.key:
            continue
        export.names[ref] = ref.name
        for episode, (plays, first, last) in dict(entry.get("marks") or {}).items():
            season, _, number = str(episode).partition("x")
            if not (season.isdigit() and number.isdigit()):
                continue
            s, n = int(season), int(number)
            times = [first] if first == last else [first, last]
            for at in times[: max(1, int(plays))]:
                export.plays.append(Play(ref, s, n, str(at)))
            export.floors[(ref, s, n)] = int(plays)
            export.rows += len(times[: max(1, int(plays))])
        if entry.get("status") == "plan":
            export.statuses[ref] = WatchStatus.PLAN
        elif entry.get("status") == "followed":
            export.followed.add(ref)
    return export


def resolve(store: Store, *, online: bool = True) -> str | None:
    """Look up the queued shows now and import what can be; one line for the fan, or None."""
    from fancompanion.exchange.foreign_plan import apply_foreign, plan_foreign
    from fancompanion.exchange.lookup import ShowFinder

    export = as_export(store)
    if export is None:
        return None
    with ShowFinder(store, online=online) as finder:
        plan, tally = plan_foreign(store, export, finder)
    changed = apply_foreign(store, plan, tally).changed if plan.shows else 0
    remember(store, export, tally)
    resolved = len(export.shows()) - len(tally.pending)
    left = f"; {len(tally.pending)} still pending" if tally.pending else ""
    return f"pending imports: {resolved} show(s) resolved, {changed} change(s){left}"
