"""The floor: the bench's two interactive figures done by a bare Textual app, no FanCompanion code.

``python -m bench.app_runner floor-filter DATA KEYS`` and ``floor-seasons DATA ID`` run these
apps under the very probe that times FanCompanion (``bench/app_runner.py``), so the figures
compare one to one. Each app does the least the interaction needs on screen, with its answers
worked out before it starts:

- filter: a line-API list of the store's 10,000 show names beside a compact ``Input``; each key
  swaps in the precomputed rows for the query (no search at all), puts the cursor on the first
  row and scrolls there: the box, the list and its scrollbar repaint, no layout.
- seasons: the same list beside a ``TabbedContent`` (Overview, Seasons); ``open_show`` moves the
  list's cursor, switches to Seasons and fills its ``Tree`` with 40 season lines, one of them
  opened on its 250 episodes (what the app shows for the 10,000-episode show), nothing read.

What the app spends above these figures is its own work (reading the show, progress, labels,
grouping, scoring); the floor is what Textual itself costs for the frame on this machine.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input, Static, TabbedContent, TabPane, Tree

SEASONS = 40
EPISODES = 250


class FloorList(ScrollView, can_focus=True):
    """Rows of text, one per line, drawn only where on screen; a cursor row."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"floor--cursor"}
    DEFAULT_CSS = """
    FloorList { width: 36; background: $surface; scrollbar-size-vertical: 1; }
    FloorList > .floor--cursor { background: $block-cursor-background; }
    """

    def __init__(self, rows: list[str]) -> None:
        super().__init__(id="shows")
        self.rows = rows
        self.query_text = ""
        self.cursor = 0
        self.loaded = True

    @property
    def filter_text(self) -> str:  # what the probe reads to see the filter applied
        return self.query_text

    def on_mount(self) -> None:
        self.virtual_size = Size(0, len(self.rows))

    def show(self, rows: list[str], query: str) -> None:
        """The rows of a query: only a repaint (the scroll range stays the library's length,
        which spares the layout the app's list also avoids while its scrollbar stays)."""
        self.rows, self.query_text, self.cursor = rows, query, 0
        self.scroll_to(y=0, animate=False, immediate=True, force=True)
        self.refresh()

    def move_to(self, index: int) -> None:
        self.cursor = index
        self.scroll_to(y=max(0, index - 1), animate=False, immediate=True, force=True)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index = y + round(self.scroll_offset.y)
        width = self.scrollable_content_region.width
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        style = self.rich_style
        if index == self.cursor:
            style += self.get_component_rich_style("floor--cursor")
        return Strip([Segment(f"  {self.rows[index]}"[:width].ljust(width), style)], width)


class FloorScreen(Screen[None]):
    view: Any = None  # what the probe reads: the show on screen (an object with an ``id``)


class FloorInput(Input):
    def watch_value(self, value: str) -> None:  # in the key's own frame, as the app's box
        app = self.app
        assert isinstance(app, FloorApp)
        key = value.strip().casefold()
        app.shows.show(app.answers.get(key, app.names), key)


class FloorApp(App[None]):
    CSS = """
    FloorInput { width: 36; }
    TabbedContent { height: 1fr; }
    """
    AUTO_FOCUS = "#shows"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("slash", "filter", "Filter")]

    def __init__(self, names: list[str], answers: dict[str, list[str]]) -> None:
        super().__init__()
        self.names = names
        self.answers = answers
        self.shows = FloorList(names)

    def get_default_screen(self) -> FloorScreen:
        return FloorScreen()

    def compose(self) -> ComposeResult:
        with Horizontal():
            with Vertical(classes="side"):
                yield FloorInput(placeholder="/ to filter", compact=True)
                yield self.shows
            with TabbedContent(initial="overview"):
                with TabPane("1 Overview", id="overview"):
                    yield Static("A show", id="overview-text")
                with TabPane("2 Seasons", id="seasons"):
                    tree: Tree[None] = Tree("Seasons", id="seasons-tree")
                    tree.show_root = False
                    yield tree

    def action_filter(self) -> None:
        self.query_one(FloorInput).focus()

    def open_show(self, show_id: str, tab: str) -> None:
        """What the probe calls: cursor to the show, its tab shown and filled, focus in it."""
        self.shows.move_to(len(self.names) // 2)
        self.query_one(TabbedContent).active = tab
        tree = self.query_one("#seasons-tree", Tree)
        tree.clear()
        for number in range(1, SEASONS + 1):
            season = tree.root.add(f"Season {number}  0/{EPISODES}", allow_expand=True)
            if number == SEASONS:
                for episode in range(1, EPISODES + 1):
                    season.add_leaf(f"  E{episode:02d} Episode {episode}  2024-01-01")
                season.expand()
        tree.focus()
        screen = self.screen
        assert isinstance(screen, FloorScreen)
        screen.view = type("View", (), {"id": show_id})()


def floor_app(names: list[str], keys: str) -> FloorApp:
    """The app, with the rows of every query ``keys`` types worked out beforehand."""
    folded = [name.casefold() for name in names]
    answers: dict[str, list[str]] = {}
    for end in range(1, len(keys) + 1):
        query = keys[:end].strip().casefold()
        if query and query not in answers:
            answers[query] = [n for n, f in zip(names, folded, strict=True) if query in f]
    return FloorApp(names, answers)
