"""Fetch the shows an import names but the library lacks (``import --fetch``), from TVmaze.

A show is looked up by its TVmaze id, else its IMDb id (``/lookup/shows``), else its exact
name (``/singlesearch/shows``; the answer is kept only when TVmaze's name matches exactly, so
a history never lands on the wrong show). When TVmaze cannot be reached the rest stay pending.
The fetcher (and so httpx) is imported only here, only when asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from fancompanion.core.store.store import Store
from fancompanion.exchange.history import ShowIdentity


@dataclass(slots=True)
class FetchOutcome:
    added: list[str] = field(default_factory=list)  # show names stored
    problems: list[str] = field(default_factory=list)
    offline: bool = False


def fetch_pending(store: Store, identities: Sequence[ShowIdentity]) -> FetchOutcome:
    from fancompanion.fetch.http import FetchError, Http
    from fancompanion.fetch.tvmaze import TvMaze

    outcome = FetchOutcome()
    with Http() as http:
        tvmaze = TvMaze(http)
        for identity in identities:
            try:
                tvmaze_id = identity.tvmaze_id
                if tvmaze_id is None and identity.imdb_id:
                    tvmaze_id = tvmaze.lookup_imdb(identity.imdb_id)
                by_name = tvmaze_id is None
                if tvmaze_id is None and identity.name:
                    tvmaze_id = tvmaze.find_id(identity.name)
                if tvmaze_id is None:
                    outcome.problems.append(f"{identity.label}: not found on TVmaze")
                    continue
                record = tvmaze.show(tvmaze_id, outcome.problems)
            except FetchError as error:
                outcome.problems.append(f"{identity.label}: {error}")
                if error.offline:
                    outcome.offline = True
                    break
                continue
            if record is None:
                outcome.problems.append(f"{identity.label}: TVmaze sent no usable show")
                continue
            if by_name and record.show.name.casefold() != identity.name.casefold():
                outcome.problems.append(
                    f"{identity.label}: TVmaze's closest match is {record.show.name!r}; not added"
                )
                continue
            store.catalog.put_shows([record])
            outcome.added.append(record.show.name)
    return outcome
