"""The Seasons tab: seasons expanding to episodes, watched marks, and one episode's details.

Tracking keys (space, W, +) post :class:`messages.Track` for the screen to save; when the saved
view comes back, lines are redrawn in place (the tree keeps its cursor and expanded seasons).
A line's text is written when the line is drawn, from the show on screen: a season of a daily
soap is 250 lines, of which a screenful is ever drawn at once.
Summaries of unwatched episodes stay hidden until watched, unless revealed with ``s`` or the
``hide_spoilers`` setting is off.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text, TextType
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from fancompanion.core.commands import Change, Rewatch, SetSeason, Unwatch, Watch, WatchUpTo
from fancompanion.core.library import ShowView
from fancompanion.core.models import Episode
from fancompanion.core.timeutil import has_aired
from fancompanion.tui import messages
from fancompanion.tui.compat import BatchTree
from fancompanion.tui.keys import bindings
from fancompanion.tui.safe import content, line
from fancompanion.tui.styles import MUTED
from fancompanion.tui.widgets.episode_text import air_date, episode_title

SPECIALS = -1  # the season number of the "Specials" heading node
UNWRITTEN = Text()  # a line's label until it is drawn (``SeasonsTree.render_label``)
TOGGLE = Style.from_meta({"toggle": True})  # what a click on the arrow finds (as in Tree)


@dataclass(frozen=True, slots=True)
class Node:
    """What a tree line stands for: a season (episode None) or one episode."""

    season: int
    episode: Episode | None = None


class SeasonsTree(BatchTree[Node]):
    """The tree itself; ``space`` here means "watched", not "expand"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings("episodes.toggle", "episodes.up_to", "episodes.rewatch", "episodes.spoiler")
    ]

    def process_label(self, label: TextType) -> Text:
        """Our labels are single-line ``Text`` already: skip ``Tree``'s split into lines."""
        if isinstance(label, Text) and "\n" not in label.plain:
            return label
        return super().process_label(label)

    def render_label(self, node: TreeNode[Node], base_style: Style, style: Style) -> Text:
        """The line's text, written now from the show on screen (``Tree`` draws only the lines
        in view, so a 250-episode season costs a screenful of labels, not 250)."""
        if node.data is None:
            return super().render_label(node, base_style, style)
        label = self._seasons().label_of(node.data)
        label.stylize(style)
        if not node.allow_expand:
            return Text.assemble(("", base_style), label)
        icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
        return Text.assemble((icon, base_style + TOGGLE), label)

    def get_label_width(self, node: TreeNode[Node]) -> int:
        """What ``Tree`` measures by rendering every line's label at every layout: here only
        the toggle icon (the labels are written when drawn; lines are cut to the tab's width,
        ``overflow-x: hidden``, so the widest label is not needed)."""
        if not node.allow_expand:
            return 0
        return cell_len(self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE)

    def _seasons(self) -> Seasons:
        return self.query_ancestor(Seasons)

    def action_toggle_watched(self) -> None:
        self._seasons().request("toggle")

    def action_watched_up_to(self) -> None:
        self._seasons().request("up_to")

    def action_rewatch(self) -> None:
        self._seasons().request("rewatch")

    def action_reveal(self) -> None:
        self._seasons().reveal()


class Seasons(Vertical):
    DEFAULT_CSS = """
    Seasons {
        SeasonsTree { height: 1fr; background: $surface; overflow-x: hidden; }
        #episode-detail-scroll {
            height: auto;
            max-height: 40%;
            border-top: solid $border-blurred;
            padding: 0 1;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: ShowView | None = None
        self.now = ""
        self.hide_spoilers = True
        self.revealed: set[str] = set()
        self._seasons: dict[int, TreeNode[Node]] = {}
        self._episodes: dict[str, TreeNode[Node]] = {}  # episode lines built so far
        self._by_season: dict[int, list[Episode]] = {}

    def compose(self) -> ComposeResult:
        # a Text label: a str is parsed as markup, whose first use imports rich's emoji table
        tree: SeasonsTree = SeasonsTree(Text("Seasons"), id="seasons-tree")
        tree.show_root = False
        tree.auto_expand = True
        yield tree
        with VerticalScroll(id="episode-detail-scroll"):
            yield Static(id="episode-detail")

    @property
    def seasons_tree(self) -> SeasonsTree:
        return self.query_one(SeasonsTree)

    def show_view(self, view: ShowView, now: str, hide_spoilers: bool) -> None:
        """Show a (new or updated) view; the same show is updated in place."""
        same = self.view is not None and self.view.id == view.id
        self.view, self.now, self.hide_spoilers = view, now, hide_spoilers
        if same:
            self._relabel()
        else:
            self.revealed.clear()
            self._build()
        self._show_detail()

    # -- building -------------------------------------------------------------------------------

    def _build(self) -> None:
        """Season lines for every season; episode lines only for seasons opened (a show with
        thousands of episodes opens as fast as a short one)."""
        assert self.view is not None
        tree = self.seasons_tree
        tree.clear()
        self._seasons.clear()
        self._episodes.clear()
        self._by_season.clear()
        record = self.view.record
        for episode in record.episodes:
            number = SPECIALS if episode.number is None else episode.season
            self._by_season.setdefault(number, []).append(episode)
        numbers = sorted(
            {n for n in self._by_season if n != SPECIALS} | {s.number for s in record.seasons}
        )
        if SPECIALS in self._by_season:
            numbers.append(SPECIALS)
        target = self.view.next_to_watch
        with tree.adding():
            for number in numbers:
                node = tree.root.add(
                    UNWRITTEN, data=Node(number), allow_expand=number in self._by_season
                )
                self._seasons[number] = node
                if target is not None and target.season == number and target.number is not None:
                    self._fill(node)
                    node.expand()
        focus = self._episodes.get(target.key) if target else None
        if focus is None and numbers:
            focus = self._seasons[numbers[0]]
        if focus is not None:
            self._put_cursor(focus)

    def _fill(self, node: TreeNode[Node]) -> None:
        """Add a season's episode lines (once, when it is first opened)."""
        if node.data is None or node.children:
            return
        number = node.data.season
        with self.seasons_tree.adding():
            for episode in self._by_season.get(number, ()):
                leaf = node.add_leaf(UNWRITTEN, data=Node(number, episode))
                self._episodes[episode.key] = leaf

    def select_episode(self, key: str) -> None:
        """Put the cursor on one episode (a jump from Up next), opening its season."""
        if self.view is None:
            return
        episode = next((e for e in self.view.record.episodes if e.key == key), None)
        if episode is None:
            return
        season = self._seasons.get(SPECIALS if episode.number is None else episode.season)
        if season is None:
            return
        self._fill(season)
        season.expand()
        leaf = self._episodes.get(key)
        if leaf is not None:
            self._put_cursor(leaf)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Node]) -> None:
        event.stop()
        self._fill(event.node)

    def _put_cursor(self, node: TreeNode[Node]) -> None:
        """The cursor goes on ``node`` now, while the tab is being shown: a key sent right
        behind the digit or the jump (``2`` ``space`` from tmux, a paste) acts on this line.
        The tree scrolls to it once laid out (its size is not known before)."""
        tree = self.seasons_tree
        tree.build_lines()
        tree.move_cursor(node)
        # the cursor line number may not change (no NodeHighlighted), so redraw the detail too
        self._show_detail()
        tree.call_after_refresh(self._scroll_to_line, node)

    def _scroll_to_line(self, node: TreeNode[Node]) -> None:
        tree = self.seasons_tree
        if node.parent is not None and not node.parent.is_root:
            tree.scroll_to_node(node.parent, animate=False)  # keep the season's heading in view
        tree.scroll_to_node(node, animate=False)
        # again once the tab's layout has settled: a jump lands here while the tab is still
        # being shown, and a scroll worked out from its size before that can miss the line
        tree.call_after_refresh(tree.scroll_to_node, node, animate=False)

    def _relabel(self) -> None:
        """The same show with new marks: every line is written again when next drawn."""
        for node in self._seasons.values():
            node.refresh()
        for node in self._episodes.values():
            node.refresh()

    def label_of(self, node: Node) -> Text:
        """A line's text as the tree shows it (after the toggle icon)."""
        if node.episode is not None:
            return self._episode_label(node.episode)
        per_season = self.view.progress.per_season if self.view else {}
        label = self._season_label(node.season, per_season.get(node.season))
        if node.season not in self._by_season:
            # no toggle icon on a season without episodes: line its text up anyway
            label = Text(" " * cell_len(self.seasons_tree.ICON_NODE)) + label
        return label

    def _season_label(self, number: int, figure: tuple[int, int] | None) -> Text:
        if number == SPECIALS:
            return Text.assemble(("Specials", "bold"), ("  not counted", "dim"))
        seasons = self.view.record.seasons if self.view else ()
        season = next((s for s in seasons if s.number == number), None)
        label = Text.assemble((f"Season {number}", "bold"))
        if season is not None and season.name:
            label.append(f" {line(season.name)}")
        if figure is None:
            label.append("  not aired yet", "dim")
        else:
            watched, aired = figure
            label.append(f"  {watched}/{aired}", "bold" if watched >= aired else "dim")
            if watched >= aired:
                label.append(" ✓")
        return label

    def _episode_label(self, episode: Episode) -> Text:
        assert self.view is not None
        mark = self.view.marks.get(episode)
        aired = has_aired(episode, self.now)
        check = "✓ " if mark is not None else "  "
        number = f"E{episode.number:02d}" if episode.number is not None else "SP "
        label = Text.assemble((check, "bold"), (number, "bold"), " ", episode_title(episode))
        label.append(f"  {air_date(episode)}", "dim" if aired else "dim italic")
        if mark is not None and mark.plays > 1:
            label.append(f"  ×{mark.plays}", "dim")
        if not aired:
            label.stylize("dim")
        return label

    # -- the selected episode -------------------------------------------------------------------

    def selected(self) -> Node | None:
        node = self.seasons_tree.cursor_node
        return node.data if node is not None else None

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[Node]) -> None:
        event.stop()
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#episode-detail", Static)
        node = self.selected()
        if self.view is None or node is None or node.episode is None:
            detail.update(Content.styled("Select an episode for its details.", MUTED))
            return
        episode = node.episode
        mark = self.view.marks.get(episode)
        if mark is None:
            state = "not watched" if has_aired(episode, self.now) else "not aired yet"
        else:
            state = "watched ✓" + (f" · {mark.plays} plays" if mark.plays > 1 else "")
        parts = [
            Content.assemble((episode.code, "bold"), "  ", (episode_title(episode), "bold")),
            Content.styled(f"{air_date(episode)} · {state}", MUTED),
        ]
        hidden = self.hide_spoilers and mark is None and episode.key not in self.revealed
        if not episode.summary:
            parts.append(Content.styled("No summary.", MUTED))
        elif hidden:
            parts.append(Content.styled("Summary hidden until watched — press s to reveal", MUTED))
        else:
            parts.append(content(episode.summary, multiline=True))
        detail.update(Content("\n").join(parts))

    # -- requests from the tree's keys ----------------------------------------------------------

    def request(self, kind: str) -> None:
        """Ask the screen to carry out a tracking change for the line under the cursor:
        ``kind`` is "toggle" (an episode, or a whole season), "up_to" or "rewatch"."""
        node = self.selected()
        view = self.view
        if node is None or view is None:
            return
        change = self._change(view, node, kind)
        if change is None:
            self.app.bell()
            return
        # the show on screen goes with it: the screen refuses it if that is not the current one
        self.post_message(messages.Track(view.id, change))

    @staticmethod
    def _change(view: ShowView, node: Node, kind: str) -> Change | None:
        episode, episodes = node.episode, view.record.episodes
        if episode is None:
            if kind != "toggle" or node.season == SPECIALS:
                return None
            watched, aired = view.progress.per_season.get(node.season, (0, 0))
            # a fully watched season is unmarked; otherwise its aired episodes are marked
            return SetSeason(view.id, episodes, node.season, watched < aired or aired == 0)
        if kind == "toggle":
            if view.marks.watched(episode):
                return Unwatch(view.id, (episode,))
            return Watch(view.id, (episode,))
        if kind == "up_to":
            return WatchUpTo(view.id, episodes, episode) if episode.number is not None else None
        return Rewatch(view.id, episode)

    def reveal(self) -> None:
        node = self.selected()
        if node is not None and node.episode is not None:
            self.revealed.add(node.episode.key)
            self._show_detail()
