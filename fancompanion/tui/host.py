"""What the screens and palette providers need from the app, as a typed protocol.

Screens are pushed by ``FanCompanionApp``; tests push them on a small harness app with the same
attributes. Both satisfy :class:`Host`, so screens never import the app module (no cycle).
"""

from __future__ import annotations

from typing import Protocol, cast, runtime_checkable

from textual.app import App

from fancompanion.core.commands import Change
from fancompanion.core.library import Library


@runtime_checkable
class Host(Protocol):
    library: Library

    def open_show(self, show_id: str, tab: str = "overview", target: str | None = None) -> None: ...

    def open_news(self, news_id: str | None = None) -> None: ...

    def notify_library_changed(self) -> None: ...

    def apply_change(self, change: Change, *, title: str = "", quiet: bool = False) -> None: ...

    def restore_theme(self, theme: object) -> None: ...


def host_of(app: App[object]) -> Host:
    """The running app as a :class:`Host` (every FanCompanion app is one)."""
    return cast(Host, app)
