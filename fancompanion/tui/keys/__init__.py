"""Every command of the app, defined once: key, footer text, help group, tooltip, action.

Bindings, the footer, the help screen and the command palette are all built from this table
(the idea is hike's: one definition per command). Screens and widgets select their commands by
``id`` with :func:`bindings`. The table is kept in three parts by where the commands act
(``general``, ``library``, ``screens``); its order is the help screen's.
"""

from __future__ import annotations

from textual.binding import BindingType

from fancompanion.tui.keys.command import Command
from fancompanion.tui.keys.general import GENERAL
from fancompanion.tui.keys.library import LIBRARY
from fancompanion.tui.keys.screens import SCREENS

COMMANDS: tuple[Command, ...] = (*GENERAL, *LIBRARY, *SCREENS)

BY_ID = {command.id: command for command in COMMANDS}


def bindings(*ids: str) -> list[BindingType]:
    """The bindings for these command ids (for a screen's or widget's ``BINDINGS``)."""
    return [BY_ID[i].binding() for i in ids]
