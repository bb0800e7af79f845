"""Removing a show from the library keeps its history: saved first, then removed.

The saved file is our own export format (``docs/export-schema.md``) holding just that show, so
``fancompanion import FILE`` brings its marks and status back once the show is in the library
again (``fancompanion add``). The TUI and the CLI both remove through :func:`remove_show`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from fancompanion.core import ids
from fancompanion.core.commands import RemoveShow, Result
from fancompanion.core.library import Library
from fancompanion.core.store.backup import backups_dir
from fancompanion.core.timeutil import now_iso
from fancompanion.exchange.export import collect, write_json


@dataclass(frozen=True, slots=True)
class Removal:
    result: Result
    saved: Path | None  # the show's history, or None when it had none

    @property
    def message(self) -> str:
        if self.saved is None or self.result.refused:
            return self.result.message
        return f"{self.result.message}; its history is saved in {self.saved}"


def remove_show(library: Library, show_id: str, now: str | None = None) -> Removal:
    """Save the show's marks and status to ``<data>/user/backups/removed/``, then remove it."""
    when = now or now_iso()
    history = collect(library.store, when)
    mine = tuple(s for s in history.shows if s.identity.id == show_id)
    saved: Path | None = None
    if mine:
        only = dataclasses.replace(history, shows=mine, read=(), feeds=(), settings={})
        stamp = when.replace("-", "").replace(":", "")
        name = f"{ids.safe_filename(show_id)}-{stamp}.json"
        saved = write_json(only, backups_dir(library.store.user) / "removed" / name)
    return Removal(library.apply(RemoveShow(show_id), when), saved)
