"""The result table (figure, measured, target, ratio, met) and the results JSON."""

from __future__ import annotations

import json
import platform
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


@dataclass(slots=True)
class Figure:
    """One row. ``ratio`` is against the same-run baseline, or measured/target without one.

    ``met`` is None when the figure could not be measured (``note`` says why).
    """

    name: str
    measured: str
    target: str
    ratio: float | None
    met: bool | None
    note: str = ""
    data: dict[str, Any] = field(default_factory=dict)


def machine() -> dict[str, Any]:
    import os

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "load_avg_1m": round(load[0], 2),
    }


def table(figures: list[Figure]) -> str:
    header = ("figure", "measured", "target", "ratio", "met")
    rows = [
        (
            f.name,
            f.measured,
            f.target,
            "" if f.ratio is None else f"{f.ratio:.2f}",
            "n/a" if f.met is None else ("yes" if f.met else "NO"),
        )
        for f in figures
    ]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    notes = [f"- {f.name}: {f.note}" for f in figures if f.note]
    if notes:
        lines += ["", "notes:", *notes]
    met = sum(1 for f in figures if f.met)
    lines += ["", f"targets met: {met}/{len(figures)}"]
    return "\n".join(lines)


def save(path: Path, figures: list[Figure], meta: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "when": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": machine(),
        **meta,
        "figures": [asdict(f) for f in figures],
        "targets_met": sum(1 for f in figures if f.met),
        "targets": len(figures),
    }
    path.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
