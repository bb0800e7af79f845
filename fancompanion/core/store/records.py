"""What an incoming show record becomes in the catalog: its index row, its id (an incoming
show that is a stored one keeps the stored id) and its people merged with the stored people.

Plain functions over records and documents, no file: :class:`~fancompanion.core.store.catalog.
Catalog` calls them inside its locked read-modify-write.
"""

from __future__ import annotations

from typing import Any

from msgspec.structs import replace

from fancompanion.core.identity import ShowIds, ShowIndex
from fancompanion.core.models import Person, ShowRecord, ShowSummary
from fancompanion.core.store.schema import to_doc
from fancompanion.core.timeutil import air_time, aired_by


def summarize(record: ShowRecord, now: str) -> ShowSummary:
    regular = [e for e in record.episodes if e.number is not None]
    stamps = [air_time(e) for e in regular]
    show = record.show
    return ShowSummary(
        id=show.id,
        name=show.name,
        tvmaze_id=show.tvmaze_id,
        imdb_id=show.imdb_id,
        premiered=show.premiered,
        ended=show.ended,
        status=show.status,
        network=show.network,
        seasons=len({e.season for e in regular} | {s.number for s in record.seasons if s.number}),
        regular=len(regular),
        specials=len(record.episodes) - len(regular),
        undated=sum(1 for s in stamps if s is None),
        pending=tuple(sorted(s for s in stamps if s is not None and not aired_by(s, now))),
        aliases=show.aliases,
        updated=show.updated,
        thetvdb_id=show.thetvdb_id,
    )


def resolve(record: ShowRecord, finder: ShowIndex) -> ShowRecord:
    """An incoming show that is a stored one (the rule of :mod:`fancompanion.core.identity`)
    takes the stored show's id."""
    show = record.show
    stored = finder.find(ShowIds(show.tvmaze_id, show.imdb_id, show.thetvdb_id))
    if stored is not None and stored.id != record.show.id:
        return rekey_show(record, stored.id)
    return record


def rekey_show(record: ShowRecord, new_id: str) -> ShowRecord:
    """The same record under another show id (episodes and credits follow)."""
    return ShowRecord(
        show=replace(record.show, id=new_id),
        seasons=record.seasons,
        episodes=tuple(replace(e, show_id=new_id) for e in record.episodes),
        credits=tuple(replace(c, show_id=new_id) for c in record.credits),
        people=record.people,
    )


def merge_people(records: list[ShowRecord], stored: list[dict[str, Any]]) -> list[ShowRecord]:
    """Match the incoming shows' people with the stored ones (``stored``, the people table's
    documents, is updated in place: these shows' credits replaced, new people added) and give
    each record the stored people's ids. Matched by TVmaze id, else by name."""
    by_tvmaze: dict[int, dict[str, Any]] = {}
    by_name: dict[str, dict[str, Any]] = {}
    by_id: dict[str, dict[str, Any]] = {}
    for entry in stored:
        person = entry.get("person") or {}
        by_id[str(person.get("id"))] = entry
        if isinstance(person.get("tvmaze_id"), int):
            by_tvmaze[person["tvmaze_id"]] = entry
        by_name.setdefault(str(person.get("name", "")).casefold(), entry)
    show_ids = {r.show.id for r in records}
    for entry in stored:  # these shows' credits are replaced below
        entry["credits"] = [c for c in entry.get("credits") or [] if c and c[0] not in show_ids]
    out: list[ShowRecord] = []
    for record in records:
        mapping: dict[str, str] = {}
        people: list[Person] = []
        for person in record.people:
            doc: dict[str, Any] | None
            doc = by_tvmaze.get(person.tvmaze_id) if person.tvmaze_id is not None else None
            if doc is None:
                candidate = by_name.get(person.name.casefold())
                if candidate is not None and (
                    person.tvmaze_id is None or candidate["person"].get("tvmaze_id") is None
                ):
                    doc = candidate
            if doc is None:
                doc = {"person": to_doc(person), "credits": []}
                stored.append(doc)
                by_name.setdefault(person.name.casefold(), doc)
            else:
                merged = dict(doc["person"])
                for key, value in to_doc(person).items():
                    if key != "id" and value is not None:
                        merged[key] = value
                doc["person"] = merged
            if isinstance(doc["person"].get("tvmaze_id"), int):
                by_tvmaze[doc["person"]["tvmaze_id"]] = doc
            by_id[str(doc["person"]["id"])] = doc
            mapping[person.id] = str(doc["person"]["id"])
            people.append(replace(person, id=mapping[person.id]))
        credits = tuple(
            replace(c, person_id=mapping.get(c.person_id, c.person_id)) for c in record.credits
        )
        for credit in credits:
            owner = by_id.get(credit.person_id)
            if owner is not None:
                owner["credits"].append([record.show.id, credit.kind, credit.role])
        out.append(replace(record, people=tuple(people), credits=credits))
    stored[:] = [d for d in stored if d.get("credits")]
    return out
