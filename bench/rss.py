"""A process's own peak resident memory, which cannot be inherited from its parent.

``getrusage(RUSAGE_SELF).ru_maxrss`` is carried across ``fork`` + ``exec`` on Linux, so a
child started by a large harness reports at least the harness's size. ``VmHWM`` in
``/proc/self/status`` is the high-water mark of this process's current address space,
which ``exec`` replaces: it counts only what this program touched.
"""

from __future__ import annotations

from pathlib import Path

STATUS = Path("/proc/self/status")


def peak_rss_kib(status: Path = STATUS) -> int:
    """The peak resident set size of this process since its ``exec``, in KiB."""
    for line in status.read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            value, unit = line.split()[1:3]
            if unit != "kB":
                raise RuntimeError(f"unexpected VmHWM unit in {status}: {unit!r}")
            return int(value)
    raise RuntimeError(f"no VmHWM line in {status} (Linux only)")


if __name__ == "__main__":
    print(peak_rss_kib())
