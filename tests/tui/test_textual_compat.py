"""The private Textual names in ``fancompanion/tui/compat.py`` still mean what we rely on.

When a Textual upgrade renames or changes one of them, the test here naming it fails, instead
of a screen quietly going slow or a test reading nothing.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import ProgressBar, Static, Tree

from fancompanion.tui import compat


class _TreeApp(App[None]):
    def compose(self) -> ComposeResult:
        yield compat.BatchTree[str]("root", id="tree")
        yield ProgressBar(total=1, show_eta=False, id="bar")
        yield Static("compat frame text", id="text")


def _count_invalidations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = Tree._invalidate  # the private name BatchTree overrides

    def counting(self: Tree[Any]) -> None:
        calls.append(1)
        real(self)

    monkeypatch.setattr(Tree, "_invalidate", counting)
    return calls


async def test_tree_resets_per_added_node_and_a_batch_resets_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _count_invalidations(monkeypatch)
    app = _TreeApp()
    async with app.run_test() as pilot:
        tree = app.query_one("#tree", compat.BatchTree)
        await pilot.pause()
        calls.clear()
        for n in range(20):
            tree.root.add_leaf(f"one {n}")
        assert len(calls) >= 20, "Tree no longer calls _invalidate per add: BatchTree is moot"
        calls.clear()
        with tree.adding():
            for n in range(20):
                tree.root.add_leaf(f"batched {n}")
        assert len(calls) == 1
        await pilot.pause()
        assert len(tree.root.children) == 40


async def test_the_bar_inside_progress_bar_takes_a_percentage() -> None:
    app = _TreeApp()
    async with app.run_test() as pilot:
        bar = app.query_one("#bar", ProgressBar)
        bar.update(progress=0.5)
        compat.set_bar_percentage(bar, 0.5)
        await pilot.pause()
        assert bar.query_one(compat.Bar).percentage == pytest.approx(0.5)


async def test_notifications_and_the_rendered_frame_are_readable() -> None:
    app = _TreeApp()
    async with app.run_test() as pilot:
        app.notify("a note for the fan")
        await pilot.pause()
        assert [n.message for n in compat.notifications(app)] == ["a note for the fan"]
        frame = compat.render_screen(app).render_segments(app.console)
        assert "compat frame text" in frame
        seen: list[str] = []
        compat.watch_frames(app, lambda update: seen.append(update.render_segments(app.console)))
        app.query_one("#text", Static).update("changed text")
        await pilot.pause()
        assert any("changed text" in chunk for chunk in seen)
