"""Palette → Import history…: a path, a dry-run summary, confirm, and the marks are there."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Label, Static

from fancompanion.core.library import Library
from fancompanion.tui.app import FanCompanionApp
from fancompanion.tui.screens.import_history import ImportScreen
from tests.conftest import FIXTURES
from tests.tui.screen_harness import settle
from tests.tui.test_palette import search

TRAKT_ZIP = FIXTURES / "imports" / "trakt-export-sample.zip"


async def _until(pilot: Pilot[None], check: object, tries: int = 300) -> None:
    for _ in range(tries):
        await pilot.pause(0.05)
        if callable(check) and check():
            return
    raise AssertionError("the screen never got there")


def _text(screen: ImportScreen, selector: str) -> str:
    widget = screen.query_one(selector)
    assert isinstance(widget, Label | Static)
    return str(widget.render())


async def test_import_from_the_palette_shows_a_dry_run_then_imports_on_confirm(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FANCOMPANION_TVMAZE_URL", "http://127.0.0.1:9")  # never the internet
    store = library.store
    app = FanCompanionApp(library, clock=lambda: "2026-11-25T12:00:00Z")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        prompts = await search(pilot, "import history", "Import history")
        assert prompts[0].startswith("Import history")
        await pilot.press("enter")
        await _until(pilot, lambda: isinstance(app.screen, ImportScreen))
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        await pilot.press(*str(TRAKT_ZIP))
        await pilot.press("enter")
        confirm = screen.query_one("#import-confirm", Button)
        await _until(pilot, lambda: "hidden" not in confirm.classes)
        summary = _text(screen, "#import-summary")
        assert "imported: 6 marks (7 plays)" in summary
        assert "unmatched: 1 row (special 1)" in summary
        assert "Unmatched rows are listed in" in summary
        assert store.user.shows_with_marks() == []  # the dry run wrote nothing
        report = screen.report
        assert report is not None
        assert report.is_file()
        await pilot.press("enter")  # the Import button has focus
        await _until(pilot, lambda: not isinstance(app.screen, ImportScreen))
    assert {m.key for m in store.user.marks("tvmaze-1370")} == {"S1E1", "S1E2", "S1E3"}
    assert Path(report).read_text(encoding="utf-8-sig").count("special") == 1


async def test_a_file_that_is_no_export_gets_one_line_and_nothing_changes(
    library: Library, tmp_path: Path
) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("not an export")
    app = FanCompanionApp(library, clock=lambda: "2026-11-25T12:00:00Z")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_import_history()
        await _until(pilot, lambda: isinstance(app.screen, ImportScreen))
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        await pilot.press(*str(junk), "enter")
        await _until(pilot, lambda: "Cannot import" in _text(screen, "#import-stage"))
        assert "notes.txt" in _text(screen, "#import-stage")
        await pilot.press("escape")
        await _until(pilot, lambda: not isinstance(app.screen, ImportScreen))
    assert library.store.user.shows_with_marks() == []
