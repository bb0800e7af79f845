"""Two real processes at once: the app's core marking and syncing in one, the CLI syncing the
same data dir and another device's in the other. Nothing is lost, both devices converge."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.sync.devices import Device

MARKS = 24

CORE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from fancompanion.core.commands import Rewatch, Watch
    from fancompanion.core.library import Library
    from fancompanion.core.models import Episode
    from fancompanion.core.opening import open_store
    from fancompanion.sync.engine import Sync

    library = Library(open_store(Path(sys.argv[1])))
    sync = Sync(library)
    for n in range(int(sys.argv[2])):
        episode = Episode("tvmaze-1", 1, 1 + n % 8, "", None, "2020-01-01")
        at = f"2024-01-01T10:{n:02d}:00Z"
        change = Watch("tvmaze-1", (episode,), at) if n < 8 else Rewatch("tvmaze-1", episode, at)
        assert library.apply(change).changed == 1
        if n % 3 == 0:
            sync.run()
    print("done", flush=True)
    """
)


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fancompanion", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_core_and_the_cli_sync_while_marking(tmp_path: Path) -> None:
    folder = tmp_path / "Sync"
    laptop = Device(tmp_path / "laptop", folder, "laptop")
    desktop = Device(tmp_path / "desktop", folder, "desktop")
    for number in range(1, 4):
        desktop.watch("tvmaze-2", number, f"2024-02-0{number}T10:00:00Z")
    core = subprocess.Popen(
        [sys.executable, "-c", CORE, str(tmp_path / "laptop"), str(MARKS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    results: list[subprocess.CompletedProcess[str]] = []
    while core.poll() is None or len(results) < 4:
        for data in (tmp_path / "laptop", tmp_path / "desktop"):
            results.append(_cli(data, "sync"))  # the same device as the core, and the other
    out, err = core.communicate(timeout=120)
    assert core.returncode == 0, err
    assert out.strip() == "done"
    for done in results:
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
    for device in (laptop, desktop, laptop):
        device.run()
    assert laptop.plays() == desktop.plays()
    plays = laptop.plays()
    assert sum(count for count, _, _ in plays.values()) == MARKS + 3
    assert plays[("tvmaze-1", "S1E1")] == (3, "2024-01-01T10:00:00Z", "2024-01-01T10:16:00Z")
    status = _cli(tmp_path / "laptop", "sync", "status")
    assert "desktop" in status.stdout
    assert "Nothing waiting" in status.stdout
