"""The help screen (``?``): every key of the app, grouped, straight from :mod:`keys`.

It is built from the one command table, so it cannot drift from the real bindings.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from fancompanion.tui.keys import COMMANDS, Command, bindings


def groups() -> dict[str, list[Command]]:
    """Commands by help group, groups in the order they first appear in the table."""
    out: dict[str, list[Command]] = {}
    seen: set[tuple[str, str]] = set()
    for command in COMMANDS:
        if (command.key, command.action) in seen:
            continue  # the same key for the same thing on another screen (q on the help)
        seen.add((command.key, command.action))
        out.setdefault(command.group, []).append(command)
    return out


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = bindings("help.close", "modal.quit")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "esc or ? closes"
            for group, commands in groups().items():
                yield Label(Content(group), classes="help-group")
                with Grid(classes="help-keys"):
                    for command in commands:
                        yield Label(Content(command.keys_text), classes="help-key")
                        yield Label(Content(command.description), classes="help-name")
                        yield Static(Content(command.tooltip), classes="help-tip")

    def action_back(self) -> None:
        self.dismiss()
