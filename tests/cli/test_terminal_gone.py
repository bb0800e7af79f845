"""Close the terminal under a running app: it ends within 2 s, every mark already on disk.

The app runs on a real pseudo-terminal as the session leader's process would: started
directly, and under ``make run`` (make is then the session leader; it gets the SIGHUP, passes
nothing on and waits for its child, which is the case that used to spin forever).
"""

from __future__ import annotations

import fcntl
import os
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from fancompanion.core.opening import open_store
from fancompanion.paths import bundle_dir
from tests.trust.helpers import store_problems

ROOT = Path(__file__).resolve().parents[2]
DAREDEVIL = "imdb-tt3322312"  # first in the library list


def _controlling_tty() -> None:  # runs in the child, after setsid
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(p) for p in task.read_text().split()]
    return found


def _read_until(master: int, proc: subprocess.Popen[bytes], seconds: float, done: object) -> bytes:
    seen = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
        if callable(done) and done(seen):
            break
    return seen


@pytest.mark.parametrize("how", ["directly", "make run"])
def test_the_app_ends_when_its_terminal_is_closed(data_dir: Path, how: str) -> None:
    if how == "make run" and (shutil.which("make") is None or not (ROOT / ".venv").is_dir()):
        pytest.skip("make run needs make and the project's .venv")
    store = open_store(data_dir, bundle=bundle_dir())
    env = {**os.environ, "TERM": "xterm-256color", "FANCOMPANION_DATA_DIR": str(data_dir)}
    env.pop("MAKEFLAGS", None)
    env.pop("MFLAGS", None)
    argv = [sys.executable, "-m", "fancompanion"] if how == "directly" else ["make", "-s", "run"]
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    proc = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=ROOT,
        env=env,
        start_new_session=True,
        preexec_fn=_controlling_tty,
    )
    os.close(slave)
    processes = [proc.pid]
    try:
        screen = _read_until(master, proc, 60, lambda seen: b"Jessica" in seen)
        assert b"Jessica" in screen, screen[-2000:]
        deadline = time.monotonic() + 30
        while store.user.statuses().get(DAREDEVIL) is None and time.monotonic() < deadline:
            os.write(master, b"w")  # the fan sets the first show's status: written at once
            _read_until(master, proc, 3, lambda _: store.user.statuses().get(DAREDEVIL))
        status = store.user.statuses().get(DAREDEVIL)
        assert status is not None
        processes += _children(proc.pid)

        os.close(master)  # the terminal window is closed
        closed = time.monotonic()
        while any(_alive(pid) for pid in processes) and time.monotonic() - closed < 10:
            proc.poll()
            time.sleep(0.02)
        took = time.monotonic() - closed
    finally:  # whatever happened, leave nothing running
        for pid in [*processes, *_children(proc.pid)]:
            if _alive(pid):
                os.kill(pid, 9)
        proc.wait(10)

    assert took < 2.0, f"still running {took:.1f} s after the terminal closed"
    assert store_problems(store) == []
    assert store.user.statuses().get(DAREDEVIL) is status
