"""The ``/`` boxes over a list (the library's shows, the News screen's items): each letter
filters the list, ``enter`` goes back to it; in the library ``esc`` clears the box too. ``/``
again keeps what the box holds, the cursor after it (the text is not selected).

Each acts while its key is handled, not through a message (``Input.Changed``,
``Input.Submitted``, or ``Widget.focus``, which waits for a later turn): keys typed in the same
burst (tmux send-keys, a paste, a fast typist: ``/jes`` ``enter`` ``w``) are handed to whatever
has the focus when each comes round, so ``w`` must find the list filtered and focused."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.binding import BindingType
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input

from fancompanion.tui.keys import bindings
from fancompanion.tui.widgets.shows_list import ShowsList


class ListFilter(Input):
    """A filter box over the list ``LIST`` (a selector on its screen)."""

    LIST: ClassVar[str]

    def __init__(self, placeholder: str = "", *, id: str | None = None, compact: bool = False):
        # Not Input's select-on-focus: letters typed in the same burst as ``/`` reach the box
        # before its focus does, and selected, the next key would replace them all.
        super().__init__(placeholder=placeholder, id=id, compact=compact, select_on_focus=False)

    async def action_submit(self) -> None:
        """``enter``: go to the list (Input would post ``Submitted`` for someone to do it later)."""
        self.back_to_list()

    def back_to_list(self) -> None:
        self.screen.set_focus(self.screen.query_one(self.LIST, Widget))


class FilterInput(ListFilter):
    """The library's box."""

    LIST = "#shows"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("library.clear_filter")]

    def action_clear_filter(self) -> None:
        self.value = ""
        self.back_to_list()

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
