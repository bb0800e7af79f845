"""Palette → *Import history…*: path, dry-run summary, confirm, progress, where the report is.

Reading and planning run in a thread worker (TVmaze lookups are paced, so this can take a
minute); nothing is written until the fan confirms, and then exactly the plan shown is applied
(:mod:`fancompanion.exchange.session`). Unmatched rows go to a CSV report in the data folder,
whose location the summary names. The screen dismisses with one line for a notification, or
None when cancelled.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Static

if TYPE_CHECKING:  # a type only: the screen is handed the app's store
    from fancompanion.core.store import Store

from fancompanion.core.wording import plural
from fancompanion.tui.keys import bindings
from fancompanion.tui.safe import line, plain
from fancompanion.tui.workers import WorkFailed, run_in_thread


class ImportScreen(ModalScreen[str | None]):
    DEFAULT_CSS = """
    ImportScreen { align: center middle; }
    ImportScreen > #import {
        width: 84; max-width: 100%; height: auto; max-height: 100%; padding: 1 2;
        border: round $accent; background: $surface;
    }
    ImportScreen #import-summary { height: auto; max-height: 16; margin-top: 1; }
    ImportScreen #import-buttons { height: auto; margin-top: 1; }
    ImportScreen .hidden { display: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = bindings("screen.back")

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.prepared: object = None
        self.report: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="import") as box:
            box.border_title = "Import history"
            box.border_subtitle = "esc cancels"
            yield Label(
                Content("TV Time GDPR ZIP, Trakt export ZIP, a folder, or a FanCompanion export:")
            )
            yield Input(placeholder="path to the file or folder", id="import-path")
            yield Input(
                placeholder="ZIP password (only if it has one)",
                password=True,
                id="import-password",
            )
            yield Label(Content(""), id="import-stage", markup=False)
            yield ProgressBar(total=None, show_eta=False, id="import-bar", classes="hidden")
            yield Static(Content(""), id="import-summary", markup=False)
            yield Button("Import", id="import-confirm", variant="primary", classes="hidden")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        path = self.query_one("#import-path", Input).value.strip()
        if not path:
            self.query_one("#import-path", Input).focus()
            return
        password = self.query_one("#import-password", Input).value or None
        self._stage("Reading and looking up shows on TVmaze…")
        self.query_one("#import-bar", ProgressBar).remove_class("hidden")
        self.query_one("#import-confirm", Button).add_class("hidden")
        self.run_prepare(Path(path).expanduser(), password)

    def run_prepare(self, path: Path, password: str | None) -> None:
        def work() -> None:
            from fancompanion.exchange.importers import ImportFormatError
            from fancompanion.exchange.session import prepare

            result: object
            try:
                result = prepare(self.store, path, password=password, progress=self._progress)
            except ImportFormatError as error:
                result = str(error)
            self.app.call_from_thread(self._prepared, result)

        run_in_thread(self, work, group="import-prepare", description="Reading the export")

    def _progress(self, done: int, total: int, name: str) -> None:
        self.app.call_from_thread(self._show_progress, done, total, name)

    def _show_progress(self, done: int, total: int, name: str) -> None:
        self.query_one("#import-bar", ProgressBar).update(total=max(total, 1), progress=done)
        self._stage(f"Looking up shows: {done} of {total}  {line(name)}")

    def _prepared(self, result: object) -> None:
        from fancompanion.exchange.session import Prepared

        self.query_one("#import-bar", ProgressBar).add_class("hidden")
        if isinstance(result, str):
            self._stage(f"Cannot import: {line(result)}")
        elif isinstance(result, Prepared):
            self._planned(result)

    def on_work_failed(self, event: WorkFailed) -> None:
        """The app has notified the failure; say it here too instead of waiting forever."""
        self._stage(f"Import failed: {line(event.message)}")

    def _planned(self, prepared: object) -> None:
        from fancompanion.exchange.foreign_report import write_report
        from fancompanion.exchange.session import Prepared

        assert isinstance(prepared, Prepared)
        self.prepared = prepared
        lines = [*prepared.lines, *prepared.warnings, *prepared.pending]
        tally = prepared.tally
        if tally is not None and tally.unmatched:
            from fancompanion.core.timeutil import now_iso

            stamp = now_iso().replace(":", "").replace("-", "")
            self.report = self.store.root / "reports" / f"import-{stamp}.csv"
            write_report(self.report, tally)
            lines.append(f"Unmatched rows are listed in {self.report}")
        self.query_one("#import-summary", Static).update(Content(plain("\n".join(lines))))
        button = self.query_one("#import-confirm", Button)
        if prepared.changes or (tally is not None and tally.pending):
            self._stage("Dry run done: nothing written yet. Import?")
            button.remove_class("hidden")
            button.focus()
        else:
            self._stage("Nothing to change: your library already has all of it.")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "import-confirm" and self.prepared is not None:
            event.button.add_class("hidden")
            self._stage("Importing…")
            self.run_apply()

    def run_apply(self) -> None:
        from fancompanion.exchange.session import Prepared, commit

        prepared, report = self.prepared, self.report
        assert isinstance(prepared, Prepared)

        def work() -> None:
            result = commit(self.store, prepared)
            where = f"; unmatched rows: {report}" if report else ""
            message = f"Imported: {plural(result.changed, 'change')}{where}"
            self.app.call_from_thread(self.dismiss, message)

        run_in_thread(self, work, group="import-apply", description="Importing your history")

    def _stage(self, text: str) -> None:
        self.query_one("#import-stage", Label).update(Content(text))

    def action_back(self) -> None:
        self.dismiss(None)
