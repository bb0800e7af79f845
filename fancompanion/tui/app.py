"""The FanCompanion Textual app (main screen arrives with the TUI issue)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, OptionList

from fancompanion.core.library import Library


class FanCompanionApp(App[None]):
    TITLE = "FanCompanion"

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(*(s.name for s in self.library.summaries()), markup=False)
        yield Footer()
