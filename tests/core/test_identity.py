"""The catalog follows the one 'same show?' rule (core/identity.py): TheTVDB ids count too."""

from __future__ import annotations

from pathlib import Path

from msgspec.structs import replace

from fancompanion.core.store import Store
from tests.trust.helpers import show_record

EPISODES = [(7001, 1, 1), (7002, 1, 2)]


def test_a_fetched_show_known_by_its_thetvdb_id_keeps_the_stored_show_and_its_marks(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path)
    bundled = show_record(0, "Tidewater", EPISODES, externals={"thetvdb": 4242})
    bundled = replace(bundled, show=replace(bundled.show, id="imdb-tt9", tvmaze_id=None))
    [stored_id] = store.catalog.put_shows([bundled])
    assert store.catalog.summaries()[0].thetvdb_id == 4242
    fetched = show_record(555, "Tidewater (2020)", EPISODES, externals={"thetvdb": 4242})
    assert store.catalog.put_shows([fetched]) == [stored_id]
    [summary] = store.catalog.summaries()
    assert (summary.id, summary.tvmaze_id, summary.name) == (stored_id, 555, "Tidewater (2020)")
