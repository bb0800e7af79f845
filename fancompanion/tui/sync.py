"""Sync in the app: on start, a few seconds after the fan changes something, and on quit.

Every sync runs in a thread worker (never on the event loop); a merge that brought changes
from another device rereads the screens and says so in a notification. A failure reaches the
app's one worker-failure handler as one line. Nothing happens when no sync folder is set.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any

from fancompanion.sync import config_path
from fancompanion.tui.safe import line
from fancompanion.tui.workers import run_in_thread

if TYPE_CHECKING:
    from fancompanion.core.commands import Result
    from fancompanion.sync.engine import Outcome, Sync
    from fancompanion.tui.app import FanCompanionApp

QUIET = 3.0  # seconds without a change before changes are synced


class AppSync:
    def __init__(self, app: FanCompanionApp) -> None:
        self.app = app
        self.sync: Sync | None = None
        self._changed_at: float | None = None
        self._running = threading.Lock()

    def start(self) -> None:
        run_in_thread(self.app, self._first, group="sync", description="Sync", exclusive=False)

    def _first(self) -> None:
        if not config_path(self.app.library.store.root).exists():
            return  # never set up here: not even the engine is loaded (it competes with start-up)
        from fancompanion.sync.engine import Sync

        sync = Sync(self.app.library)
        if sync.config() is None:
            return
        self.sync = sync
        self.app.library.observers.append(self._changed)
        self.app.call_from_thread(self.app.set_interval, 1.0, self._tick)
        self._run()

    def _changed(self, result: Result) -> None:
        """An observer of every applied change (from any thread): sync a little later."""
        if self.sync is not None and not self.sync.applying:
            self._changed_at = time.monotonic()

    def _tick(self) -> None:
        changed = self._changed_at
        if changed is None or time.monotonic() - changed < QUIET or self._running.locked():
            return
        run_in_thread(self.app, self._run, group="sync", description="Sync", exclusive=False)

    def _run(self) -> None:
        if self.sync is None or not self._running.acquire(blocking=False):
            return
        try:
            started = time.monotonic()
            outcome = self.sync.run()
            if self._changed_at is not None and self._changed_at <= started:
                self._changed_at = None
        finally:
            self._running.release()
        self.app.call_from_thread(self._done, outcome)

    def _done(self, outcome: Outcome) -> None:
        if outcome.changed:
            self.app.notify_library_changed()
            # device and show names come from other machines' files: one plain line each
            lines = [line(outcome.line())]
            if outcome.pending:
                names = ", ".join(outcome.pending[:3])
                lines.append(line(f"Pending until the next refresh (r): {names}"))
            self.app.notify("\n".join(lines), title="Sync", markup=False)
        for problem in [*outcome.notes, *outcome.problems][:2]:
            self.app.notify(line(problem), title="Sync", severity="warning", markup=False)

    def on_quit(self) -> str | None:
        """The last sync, after the app has closed (called by the launcher); a problem as one
        line for the terminal."""
        if self.sync is None:
            return None
        from fancompanion.core.library import StoreError
        from fancompanion.sync.engine import SyncError

        try:
            with self._running:
                outcome: Any = self.sync.run()
        except (SyncError, StoreError) as error:
            return f"sync: {error}"
        return f"sync: {outcome.problems[0]}" if outcome.problems else None
