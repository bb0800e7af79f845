"""How a refresh reports what it is doing and what it did, without knowing who is watching."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Step:
    """One progress report: ``stage`` is "shows" or "news"; ``done`` of ``total`` finished."""

    stage: str
    label: str
    done: int
    total: int


ProgressCallback = Callable[[Step], None]


def no_progress(step: Step) -> None:
    """The callback for callers that do not show progress."""


@dataclass(slots=True)
class RefreshReport:
    """What a refresh (or an add) did; ``errors`` are one line each."""

    shows_updated: int = 0
    news_added: int = 0
    feeds_checked: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # skipped records and other non-failures
    cancelled: bool = False
    offline: bool = False  # nothing could be reached: nothing was fetched or written

    @property
    def ok(self) -> bool:
        return not self.errors and not self.cancelled

    def line(self) -> str:
        errors = len(self.errors)
        parts = [
            _count(self.shows_updated, "show updated", "shows updated"),
            _count(self.news_added, "new news item", "new news items"),
            _count(errors, "error", "errors"),
        ]
        text = ", ".join(parts)
        return f"{text} (cancelled)" if self.cancelled else text


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
