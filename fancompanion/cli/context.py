"""What every command gets: parsed options, the store opened (and seeded) on first use."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from fancompanion.core.text import strip_controls
from fancompanion.paths import bundle_dir, data_dir

if TYPE_CHECKING:  # imported where used: a command loads only what it needs
    from fancompanion.core.commands import Change, Result
    from fancompanion.core.library import Library
    from fancompanion.core.store import Store


def positive(value: str) -> int:
    """An argparse type: a whole number of at least 1 (``--limit 0`` is a mistake, not "all")."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


class CommandError(Exception):
    """A user-facing failure: printed as one line, exit status 1."""


class Context:
    def __init__(
        self, args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
    ) -> None:
        self.args = args
        self.out = sys.stdout if out is None else out
        self.err = sys.stderr if err is None else err
        self._store: Store | None = None

    @property
    def data_dir(self) -> Path:
        return data_dir(getattr(self.args, "data_dir", None))

    @property
    def store(self) -> Store:
        return self.open_store()

    def open_store(self, first: Callable[[Store], object] | None = None) -> Store:
        """The store, opened on first use (``first``: see :func:`open_store`)."""
        if self._store is None:
            from fancompanion.core.opening import open_store

            # A mistyped --data-dir must not look like an empty library: say it is a new one.
            new = bool(getattr(self.args, "data_dir", None)) and not self.data_dir.exists()
            bundle = bundle_dir()
            self._store = open_store(
                self.data_dir, bundle=bundle if bundle.is_dir() else None, first=first
            )
            if new:
                self.warn(f"{self.data_dir} did not exist: created a new library there")
        return self._store

    @property
    def library(self) -> Library:
        from fancompanion.core.library import Library

        return Library(self.store)

    def apply(self, change: Change) -> Result:
        """Carry out a core command (the one entrance for changes; the CLI has no observers to
        tell, so the library's read side is not loaded for it)."""
        from fancompanion.core.commands import apply

        return apply(self.store, change)

    def print(self, *values: Any) -> None:
        """Print to stdout with no escape or control character (the store is untrusted too)."""
        print(strip_controls(" ".join(str(v) for v in values)), file=self.out)

    def warn(self, message: str) -> None:
        print(strip_controls(f"fancompanion: {message}"), file=self.err)
