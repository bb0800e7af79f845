"""One command of the app: its key, footer text, help group, tooltip and action."""

from __future__ import annotations

import msgspec
from textual.binding import Binding


class Command(msgspec.Struct, frozen=True):
    """One command. A msgspec struct, not a dataclass: the same value semantics, built in C when
    the module loads (a dataclass costs ~2 ms of start-up on this machine)."""

    id: str
    key: str  # Textual key spec; comma-separated alternatives allowed
    action: str  # Textual action string, e.g. "app.open_news"
    description: str  # footer / palette text
    group: str  # help screen heading
    tooltip: str = ""
    show: bool = True  # in the footer
    display_key: str = ""  # how the help screen writes the key ("" = derived from key)
    in_help: bool = True  # False only for a second binding of a key the help already lists

    def binding(self) -> Binding:
        return Binding(
            self.key,
            self.action,
            self.description,
            show=self.show,
            id=self.id,
            tooltip=self.tooltip or self.description,
        )

    @property
    def keys_text(self) -> str:
        return self.display_key or " / ".join(k.strip() for k in self.key.split(","))
