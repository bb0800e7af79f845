"""The one way a store file is written (atomic, durable) and the cross-process lock.

A write goes to a temporary file in the same directory, is flushed and fsynced, then
``os.replace``-d over the old file and the directory is fsynced: a crash at any moment leaves
the old or the new file, never half of one. Readers need no lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from fancompanion.core.store.errors import CorruptFileError, StoreLockedError, StoreWriteError

LOCK_TIMEOUT = 30.0


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file."""
    tmp_name: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_dir(path.parent)
    except OSError as error:
        raise StoreWriteError(path, error) from error
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a directory
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def dumps(data: Any) -> bytes:
    return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)


def read_bytes(path: Path) -> bytes | None:
    """A store file's bytes; None when it does not exist; CorruptFileError when it cannot be
    read or is empty (an empty file is kept aside, as every damaged file is)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise CorruptFileError(path, f"cannot be read ({error.strerror})") from error
    if not raw.strip():
        raise CorruptFileError(path, "the file is empty", keep_copy(path))
    return raw


def read_json(path: Path) -> Any | None:
    """Parse a JSON file; None when it does not exist; CorruptFileError when it is not JSON."""
    raw = read_bytes(path)
    if raw is None:
        return None
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise CorruptFileError(path, f"not valid JSON ({error.msg})", keep_copy(path)) from error


def keep_copy(path: Path) -> Path | None:
    """Keep a timestamped copy of a damaged file (once per distinct size)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    for existing in path.parent.glob(f"{path.name}.corrupt-*"):
        with contextlib.suppress(OSError):
            if existing.stat().st_size == len(raw) and existing.read_bytes() == raw:
                return existing
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    copy = path.with_name(f"{path.name}.corrupt-{stamp}")
    count = 1
    while copy.exists():  # another damaged version within the same second: keep both
        count += 1
        copy = path.with_name(f"{path.name}.corrupt-{stamp}-{count}")
    try:
        atomic_write(copy, raw)
    except StoreWriteError:
        return None
    return copy


class StoreLock:
    """A re-entrant, cross-process lock on one area of the store (``catalog`` or ``user``).

    ``flock`` on the area's ``.lock`` file (POSIX, like the terminal handling). Each thread
    holds it through its own descriptor, so two threads of one process exclude each other as
    two processes do; a thread that holds it may take it again (nested edits). The kernel lets
    go of a crashed holder's lock. Waits up to ``timeout`` seconds, then StoreLockedError.
    """

    POLL = 0.05

    def __init__(self, path: Path, timeout: float = LOCK_TIMEOUT) -> None:
        self.path = path
        self.timeout = timeout
        self._mine = threading.local()  # this thread's descriptor and how deep it holds

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        depth: int = getattr(self._mine, "depth", 0)
        if depth == 0:
            self._mine.fd = self._acquire()
        self._mine.depth = depth + 1
        try:
            yield
        finally:
            self._mine.depth -= 1
            if self._mine.depth == 0:
                fd, self._mine.fd = self._mine.fd, None
                try:
                    fcntl.flock(fd, fcntl.LOCK_UN)
                finally:
                    os.close(fd)

    def _acquire(self) -> int:
        try:  # a read-only or full data dir: say so, change nothing
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise StoreWriteError(self.path, error) from error
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreLockedError(self.path, self.timeout) from None
                time.sleep(self.POLL)
            except OSError as error:
                os.close(fd)
                raise StoreWriteError(self.path, error) from error
