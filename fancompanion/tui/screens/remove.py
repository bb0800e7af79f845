"""Remove a show (``delete``): asks first; its history is saved to a backup, then it goes.

The saved file is our export format with just that show: ``fancompanion import FILE`` brings
its marks and status back once the show is added again. Dismisses with True to remove.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from fancompanion.core.wording import plural
from fancompanion.tui.keys import bindings
from fancompanion.tui.safe import line
from fancompanion.tui.styles import MUTED


class RemoveShowScreen(ModalScreen[bool]):
    DEFAULT_CSS = """
    RemoveShowScreen { align: center middle; }
    RemoveShowScreen > #remove {
        width: 64; max-width: 100%; height: auto; padding: 1 2;
        border: round $error; background: $surface;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = bindings("remove.yes", "remove.no", "screen.back")

    def __init__(self, name: str, marks: int, status: str = "") -> None:
        """``marks``: episodes watched; ``status``: the watchlist status's label ("" none)."""
        super().__init__()
        self.show_name = name
        self.marks = marks
        self.status = status

    def compose(self) -> ComposeResult:
        with Vertical(id="remove") as box:
            box.border_title = "Remove a show"
            box.border_subtitle = "y removes · n or esc keeps it"
            yield Label(Content.assemble("Remove ", (line(self.show_name), "bold"), "?"))
            yield Static(self._kept())

    def _kept(self) -> Content:
        """What happens to the fan's history of the show, in plain words."""
        if not self.marks and not self.status:
            return Content.styled(
                "You have not watched any of it and it has no status: nothing of yours is lost.",
                MUTED,
            )
        parts = [plural(self.marks, "watched episode")] if self.marks else []
        parts += [f"its status ({self.status})"] if self.status else []
        return Content.assemble(
            (f"Your history ({' and '.join(parts)}) is saved to a backup file first; ", MUTED),
            ("fancompanion import", "bold"),
            (" brings it back.", MUTED),
        )

    def action_answer(self, remove: bool) -> None:
        self.dismiss(remove)

    def action_back(self) -> None:
        self.dismiss(False)
