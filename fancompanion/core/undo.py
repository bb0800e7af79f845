"""Undo and redo for the app's run: every change's inverse, kept in memory.

Undo is just another change through :meth:`Library.apply` (so sync records it like any
other); what it restores is exact — play counts, first and last watch times, a status, a read
mark. The history lives only as long as the app: a restart starts with none (README says so).
"""

from __future__ import annotations

from dataclasses import dataclass

from fancompanion.core.commands import Change, Result
from fancompanion.core.library import Library


@dataclass(frozen=True, slots=True)
class _Step:
    message: str  # what the original change did, e.g. "Marked S01E03 watched"
    undo: Change
    redo: Change


class UndoHistory:
    def __init__(self, library: Library, limit: int = 100) -> None:
        self.library = library
        self.limit = limit
        self._done: list[_Step] = []
        self._undone: list[_Step] = []

    def apply(self, change: Change) -> Result:
        """Carry out a change and remember how to undo it (a new change clears redo)."""
        result = self.library.apply(change)
        if result.changed and result.inverse is not None:
            self._done.append(_Step(result.message, result.inverse, change))
            del self._done[: -self.limit]
            self._undone.clear()
        return result

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo(self) -> Result | None:
        """Undo the last change; None when there is nothing to undo."""
        if not self._done:
            return None
        step = self._done.pop()
        result = self.library.apply(step.undo)
        redo = result.inverse if result.inverse is not None else step.redo
        self._undone.append(_Step(step.message, step.undo, redo))
        return _say(result, f"Undone: {step.message}")

    def redo(self) -> Result | None:
        """Redo the last undone change; None when there is nothing to redo."""
        if not self._undone:
            return None
        step = self._undone.pop()
        result = self.library.apply(step.redo)
        undo = result.inverse if result.inverse is not None else step.undo
        self._done.append(_Step(step.message, undo, step.redo))
        return _say(result, f"Redone: {step.message}")


def _say(result: Result, message: str) -> Result:
    if not result.changed:
        message = f"{message} (nothing had to change)"
    return Result(
        result.change,
        message,
        result.changed,
        result.inverse,
        result.refused,
        result.before,
        result.after,
    )
