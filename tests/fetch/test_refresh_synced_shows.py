"""A show marked on another device and unknown here: pending after a sync (and said so),
added from TVmaze by the next fetch, with the synced marks kept."""

from __future__ import annotations

import io
from pathlib import Path

from fancompanion.cli.main import run
from fancompanion.core.commands import ImportMarks, RemoveShow
from fancompanion.core.library import Library
from fancompanion.core.models import Mark
from fancompanion.core.store import Store
from fancompanion.core.timeutil import now_iso
from fancompanion.fetch.http import Http
from fancompanion.fetch.progress import RefreshReport
from fancompanion.fetch.refresh import add_show
from fancompanion.fetch.tvmaze import TvMaze
from tests.fetch.conftest import Server, json_reply
from tests.fetch.showdata import embedded_show
from tests.sync.devices import Device

GOT = 82


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_a_show_marked_elsewhere_is_pending_until_the_next_fetch_adds_it(
    tvmaze: Server, store: Store, tmp_path: Path
) -> None:
    tvmaze.route(f"/shows/{GOT}", json_reply(embedded_show(GOT, "Game of Thrones", None, 2, 1)))
    tvmaze.route("/updates/shows", json_reply({}))
    folder = tmp_path / "Sync"
    laptop = Device(tmp_path / "laptop", folder, "laptop")
    with Http() as http:
        add_show(laptop.store, TvMaze(http), GOT, RefreshReport())
    laptop.watch(f"tvmaze-{GOT}", 1, "2024-01-01T10:00:00Z")
    laptop.run()
    assert Library(store).show(f"tvmaze-{GOT}") is None  # this machine has never fetched it

    code, out, _ = cli("sync", "init", str(folder), "--name", "desktop")
    assert code == 0
    assert "not in the library yet" in out
    assert "Game of Thrones" in out
    code, out, _ = cli("sync", "status")
    assert "Pending (marked elsewhere, not in the library yet): Game of Thrones" in out

    tvmaze.requests.clear()
    store.catalog.set_meta(last_refresh=now_iso())  # a routine refresh: nothing else changed
    code, out, err = cli("fetch", "--shows")
    assert code == 0, out + err
    assert f"/shows/{GOT}" in tvmaze.paths()
    view = Library(store).show(f"tvmaze-{GOT}")
    assert view is not None
    assert view.progress.watched == 1  # the synced mark is on the fetched episode
    code, out, _ = cli("sync", "status")
    assert "Pending" not in out


def test_a_show_known_here_only_by_its_imdb_id_is_looked_up_and_keeps_that_id(
    tvmaze: Server, store: Store
) -> None:
    """The bundled Daredevil is ``imdb-tt3322312``; a device that removed it and then received
    marks for it from another device finds it again by its IMDb id."""
    daredevil = "imdb-tt3322312"
    library = Library(store)
    view = library.show(daredevil)
    assert view is not None
    first = view.record.episodes[0]
    library.apply(RemoveShow(daredevil))
    library.apply(ImportMarks(daredevil, (Mark.first(first, "2024-02-02T20:00:00Z"),)))
    tvmaze.route("/lookup/shows", json_reply({"id": 1369}))
    tvmaze.route("/shows/1369", json_reply(embedded_show(1369, "Daredevil", "tt3322312", 1, 3)))
    tvmaze.route("/updates/shows", json_reply({}))
    store.catalog.set_meta(last_refresh=now_iso())
    code, out, err = cli("fetch", "--shows")
    assert code == 0, out + err
    assert "/lookup/shows" in tvmaze.paths()
    again = Library(store).show(daredevil)
    assert again is not None
    assert again.record.show.tvmaze_id == 1369
    assert again.progress.watched == 1
