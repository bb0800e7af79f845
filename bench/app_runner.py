"""Runs in a fresh process: starts an app headless and prints one JSON line of timings.

``python -m bench.app_runner bare`` starts a bare Textual app (one ``Static``);
``python -m bench.app_runner app DATA`` starts FanCompanion exactly as ``fancompanion
--data-dir DATA`` does (the real CLI path: store open, launch, ``App.run``), with ``App.run``
switched to Textual's headless driver. ``filter`` additionally types into the library filter;
``seasons`` opens a show on its Seasons tab. ``floor-filter`` and ``floor-seasons`` time the same
two interactions in a bare Textual app (``bench/floor_app.py``): what Textual alone costs.

A *frame* is a call of ``App._display``: the compositor has rendered the screen's update
(only the final encoding to terminal bytes is skipped headless, for app and baseline alike).
The first frame counts once the shows list is laid out and loaded.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from textual.app import App  # noqa: E402
from textual.pilot import Pilot  # noqa: E402
from textual.widget import Widget  # noqa: E402

from bench.rss import peak_rss_kib  # noqa: E402

SIZE = (120, 40)
LIST_TYPES = ("ShowsList", "FloorList", "OptionList", "DataTable", "ListView")
KEY_TIMEOUT = 2.0
INTERACTIVE = ("filter", "seasons", "floor-filter", "floor-seasons")


def shows_list(app: App[Any]) -> Widget | None:
    """The library's shows list, by type name (the TUI defines it; we do not import it)."""
    for name in LIST_TYPES:
        for widget in app.screen.query(name):
            return widget
    return None


def list_ready(widget: Widget) -> bool:
    if widget.size.height <= 0:
        return False
    loaded = getattr(widget, "loaded", None)
    if isinstance(loaded, bool):
        return loaded
    for attr in ("option_count", "row_count"):
        count = getattr(widget, attr, None)
        if isinstance(count, int):
            return count > 0
    return True


def signature(widget: Widget) -> tuple[object, ...]:
    """What changes when the filter has been applied to the list (cheap: read per frame)."""
    for name in ("filter_text", "query"):  # ShowsList: the query it has applied
        if isinstance(getattr(type(widget), name, None), property):
            return (getattr(widget, name), widget.virtual_size.height)
    return (getattr(widget, "option_count", None), getattr(widget, "row_count", None))


def emit(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload) + "\n")
    sys.stdout.flush()
    if PROFILER is not None:  # BENCH_PROFILE=path: a pyinstrument report of this run
        PROFILER.stop()
        with open(os.environ["BENCH_PROFILE"], "w", encoding="utf-8") as out:
            out.write(
                PROFILER.output_text(
                    unicode=True, show_all=bool(os.environ.get("BENCH_PROFILE_ALL"))
                )
            )


def _profiler() -> Any:
    if not os.environ.get("BENCH_PROFILE"):
        return None
    from pyinstrument import Profiler  # a developer tool, not a dependency

    profiler = Profiler(interval=0.0005)
    profiler.start()
    return profiler


PROFILER = _profiler()


class Probe:
    """Watches frames; reports the first full frame and, when asked, keystroke latencies."""

    def __init__(self, mode: str, keys: str) -> None:
        self.mode = mode
        self.keys = keys
        self.frames: list[float] = []
        self.first: float | None = None
        self.watch: Callable[[], bool] | None = None
        self.changed_at: float | None = None

    def install(self, app: App[Any]) -> None:
        display = app._display

        def wrapped(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            now = time.perf_counter()
            self.frames.append(now)
            if self.first is None and self.is_first(app):
                self.first = now
                if self.mode not in INTERACTIVE:
                    emit({"first_frame_s": now - STARTED, "rss_kib": peak_rss_kib()})
                    os._exit(0)
            if self.watch is not None and self.changed_at is None and self.watch():
                self.changed_at = now

        app._display = wrapped  # type: ignore[method-assign]

    def is_first(self, app: App[Any]) -> bool:
        if self.mode == "bare":
            return bool(app.screen.query("Static"))
        widget = shows_list(app)
        return widget is not None and list_ready(widget)

    async def pilot(self, pilot: Pilot[Any]) -> None:
        if self.mode not in INTERACTIVE:
            return
        app = pilot.app
        while self.first is None:
            await asyncio.sleep(0.005)
        if self.mode.endswith("seasons"):
            await self.open_seasons(pilot, self.keys)
            return
        widget = shows_list(app)
        assert widget is not None
        await pilot.press("slash")
        await pilot.pause()
        latencies: list[float | None] = []
        for char in self.keys:
            before = signature(widget)
            self.changed_at = None
            self.watch = lambda: signature(widget) != before  # noqa: B023
            await pilot.pause(0.05)  # let the previous key settle completely
            start = time.perf_counter()
            await pilot._app._press_keys([char])
            deadline = start + KEY_TIMEOUT
            while self.changed_at is None and time.perf_counter() < deadline:
                await asyncio.sleep(0.001)
            latencies.append(None if self.changed_at is None else self.changed_at - start)
            self.watch = None
        emit(
            {
                "first_frame_s": (self.first or 0.0) - STARTED,
                "rss_kib": peak_rss_kib(),
                "key_latencies_s": latencies,
                "final_signature": repr(signature(widget)),
            }
        )
        os._exit(0)

    async def open_seasons(self, pilot: Pilot[Any], show_id: str) -> None:
        """Time ``App.open_show(id, "seasons")`` to the frame with that show's seasons tree."""
        app = pilot.app
        await pilot.pause(0.3)  # the first show's pane has loaded; the app is idle

        def seasons_shown() -> bool:
            view = getattr(app.screen, "view", None)
            if view is None or getattr(view, "id", None) != show_id:
                return False
            for tree in app.screen.query("#seasons-tree"):
                root = getattr(tree, "root", None)
                return tree.size.height > 0 and bool(root is not None and root.children)
            return False

        self.changed_at = None
        self.watch = seasons_shown
        start = time.perf_counter()
        app.open_show(show_id, "seasons")  # type: ignore[attr-defined]
        deadline = start + 10 * KEY_TIMEOUT
        while self.changed_at is None and time.perf_counter() < deadline:
            await asyncio.sleep(0.001)
        seconds = None if self.changed_at is None else self.changed_at - start
        emit({"first_frame_s": (self.first or 0.0) - STARTED, "open_seasons_s": seconds})
        os._exit(0)


def main(argv: list[str]) -> int:
    mode = argv[0]
    data = argv[1] if len(argv) > 1 else ""
    keys = argv[2] if len(argv) > 2 else ""
    probe = Probe(mode, keys)
    run = App.run

    def headless_run(self: App[Any], **_: Any) -> Any:
        probe.install(self)
        return run(self, headless=True, size=SIZE, auto_pilot=probe.pilot)

    App.run = headless_run  # type: ignore[method-assign]
    if mode == "bare":
        from textual.widgets import Static

        class Bare(App[None]):
            def compose(self) -> Any:
                yield Static("FanCompanion")

        Bare().run()
        return 1
    if mode.startswith("floor-"):
        from bench.floor_app import floor_app
        from fancompanion.core.store import Store

        names = [summary.name for summary in Store(Path(data)).catalog.index().shows]
        floor_app(names, keys if mode == "floor-filter" else "").run()
        return 1
    from fancompanion.__main__ import main as fancompanion

    return fancompanion(["--data-dir", data])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
