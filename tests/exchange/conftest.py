"""The fetch tests' loopback TVmaze server, reused for imports; no test reaches the internet."""

from __future__ import annotations

import pytest

from tests.fetch.conftest import server, sleeps, tvmaze

__all__ = ["server", "sleeps", "tvmaze"]


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch, sleeps: list[float]) -> None:
    """Unless a test starts a loopback TVmaze, TVmaze is a closed port (an offline machine)."""
    monkeypatch.setenv("FANCOMPANION_TVMAZE_URL", "http://127.0.0.1:9")
