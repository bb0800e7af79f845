"""The help screen (``?``): every key of the app, grouped, straight from :mod:`keys`.

It is built from the one command table, so it cannot drift from the real bindings.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from fancompanion.tui.keys import COMMANDS, bindings
from fancompanion.tui.keys.command import Command


def groups() -> dict[str, list[Command]]:
    """Every command by help group (a key that means the same on two screens, such as ``/``
    in the library and in the News screen, under each), groups in table order."""
    out: dict[str, list[Command]] = {}
    for command in COMMANDS:
        if command.in_help:
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
