"""Store errors: each renders as one line that names the file and says what to do."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


class StoreError(Exception):
    """Base class; ``str(error)`` is the one-line message shown to the user."""


class CorruptFileError(StoreError):
    def __init__(self, path: Path, reason: str, kept: Path | None = None) -> None:
        self.path = path
        self.reason = reason
        self.kept = kept
        copy = f" (a copy is kept as {kept.name})" if kept else ""
        super().__init__(
            f"{path} is damaged: {reason}{copy}. "
            "Run `fancompanion doctor --repair` to restore it from the last good backup."
        )


class UnsupportedSchemaError(StoreError):
    def __init__(self, path: Path, found: object, known: int) -> None:
        self.path = path
        self.found = found
        super().__init__(
            f"{path} has store schema version {found!r}, but this FanCompanion knows only "
            f"versions up to {known}. Upgrade FanCompanion; the file was left untouched."
        )


class StoreLockedError(StoreError):
    def __init__(self, path: Path, seconds: float) -> None:
        super().__init__(
            f"the store at {path.parent} stayed locked by another process for {seconds:.0f} s; "
            "try again when it has finished"
        )


class StoreWriteError(StoreError):
    def __init__(self, path: Path, error: OSError) -> None:
        reason = error.strerror or str(error)
        super().__init__(f"cannot write {path}: {reason}; nothing was changed")


def each_readable(
    items: Iterable[T], read: Callable[[T], R], problems: list[str] | None
) -> Iterator[tuple[T, R]]:
    """``(item, read(item))`` for each item, the one rule for a damaged file among many (a
    show's marks, a show's record): with ``problems``, an item whose read raises
    :class:`StoreError` is left out and the error's one line (the file and its repair) added
    there, so the rest is still listed; without, the error is raised."""
    for item in items:
        try:
            value = read(item)
        except StoreError as error:
            if problems is None:
                raise
            problems.append(str(error))
            continue
        yield item, value
