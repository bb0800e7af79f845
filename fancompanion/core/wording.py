"""Words for counts: ``1 episode``, ``2 episodes`` — one rule for every screen and command."""

from __future__ import annotations

_IRREGULAR = {"rewatch": "rewatches", "person": "people", "series": "series"}


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``count`` and ``noun``, the noun in the plural unless the count is exactly one."""
    if count == 1:
        return f"1 {noun}"
    return f"{count} {many or _IRREGULAR.get(noun) or noun + 's'}"


def times(count: int) -> str:
    """``once``, ``twice``, ``3 times``."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")
