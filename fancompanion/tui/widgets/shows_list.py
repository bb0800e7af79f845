"""The library's shows list: grouped by watchlist status, each row with a progress figure.

A line-API widget (``ScrollView`` + ``render_line``): only the rows on screen are drawn, so a
library of 10,000 shows costs no more to show or scroll than one of six. Filtering swaps a list
of row references; no widget is created or removed per keystroke.

Progress figures (``12/39``) need the show's marks file, so they are computed when a row is first
drawn and cached per show id; :meth:`ShowsList.forget_progress` drops one when marks change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import suppress
from operator import attrgetter
from typing import ClassVar, NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from fancompanion.core.models import STATUS_ORDER, ShowSummary, WatchStatus
from fancompanion.tui import messages
from fancompanion.tui.safe import line
from fancompanion.tui.widgets.shows_filter import ListedShow, ShowFilter

Row = ListedShow | WatchStatus  # a show, or the heading of a status group
_GROUP = {status: group for group, status in enumerate(STATUS_ORDER)}
_group_of = attrgetter("group")


class _Pass(NamedTuple):
    """What every line of one render pass shares."""

    top: int
    width: int
    base: Style
    heading: Style
    figure: Style
    done: Style
    cursor: Style


class ShowsList(ScrollView, can_focus=True):
    """Shows grouped by status; posts ``ShowHighlighted`` as the cursor moves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(-1)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
        Binding("enter", "choose", "Open", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "shows-list--heading",
        "shows-list--cursor",
        "shows-list--figure",
        "shows-list--done",
    }

    DEFAULT_CSS = """
    ShowsList {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        background: $surface;
        & > .shows-list--heading { color: $text-accent; text-style: bold; }
        & > .shows-list--figure { color: $text-muted; }
        & > .shows-list--done { color: $text-success; }
        & > .shows-list--cursor {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
        }
        &:focus > .shows-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
    }
    """

    def __init__(
        self,
        figure: Callable[[ShowSummary], tuple[int, int] | None],
        *,
        id: str | None = None,
    ) -> None:
        """``figure(summary)`` returns (watched, aired) for a show, None when it cannot be known
        (its marks file is damaged); called once per shown row."""
        super().__init__(id=id)
        self._figure = figure
        self._figures: dict[str, tuple[int, int] | None] = {}
        self._filter = ShowFilter()
        self._entries: dict[str, ListedShow] = {}
        self._rows: list[Row] = []
        self._counts: dict[WatchStatus, int] = {}
        self._cursor: int | None = None
        self._before_none: str | None = None  # the show under the cursor before none was
        self._last_announced: str | None = None
        self._loaded = False
        self._problem = ""  # shown instead of "Loading…" when the library cannot be read
        self._pass: _Pass | None = None

    # -- data -----------------------------------------------------------------------------------

    def load(
        self,
        summaries: Sequence[ShowSummary],
        statuses: dict[str, WatchStatus],
        prefer: str | None = None,
    ) -> None:
        """Replace the whole library (at start and after a refresh), keeping the cursor's show,
        or else putting it on ``prefer`` (the show last looked at); when the cursor's show is
        gone (removed), on the show that took its place."""
        near = self._cursor
        keep = self.current_id or prefer
        none = WatchStatus.NONE
        entries = [ListedShow(s, _GROUP[statuses.get(s.id, none)]) for s in summaries]
        self._entries = {entry.id: entry for entry in entries}
        self._figures.clear()
        self._filter.reset(entries)
        self._loaded = True
        self._problem = ""
        self._rebuild(keep, near)
        self.call_after_refresh(self._filter.prepare)  # ready before the first keystroke

    def show_problem(self, text: str) -> None:
        """The library could not be read: say so where the rows would be."""
        self._problem = text
        self.refresh()

    def set_status(self, show_id: str, status: WatchStatus) -> None:
        """Move one show to its new status group, keeping the cursor on it."""
        entry = self._entries.get(show_id)
        if entry is not None:
            entry.group = _GROUP[status]
        self._rebuild(self.current_id)

    def forget_progress(self, show_id: str | None = None) -> None:
        """Recompute a show's figure (or every figure) the next time it is drawn."""
        if show_id is None:
            self._figures.clear()
        else:
            self._figures.pop(show_id, None)
        self.refresh()

    def filter(self, query: str) -> None:
        """Show only matching shows; while typing, the cursor goes to the best match. A filter
        that matched nothing, cleared, brings the cursor back to the show it left."""
        current = self.current_id
        if current is not None:
            self._before_none = current
        found = self._filter.apply(query)
        best = found[0].id if found and self._filter.query else None
        self._rebuild(best or current or self._before_none)

    def name_of(self, show_id: str) -> str | None:
        return next((e.summary.name for e in self._filter.matches if e.id == show_id), None)

    @property
    def filter_text(self) -> str:
        return self._filter.query

    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def current_id(self) -> str | None:
        row = self._row(self._cursor)
        return row.id if isinstance(row, ListedShow) else None

    @property
    def visible_ids(self) -> list[str]:
        return [row.id for row in self._rows if isinstance(row, ListedShow)]

    def select(self, show_id: str) -> bool:
        """Put the cursor on a show (clearing the filter if it hides the show)."""
        # the filter first: listing 10,000 ids to learn the show is visible costs a millisecond
        if self._filter.query and show_id not in self.visible_ids:
            self._filter.apply("")
            self._rebuild(None)
        for index, row in enumerate(self._rows):
            if type(row) is ListedShow and row.summary.id == show_id:
                self._move(index)
                return True
        return False

    def _rebuild(self, keep: str | None, near: int | None = None) -> None:
        # Up to the whole library per keystroke: the matches (best first) are grouped by a
        # stable sort on their group number and counted in C, not appended one by one.
        found = self._filter.matches
        ordered = sorted(found, key=_group_of)
        counts = Counter(map(_group_of, found))
        rows: list[Row] = []
        start = 0
        for group, status in enumerate(STATUS_ORDER):
            count = counts.get(group, 0)
            if count:
                rows.append(status)
                rows.extend(ordered[start : start + count])
                start += count
        self._counts = {status: counts.get(group, 0) for group, status in enumerate(STATUS_ORDER)}
        self._rows = rows
        self._set_row_count(len(rows))
        kept = self._entries.get(keep) if keep is not None else None
        target: int | None = 1 if rows else None  # the first show, under its group's heading
        if kept is not None and kept.group in counts:
            with suppress(ValueError):  # (not among the matches)
                target = rows.index(kept)
        elif near is not None and rows:  # ``keep`` is gone: the show now at its place
            target = self._step(min(near, len(rows)) - 1, 1) or self._step(len(rows), -1)
        self._cursor = None
        self._move(target)

    def _set_row_count(self, count: int) -> None:
        """Make the scrollable height ``count`` lines.

        ``virtual_size`` is a layout attribute: setting it lays out and renders the whole screen
        (12-23 ms at 10,000 shows, on every keystroke of the filter). While the scrollbar stays
        as it is (shown, or not), nothing outside the list moves, so the size is set without a
        layout and only the list and its scrollbar are repainted. When the scrollbar comes or
        goes the list's width changes: then a real layout.
        """
        size = Size(0, count)
        if size == self.virtual_size:
            return
        height = self.container_size.height
        if not (self.is_mounted and height and self.show_vertical_scrollbar == (count > height)):
            self.virtual_size = size
            return
        self.set_reactive(ShowsList.virtual_size, size)
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.window_virtual_size = count
        self.scroll_y = self.validate_scroll_y(self.scroll_y)
        self.refresh()

    # -- cursor ---------------------------------------------------------------------------------

    def _row(self, index: int | None) -> Row | None:
        if index is None or not 0 <= index < len(self._rows):
            return None
        return self._rows[index]

    def _move(self, index: int | None) -> None:
        self._cursor = index
        if index is not None:
            self._scroll_to_row(index)
        self.refresh()
        if self.current_id != self._last_announced:
            self._last_announced = self.current_id
            self.post_message(messages.ShowHighlighted(self.current_id))

    def _scroll_to_row(self, index: int) -> None:
        # ``force``: the list may not have its scrollbar yet (before the first layout, or just
        # after a filter with few matches is cleared), and Textual refuses to scroll without one
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_offset.y)
        if index - 1 < top:
            # keep the group heading above the first show in view
            self.scroll_to(y=max(0, index - 1), animate=False, immediate=True, force=True)
        elif index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False, immediate=True, force=True)

    def _step(self, start: int, delta: int) -> int | None:
        index = start
        while 0 <= index + delta < len(self._rows):
            index += delta
            if isinstance(self._rows[index], ListedShow):
                return index
        return None

    def action_cursor(self, delta: int) -> None:
        if self._cursor is None:
            self._move(self._step(-1, 1))
            return
        found = self._step(self._cursor, delta)
        if found is not None:
            self._move(found)

    def action_page(self, direction: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        start = self._cursor if self._cursor is not None else 0
        target = max(0, min(len(self._rows) - 1, start + direction * height))
        row = self._row(target)
        found = target if isinstance(row, ListedShow) else self._step(target, direction)
        if found is None:
            found = self._step(target, -direction)
        self._move(found)

    def action_edge(self, direction: int) -> None:
        found = self._step(-1, 1) if direction < 0 else self._step(len(self._rows), -1)
        self._move(found)

    def action_choose(self) -> None:
        if self.current_id is not None:
            self.post_message(messages.ShowChosen(self.current_id))

    def on_click(self, event: events.Click) -> None:
        index = event.y + round(self.scroll_offset.y)
        if isinstance(self._row(index), ListedShow):
            self._move(index)
            if event.chain > 1:
                self.action_choose()

    # -- drawing --------------------------------------------------------------------------------

    def _progress(self, summary: ShowSummary) -> tuple[int, int] | None:
        if summary.id in self._figures:
            return self._figures[summary.id]
        figure = self._figures[summary.id] = self._figure(summary)
        return figure

    def _pass_styles(self) -> _Pass:
        base = self.rich_style
        component = self.get_component_rich_style
        return _Pass(
            top=round(self.scroll_offset.y),
            width=self.scrollable_content_region.width,
            base=base,
            heading=base + component("shows-list--heading"),
            figure=base + component("shows-list--figure"),
            done=base + component("shows-list--done"),
            cursor=base + component("shows-list--cursor"),
        )

    def render_lines(self, crop: Region) -> list[Strip]:
        # One pass over the visible lines: the styles (each a walk up the DOM and a merge) and
        # the geometry are looked up once for all of them, not once per line.
        self._pass = self._pass_styles()
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None

    def render_line(self, y: int) -> Strip:
        styles = self._pass or self._pass_styles()
        index = y + styles.top
        width = styles.width
        base = styles.base
        row = self._row(index)
        if row is None:
            text = (self._problem or "Loading…") if not self._loaded and y == 0 else ""
            if self._loaded and not self._rows and y == 0:
                text = "No show matches" if self._filter.query else "No shows yet"
            style = styles.figure
            return Strip([Segment(set_cell_size(f" {text}", width), style)], width)
        if isinstance(row, WatchStatus):
            style = styles.heading
            count = self._counts.get(row, 0)
            return Strip([Segment(set_cell_size(f" {row.label} ({count})", width), style)], width)
        progress = self._progress(row.summary)
        watched, aired = progress or (0, 0)
        figure = " ? " if progress is None else f" {watched}/{aired} " if aired else " — "
        name_width = max(1, width - cell_len(figure) - 2)
        name = line(row.summary.name)
        if cell_len(name) > name_width:
            name = set_cell_size(name, name_width - 1) + "…"
        name = set_cell_size(name, name_width)
        row_style = styles.cursor if index == self._cursor else base
        figure_style = row_style
        if index != self._cursor:
            figure_style = styles.done if aired and watched >= aired else styles.figure
        segments = [Segment(f"  {name}", row_style), Segment(figure, figure_style)]
        return Strip(segments).adjust_cell_length(width, row_style)
