"""Store errors: each renders as one line that names the file and says what to do."""

from __future__ import annotations

from pathlib import Path


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
