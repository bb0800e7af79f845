"""The footer of every screen: the keys of what has the focus first, and only whole keys.

Textual's ``Footer`` lays every shown binding out in a row and the terminal's edge cuts the
row wherever it falls (``w Statu``). This one keeps Textual's order (the focused widget's
keys, then the screen's, then the app's) and leaves out a key that would not fit whole, so a
narrow terminal shows the most useful keys that fit; ``?`` (help, which lists every key) is
always kept.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer

ALWAYS = "app.help"


def _is_key(widget: Widget) -> bool:
    """A key Footer composed (its class is not exported: known by what it carries)."""
    return isinstance(getattr(widget, "key_display", None), str) and hasattr(widget, "action")


def _action(key: Widget) -> object:
    return getattr(key, "action", None)


def _width(key: Widget) -> int:
    """Cells a key takes: `` k Description `` (Textual's padding and margin)."""
    return len(getattr(key, "key_display", "")) + len(getattr(key, "description", "")) + 3


class KeysFooter(Footer):
    _shown: tuple[object, ...] | None = None  # what the keys on screen were composed from

    def _keys(self) -> tuple[object, ...]:
        """What the footer would show: the shown bindings, whether each is enabled, the room."""
        room = self.size.width or self.app.size.width
        if not self._bindings_ready:
            return (room,)
        bindings = self.screen.active_bindings.values()
        return (room, *((b.key, b.action, b.description, on) for _, b, on, _ in bindings if b.show))

    async def recompose(self) -> None:
        """Only when the keys changed: Textual asks after every focus change (a dozen times
        while a tab opens) and each recompose mounts and styles every key again."""
        if self.is_attached and self._keys() == self._shown:
            return
        await super().recompose()

    def compose(self) -> ComposeResult:
        self._shown = self._keys()
        widgets = list(super().compose())
        room = self.size.width or self.app.size.width
        keys = [w for w in widgets if _is_key(w)]
        pinned = [
            k
            for k in keys
            if k.has_class("-command-palette") or getattr(k, "action", None) == ALWAYS
        ]
        room -= sum(_width(k) for k in pinned)
        kept: list[Widget] = []
        for widget in widgets:
            if not _is_key(widget) or widget in pinned:
                kept.append(widget)
                continue
            if _width(widget) <= room:
                room -= _width(widget)
                kept.append(widget)
        yield from kept

    def on_resize(self) -> None:
        self.call_after_refresh(self.recompose)
