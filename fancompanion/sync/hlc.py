"""A hybrid logical clock (Kulkarni et al., 2014): wall time that never runs backwards and
always moves past every stamp it has seen, so a write made after seeing another one wins
against it even when this machine's clock is behind, and a machine whose clock is ahead wins
only against writes made before anyone saw its stamps (not forever).

A stamp is a string that sorts in clock order: ``<ms since 1970, 13 digits>-<counter, 6 hex>-
<device id>``; the device id breaks ties between two devices in the same millisecond.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass(frozen=True, slots=True)
class Stamp:
    ms: int
    counter: int
    device: str

    def text(self) -> str:
        return f"{self.ms:013d}-{self.counter:06x}-{self.device}"

    @classmethod
    def parse(cls, text: object) -> Stamp | None:
        if not isinstance(text, str):
            return None
        parts = text.split("-", 2)
        if len(parts) != 3 or len(parts[0]) != 13 or not parts[0].isdigit():
            return None
        try:
            return cls(int(parts[0]), int(parts[1], 16), parts[2])
        except ValueError:
            return None


class Clock:
    """One device's hybrid logical clock. ``last`` is the newest stamp issued or seen."""

    def __init__(self, device: str, last: str = "", wall: Callable[[], int] = wall_ms) -> None:
        self.device = device
        self.wall = wall
        parsed = Stamp.parse(last)
        self.ms = parsed.ms if parsed else 0
        self.counter = parsed.counter if parsed else 0

    def now(self, physical_ms: int | None = None) -> str:
        """A new stamp after everything this clock has issued or seen.

        ``physical_ms`` replaces the wall clock when the change happened earlier (a status set
        while the app was closed records its own time); the stamp still follows every stamp
        seen before it.
        """
        pt = self.wall() if physical_ms is None else min(physical_ms, self.wall())
        if pt > self.ms:
            self.ms, self.counter = pt, 0
        else:
            self.counter += 1
        return Stamp(self.ms, self.counter, self.device).text()

    def observe(self, stamp: str) -> None:
        """Move past a stamp read from another device."""
        parsed = Stamp.parse(stamp)
        if parsed is None:
            return
        if (parsed.ms, parsed.counter) > (self.ms, self.counter):
            self.ms, self.counter = parsed.ms, parsed.counter

    @property
    def last(self) -> str:
        return Stamp(self.ms, self.counter, self.device).text()
