"""The floor app (bench/floor_app.py) does on screen what the app's two interactive figures time."""

from __future__ import annotations

from textual.widgets import TabbedContent, Tree

from bench.floor_app import EPISODES, SEASONS, floor_app


async def test_typing_shows_the_precomputed_rows_of_each_query() -> None:
    app = floor_app(["Anchor Bay", "Bay Watch", "Other"], "bay")
    async with app.run_test() as pilot:
        await pilot.press("slash", "b", "a")
        await pilot.pause()
        assert app.shows.filter_text == "ba"
        assert app.shows.rows == ["Anchor Bay", "Bay Watch"]
        assert app.shows.cursor == 0


async def test_open_show_switches_to_seasons_and_fills_the_tree() -> None:
    app = floor_app(["Anchor Bay", "Other"], "")
    async with app.run_test() as pilot:
        app.open_show("show-1", "seasons")
        await pilot.pause()
        tree = app.query_one("#seasons-tree", Tree)
        assert app.query_one(TabbedContent).active == "seasons"
        assert len(tree.root.children) == SEASONS
        assert len(tree.root.children[-1].children) == EPISODES
        assert tree.root.children[-1].is_expanded
        assert getattr(getattr(app.screen, "view", None), "id", None) == "show-1"
        assert tree.size.height > 0
