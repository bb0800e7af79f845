"""TUI test settings: no blinking cursors, no animations (screens settle, snapshots repeat)."""

from __future__ import annotations

import pytest
from textual import constants
from textual.widgets import Input


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking input cursor changes the screen between two looks at it."""
    monkeypatch.setattr(Input, "cursor_blink", False)


@pytest.fixture(autouse=True)
def no_animations(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tabs' underline slides to the active tab: a snapshot could catch it mid-way."""
    monkeypatch.setattr(constants, "TEXTUAL_ANIMATIONS", "none")


# The scripted TVmaze server of the fetch tests, for adding a show from the app.
from tests.fetch.conftest import server, sleeps, tvmaze  # noqa: E402, F401
