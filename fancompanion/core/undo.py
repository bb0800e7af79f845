"""Undo and redo for the app's run: every change's inverse, kept in memory.

Undo is just another change through :meth:`Library.apply` (so sync records it like any
other); what it restores is exact — play counts, first and last watch times, a status, a read
mark. The history lives only as long as the app: a restart starts with none (README says so).
"Now" (when a mark or a status is recorded) comes from the ``clock`` the app runs on, for the
change and for its undo and redo alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from msgspec.structs import replace

from fancompanion.core.commands import Change, Result
from fancompanion.core.library import Library
from fancompanion.core.timeutil import now_iso


@dataclass(frozen=True, slots=True)
class _Step:
    message: str  # what the original change did, e.g. "Marked S01E03 watched"
    title: str  # what it was about, e.g. "Jessica Jones"
    undo: Change
    redo: Change


class UndoHistory:
    def __init__(
        self, library: Library, limit: int = 100, clock: Callable[[], str] = now_iso
    ) -> None:
        self.library = library
        self.limit = limit
        self.clock = clock
        self._done: list[_Step] = []
        self._undone: list[_Step] = []

    def apply(self, change: Change, title: str = "") -> Result:
        """Carry out a change and remember how to undo it (a new change clears redo).
        ``title`` names what the change is about; undo and redo name it again."""
        result = replace(self.library.apply(change, self.clock()), title=title)
        if result.changed and result.inverse is not None:
            self._done.append(_Step(result.message, title, result.inverse, change))
            del self._done[: -self.limit]
            self._undone.clear()
        return result

    def undo(self) -> Result | None:
        """Undo the last change; None when there is nothing to undo."""
        if not self._done:
            return None
        step = self._done.pop()
        result = self.library.apply(step.undo, self.clock())
        redo = result.inverse if result.inverse is not None else step.redo
        self._undone.append(_Step(step.message, step.title, step.undo, redo))
        return _say(result, f"Undone: {step.message}", step.title)

    def redo(self) -> Result | None:
        """Redo the last undone change; None when there is nothing to redo."""
        if not self._undone:
            return None
        step = self._undone.pop()
        result = self.library.apply(step.redo, self.clock())
        undo = result.inverse if result.inverse is not None else step.undo
        self._done.append(_Step(step.message, step.title, undo, step.redo))
        return _say(result, f"Redone: {step.message}", step.title)


def _say(result: Result, message: str, title: str) -> Result:
    if not result.changed:
        message = f"{message} (nothing had to change)"
    return replace(result, message=message, title=title)
