"""TUI test settings: no blinking cursors (screens settle and snapshots repeat)."""

from __future__ import annotations

import pytest
from textual.widgets import Input


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking input cursor changes the screen between two looks at it."""
    monkeypatch.setattr(Input, "cursor_blink", False)
