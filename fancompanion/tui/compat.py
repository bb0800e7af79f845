"""Every use of Textual's private API, in one place, each for a measured or visible reason.

``tests/tui/test_textual_compat.py`` checks each of these against the installed Textual and
fails loudly, naming the private name, when an upgrade changes one. Nothing else in the
project may reach into Textual's underscored names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual._compositor import CompositorUpdate
from textual.app import App
from textual.widgets import ProgressBar, Tree
from textual.widgets._progress_bar import Bar  # the bar inside ProgressBar (not exported)

if TYPE_CHECKING:
    from textual.notifications import Notification

T = TypeVar("T")


class BatchTree(Tree[T]):
    """A ``Tree`` that can take many nodes at once and reset its caches once.

    ``Tree`` resets its line cache and asks for a layout after every single ``add``
    (``Tree._invalidate``); a season of a daily soap is 250 lines, so that was 250 resets
    before one frame (the bench's 10,000-episode Seasons tab).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._adding = 0

    @contextmanager
    def adding(self) -> Iterator[None]:
        self._adding += 1
        try:
            yield
        finally:
            self._adding -= 1
            self._invalidate()

    def _invalidate(self) -> None:
        if not self._adding:
            super()._invalidate()

    def build_lines(self) -> None:
        """Work out every node's line now (``Tree`` does it on its next idle or draw; a node
        just added or opened has no line until then, and ``move_cursor`` would miss it)."""
        self._tree_lines  # noqa: B018 (the property builds the lines)


def set_bar_percentage(bar: ProgressBar, percentage: float | None) -> None:
    """Set the drawn bar inside ``bar`` now (``ProgressBar`` exports no way to reach it)."""
    bar.query_one(Bar).percentage = percentage


def watch_frames(app: App[Any], seen: Callable[[CompositorUpdate], None]) -> None:
    """Call ``seen`` with every full or partial frame the app sends to its driver."""
    display = app._display

    def wrapped(screen: Any, renderable: Any) -> None:
        if isinstance(renderable, CompositorUpdate):
            seen(renderable)
        display(screen, renderable)

    app._display = wrapped  # type: ignore[method-assign]


def notifications(app: App[Any]) -> list[Notification]:
    """The notifications on screen now (tests read what a fan would read)."""
    return list(app._notifications)


def render_screen(app: App[Any]) -> CompositorUpdate:
    """The current screen's whole frame as the compositor would send it (tests read it)."""
    return cast(CompositorUpdate, app.screen._compositor.render_update(full=True))


__all__ = [
    "Bar",
    "BatchTree",
    "CompositorUpdate",
    "notifications",
    "render_screen",
    "set_bar_percentage",
]
