"""A removed show's history is saved first, and importing that file brings it back."""

from __future__ import annotations

from fancompanion.core.commands import SetStatus, Watch
from fancompanion.core.library import Library
from fancompanion.core.models import WatchStatus
from fancompanion.exchange.remove import remove_show

DAREDEVIL = "imdb-tt3322312"
NOW = "2026-11-25T12:00:00Z"


def test_removal_saves_the_show_history_in_our_export_format(library: Library) -> None:
    view = library.show(DAREDEVIL, NOW)
    assert view is not None
    library.apply(Watch(DAREDEVIL, view.record.episodes[:4], at="2025-02-02T20:00:00Z"), NOW)
    library.apply(SetStatus(DAREDEVIL, WatchStatus.WATCHING), NOW)
    removal = remove_show(library, DAREDEVIL, NOW)
    assert removal.saved is not None
    assert removal.message.startswith("Removed Daredevil (4 marks); its history is saved in ")
    saved = removal.saved.read_text(encoding="utf-8")
    assert '"name": "Daredevil"' in saved
    assert saved.count('"first_at": "2025-02-02T20:00:00Z"') == 4
    assert '"status": "watching"' in saved
    assert DAREDEVIL not in {s.id for s in library.summaries()}


def test_removing_a_show_with_no_history_saves_nothing(library: Library) -> None:
    removal = remove_show(library, DAREDEVIL, NOW)
    assert removal.saved is None
    assert removal.message == "Removed Daredevil (0 marks)"
