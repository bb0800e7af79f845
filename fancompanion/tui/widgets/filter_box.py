"""The library's ``/`` box: typing filters the shows list; ``esc`` clears it, ``enter`` goes to
the list.

Both move the focus while their key is handled, not through a message (``Input.Submitted``, or
``Widget.focus``, which waits for a later turn): keys typed in the same burst (tmux send-keys,
a paste, a fast typist: ``/jes`` ``enter`` ``w``) are handed to whatever has the focus when
each comes round, so ``w`` must find the list focused, not the box."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.binding import BindingType
from textual.geometry import Size
from textual.widgets import Input

from fancompanion.tui.keys import bindings
from fancompanion.tui.widgets.shows_list import ShowsList


class FilterInput(Input):
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("library.clear_filter")]

    def action_clear_filter(self) -> None:
        self.value = ""
        self._to_list()

    async def action_submit(self) -> None:
        """``enter``: go to the list (Input would post ``Submitted`` for someone to do it later)."""
        self._to_list()

    def _to_list(self) -> None:
        self.screen.set_focus(self.screen.query_one(ShowsList))

    def validate_value(self, value: str) -> str:
        """Give the box its scroll width for ``value`` before it is stored, without a layout.

        ``Input`` sets its ``virtual_size`` (the text's width) when the value changes, and that
        is a layout attribute: every letter laid out and re-rendered the whole screen (~5 ms a
        key at 10,000 shows). This box has a fixed size, so only its own scroll range changes:
        set here first, Input's assignment finds the same size and changes nothing, and the
        value's repaint draws the box. (Should Input measure differently, it lays out again as
        before: slower, never wrong.)
        """
        if self.placeholder and not value:  # (as ``Input.content_width`` measures)
            width = cell_len(self.placeholder)
        else:
            width = cell_len(value) + 1  # the cursor's cell after the text
        self.set_reactive(Input.virtual_size, Size(width, 1))
        return value

    def watch_value(self, old: str, value: str) -> None:
        """Filter right here, while the key is handled: the list changes in the same frame as
        the box. (Through ``Input.Changed`` the screen would filter after this frame, and the
        list would wait for the next one, a sixtieth of a second later.) When the filter comes
        or goes, the footer's ``esc Clear filter`` does too."""
        self.screen.query_one(ShowsList).filter(value)
        if bool(old) != bool(value):
            self.screen.refresh_bindings()
