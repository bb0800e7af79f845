"""Is this the same show? The one rule: ids decide (TVmaze, then IMDb, then TheTVDB).

Names never decide alone: titles differ between services ("Marvel's Luke Cage" on TV Time,
"Luke Cage" on TVmaze) and different shows share names. :class:`ShowIndex` answers for a set of
library rows without opening any show file.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

from fancompanion.core.models import ShowSummary


class ShowIds(msgspec.Struct, frozen=True):
    """The ids one service gives a show (any may be missing)."""

    tvmaze: int | None = None
    imdb: str | None = None
    thetvdb: int | None = None


def normal_imdb(value: str | None) -> str | None:
    text = (value or "").strip().lower()
    return text if text.startswith("tt") and text[2:].isdigit() else None


class ShowIndex:
    """Library rows by each id they carry."""

    def __init__(self, summaries: Iterable[ShowSummary]) -> None:
        self.by_tvmaze: dict[int, ShowSummary] = {}
        self.by_imdb: dict[str, ShowSummary] = {}
        self.by_thetvdb: dict[int, ShowSummary] = {}
        for summary in summaries:
            self.add(summary)

    def add(self, summary: ShowSummary) -> None:
        if summary.tvmaze_id is not None:
            self.by_tvmaze.setdefault(summary.tvmaze_id, summary)
        imdb = normal_imdb(summary.imdb_id)
        if imdb:
            self.by_imdb.setdefault(imdb, summary)
        if summary.thetvdb_id is not None:
            self.by_thetvdb.setdefault(summary.thetvdb_id, summary)

    def find(self, ids: ShowIds) -> ShowSummary | None:
        """The library show these ids name, or None. The first id both sides know decides."""
        if ids.tvmaze is not None and ids.tvmaze in self.by_tvmaze:
            return self.by_tvmaze[ids.tvmaze]
        imdb = normal_imdb(ids.imdb)
        if imdb and imdb in self.by_imdb:
            return self.by_imdb[imdb]
        if ids.thetvdb is not None:
            return self.by_thetvdb.get(ids.thetvdb)
        return None
