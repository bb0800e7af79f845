"""The store's write lock: one writer at a time across processes and threads, re-entrant
within a thread, a clear error when another holder does not let go, and no lock left behind."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from fancompanion.core.store import Store
from fancompanion.core.store.errors import StoreLockedError, StoreWriteError
from fancompanion.core.store.files import StoreLock

HOLDER = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
sys.stdin.readline()
"""

TAKER = """
import sys
from pathlib import Path
from fancompanion.core.store.files import StoreLock
from fancompanion.core.store.errors import StoreLockedError
try:
    with StoreLock(Path(sys.argv[1]), timeout=0.3).held():
        print("taken")
except StoreLockedError:
    print("locked")
"""


def _other_process_takes(path: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", TAKER, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.strip()


def test_another_process_holding_the_lock_is_a_clear_error_after_the_timeout(
    tmp_path: Path,
) -> None:
    path = tmp_path / "user" / ".lock"
    path.parent.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        refused = pytest.raises(StoreLockedError, match="stayed locked by another process")
        with refused, StoreLock(path, timeout=0.3).held():
            pass
        assert time.monotonic() - started >= 0.3
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)
    with StoreLock(path, timeout=0.3).held():  # the holder is gone: free again
        pass


def test_nested_holds_keep_it_until_the_outer_one_ends(tmp_path: Path) -> None:
    lock = StoreLock(tmp_path / ".lock")
    with lock.held():
        with lock.held():  # an edit inside an edit (put_shows, doctor) does not wait on itself
            assert _other_process_takes(lock.path) == "locked"
        assert _other_process_takes(lock.path) == "locked"  # the outer hold still stands
    assert _other_process_takes(lock.path) == "taken"


def test_two_threads_of_one_process_take_turns(tmp_path: Path) -> None:
    lock = StoreLock(tmp_path / ".lock")
    events: list[str] = []
    inside = threading.Event()

    def second() -> None:
        inside.wait(10)
        with lock.held():
            events.append("second in")

    worker = threading.Thread(target=second)
    worker.start()
    with lock.held():
        inside.set()
        time.sleep(0.3)  # the other thread is waiting now; it must not get in
        events.append("first out")
    worker.join(10)
    assert events == ["first out", "second in"]


def test_a_data_dir_that_cannot_be_written_is_a_write_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    refused = pytest.raises(StoreWriteError, match="nothing was changed")
    with refused, StoreLock(blocker / "user" / ".lock").held():
        pass


def test_writes_under_the_lock_still_work_after_an_error_inside(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    with pytest.raises(RuntimeError), store.user.lock.held():
        raise RuntimeError("a failing edit")
    store.user.set_setting("after", 1)  # the failed holder let go
    assert store.user.settings()["after"] == 1
    assert _other_process_takes(store.user.lock.path) == "taken"
