"""The app ends when its terminal goes away, however it was started.

Closing a terminal window or losing an ssh connection hangs up the terminal. The kernel then
sends SIGHUP to the session leader only: a shell passes it on to its jobs, but ``make run``
(make waits for its child and forwards nothing) or any other parent may not. Meanwhile
Textual's input thread reads end-of-file from the hung-up terminal forever, at a good part of
a CPU. So the app does not rely on the signal alone:

- SIGHUP and SIGTERM ask the app to exit;
- a watcher thread checks a few times a second that the terminal still answers (a hung-up
  terminal fails every ``tcgetattr`` with EIO) and asks the app to exit when it does not;
- if the app has not ended a moment later (its output to the dead terminal can block),
  the process ends at once. Nothing is lost: every change was written to disk when it was made,
  by atomic file replacement.

Only public APIs are used (``App.call_from_thread``/``App.exit``, ``termios``, ``signal``).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import termios
import threading
from collections.abc import Callable
from types import FrameType, TracebackType
from typing import Any, Protocol

CHECK_EVERY = 0.2  # seconds between checks of the terminal
GRACE = 0.8  # seconds the app gets to end on its own once the terminal is gone
EXIT_HANGUP = 128 + signal.SIGHUP


class _Exitable(Protocol):
    def exit(self, *args: Any, **kwargs: Any) -> None: ...

    def call_from_thread(self, callback: Callable[..., Any], *args: Any) -> Any: ...


def terminal_fds() -> list[int]:
    """The descriptors Textual reads and writes that are terminals."""
    fds = []
    for stream in (sys.__stdin__, sys.__stdout__, sys.__stderr__):
        try:
            fd = stream.fileno() if stream is not None else -1
        except (OSError, ValueError):
            continue
        if fd >= 0 and os.isatty(fd) and fd not in fds:
            fds.append(fd)
    return fds


def terminal_gone(fds: list[int]) -> bool:
    """True when one of the terminals no longer answers (hung up, closed, revoked)."""
    for fd in fds:
        try:
            termios.tcgetattr(fd)
        except (termios.error, OSError):
            return True
    return False


class TerminalWatch:
    """While active, the app exits when SIGHUP/SIGTERM arrives or its terminal goes away."""

    def __init__(
        self,
        app: _Exitable,
        *,
        check_every: float = CHECK_EVERY,
        grace: float = GRACE,
        hard_exit: Callable[[int], object] = os._exit,
    ) -> None:
        self.app = app
        self.check_every = check_every
        self.grace = grace
        self.hard_exit = hard_exit
        self.fds = terminal_fds()
        self.reason: str | None = None
        self._stop = threading.Event()
        self._asked = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="terminal-watch", daemon=True)
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> TerminalWatch:
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGHUP, signal.SIGTERM):
                self._previous[signum] = signal.signal(signum, self._on_signal)
        if self.fds or self._previous:
            self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stop.set()
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        # Only note it: the watcher thread does the rest (a signal handler should not).
        self.reason = self.reason or signal.Signals(signum).name
        self._asked.set()

    def _watch(self) -> None:
        while not self._stop.is_set():
            if self._asked.wait(self.check_every):
                break
            if self.fds and terminal_gone(self.fds):
                self.reason = "terminal gone"
                break
        if self._stop.is_set():
            return
        self._end()

    def _end(self) -> None:
        stopper = threading.Timer(self.grace, self._last_resort)
        stopper.daemon = True
        stopper.start()
        with contextlib.suppress(Exception):  # the app may already be on its way out
            self.app.call_from_thread(self.app.exit)

    def _last_resort(self) -> None:
        if not self._stop.is_set():
            self.hard_exit(EXIT_HANGUP)
