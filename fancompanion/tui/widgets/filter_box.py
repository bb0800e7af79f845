"""The library's ``/`` box: typing filters the shows list; ``esc`` clears it, ``enter`` goes to
the list (the screen handles ``enter``)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.widgets import Input

from fancompanion.tui.keys import bindings
from fancompanion.tui.widgets.shows_list import ShowsList


class FilterInput(Input):
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("library.clear_filter")]

    def action_clear_filter(self) -> None:
        self.value = ""
        self.screen.query_one(ShowsList).focus()

    def watch_value(self, old: str, value: str) -> None:
        """Filter right here, while the key is handled: the list changes in the same frame as
        the box. (Through ``Input.Changed`` the screen would filter after this frame, and the
        list would wait for the next one, a sixtieth of a second later.) When the filter comes
        or goes, the footer's ``esc Clear filter`` does too."""
        self.screen.query_one(ShowsList).filter(value)
        if bool(old) != bool(value):
            self.screen.refresh_bindings()
