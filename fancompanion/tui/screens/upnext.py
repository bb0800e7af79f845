"""The up next screen (``u``): what to watch next in every show being watched, and what airs soon.

``space`` marks the row's episode watched and the row moves on to the show's next episode at
once (the row knows the episodes after its own), so a second ``space`` marks the one after;
once saved, that one row is read again, not every show being watched.
Reads and writes run in thread workers; time is injected (``now``) so tests are deterministic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static, TabbedContent, TabPane
from textual.widgets.data_table import ColumnKey

from fancompanion.core.commands import Watch
from fancompanion.core.library import Airing, Library, UpNext
from fancompanion.core.models import Episode, Progress
from fancompanion.core.timeutil import air_time, local_display, now_iso
from fancompanion.tui.host import host_of
from fancompanion.tui.keys import bindings
from fancompanion.tui.messages import StoreChanged
from fancompanion.tui.safe import line, text
from fancompanion.tui.widgets.footer import KeysFooter
from fancompanion.tui.workers import WorkFailed, cancelled, name_damaged_once, run_in_thread

UPCOMING_DAYS = 30
LOADING = "Loading…"
EMPTY_UP_NEXT = (
    "Nothing to watch next — set a show to Watching with w in the library "
    "(or you are all caught up)."
)
EMPTY_UPCOMING = f"Nothing in your library airs in the next {UPCOMING_DAYS} days."


@dataclass
class UpNextLoaded(Message):
    rows: list[UpNext]
    airings: list[Airing]
    problems: list[str]  # shows left out: their files cannot be read (one line each)


@dataclass
class RowRead(Message):
    """One show's row read again after a change to it (None: it leaves the list)."""

    show_id: str
    row: UpNext | None


def title_cell(name: str) -> Text:
    """A show's name; cut with an ellipsis when the column is narrower."""
    return text(name, ellipsis=True)


def episode_cells(episode: Episode, progress: Progress) -> tuple[Text, Text, Text, Text]:
    return (
        text(episode.code),
        text(episode.name or "(untitled)", ellipsis=True),
        text(local_display(air_time(episode))),
        Text(f"{progress.watched}/{progress.aired}", justify="right"),
    )


def _widest(table: DataTable[Any], key: ColumnKey, label: Text) -> int:
    """A column's widest cell or label, measured from its cells: the table measures rows
    just added only when it is next idle, after the rows are fitted."""
    cells: list[Text] = list(table.get_column(key))
    return max([label.cell_len, *(cell.cell_len for cell in cells)])


class RowsTable(DataTable[Any]):
    """A table whose ``enter`` opens the row's show and says so in the footer (DataTable's own
    ``enter`` is a hidden binding, which would hide the screen's), and whose ``show`` and
    ``title`` columns share what the others leave of its width."""

    BINDINGS = bindings("upnext.open")
    FLEXIBLE = ("show", "title")

    def on_resize(self) -> None:
        self.fit_columns()

    def fit_columns(self) -> None:
        """The show and title columns share what the others leave of the table's width (cut
        with an ellipsis, not mid-word at the table's edge with columns to spare)."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        padding = 2 * self.cell_padding
        columns = self.columns
        widths = {key: _widest(self, key, column.label) for key, column in columns.items()}
        fixed = sum(w + padding for k, w in widths.items() if k.value not in self.FLEXIBLE)
        wanted = {k: w for k, w in widths.items() if k.value in self.FLEXIBLE}
        room = max(len(wanted) * 8, width - fixed - padding * len(wanted))
        if sum(wanted.values()) <= room:
            for key in wanted:
                columns[key].auto_width = True
            return
        # the title gives way first, then the show's name; neither below 8 cells
        show_key = next(k for k in wanted if k.value == "show")
        title_key = next(k for k in wanted if k.value == "title")
        show = min(wanted[show_key], max(8, room // 3))
        for key, cells in ((show_key, show), (title_key, max(8, room - show))):
            columns[key].auto_width = False
            columns[key].width = cells
        self.refresh(layout=True)


class UpNextScreen(Screen[None]):
    CSS_PATH = "upnext.tcss"
    BINDINGS = bindings(
        "screen.back",
        "upnext.watch",
        "upnext.tab_up_next",
        "upnext.tab_upcoming",
    )

    def __init__(self, library: Library, *, now: Callable[[], str] | None = None) -> None:
        super().__init__()
        self.library = library
        self.now = now or now_iso
        self.entries: dict[str, UpNext] = {}
        self.airings: dict[str, Airing] = {}
        self._said: set[str] = set()  # damaged files already named
        self._ahead: dict[str, int] = {}  # show -> marks made here and not yet saved
        self.loaded = False  # the first rows are in (until then the panes say "Loading…")

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial="up-next"):
            with TabPane("Up next", id="up-next"):
                yield from self._pane("up-next", EMPTY_UP_NEXT)
            with TabPane(f"Upcoming ({UPCOMING_DAYS} days)", id="upcoming"):
                yield from self._pane("upcoming", EMPTY_UPCOMING)
        yield KeysFooter()

    def _pane(self, name: str, empty: str) -> ComposeResult:
        """Until the first rows are read (seconds at 10,000 shows) a pane says "Loading…":
        neither the table's bare headers nor the empty message, which would claim nothing."""
        yield Static(LOADING, id=f"{name}-loading", classes="empty", markup=False)
        table = RowsTable(id=f"{name}-table", cursor_type="row", zebra_stripes=True)
        message = Static(empty, id=f"{name}-empty", classes="empty", markup=False)
        table.display = message.display = False
        yield table
        yield message

    def on_mount(self) -> None:
        up_next = self.query_one("#up-next-table", DataTable)
        for label, key in (("Show", "show"), ("Next", "code"), ("Title", "title")):
            up_next.add_column(label, key=key)
        up_next.add_column("Aired", key="aired")
        up_next.add_column("Seen", key="progress")
        upcoming = self.query_one("#upcoming-table", DataTable)
        for label, key in (("When", "when"), ("Show", "show"), ("Episode", "code")):
            upcoming.add_column(label, key=key)
        upcoming.add_column("Title", key="title")
        up_next.focus()

    def on_screen_resume(self) -> None:
        """(Re)load on every visit: marks may have changed in the library meanwhile."""
        self._load()

    # -- loading ------------------------------------------------------------------------------

    def _load(self) -> None:
        library, now = self.library, self.now()

        def load() -> None:
            problems: list[str] = []
            rows = library.up_next(now, problems)
            self.post_message(UpNextLoaded(rows, library.upcoming(UPCOMING_DAYS, now), problems))

        run_in_thread(self, load, group="upnext-load", description="Finding what is next")

    def on_store_changed(self, event: StoreChanged) -> None:
        """A change to a show listed here: its row is read again (once the marks made here
        for it are all saved: until then the row shows where they lead). Anything else (a
        show starting to be watched, a refresh, another process): every row is read again."""
        result = event.result
        show_id = result.show_id if result is not None else None
        if result is None or show_id is None or show_id not in self.entries:
            self._ahead.clear()
            self._load()
            return
        if isinstance(result.change, Watch) and self._ahead.get(show_id):
            self._ahead[show_id] -= 1
        else:
            self._ahead.pop(show_id, None)  # an undo, a mark from the library: read it
        if not self._ahead.get(show_id):
            self._read_row(show_id)

    def _read_row(self, show_id: str) -> None:
        library, now, summary = self.library, self.now(), self.entries[show_id].summary

        def read() -> None:
            row = library.up_next_of(summary, now)
            if not cancelled():
                self.post_message(RowRead(show_id, row))

        run_in_thread(self, read, group=f"upnext-row-{show_id}", description="Finding what is next")

    def on_row_read(self, event: RowRead) -> None:
        show_id = event.show_id
        if self._ahead.get(show_id) or show_id not in self.entries:
            return  # marked again since: the row already shows where that leads
        if event.row is not None:
            self._put_row(event.row)
            return
        del self.entries[show_id]
        self.query_one("#up-next-table", DataTable).remove_row(show_id)
        self._show_empty_states()

    def _put_row(self, row: UpNext) -> None:
        """A row's episode and figures changed: written in place (the cursor stays)."""
        table = self.query_one("#up-next-table", RowsTable)
        self.entries[row.summary.id] = row
        columns = ("code", "title", "aired", "progress")
        for column, cell in zip(columns, episode_cells(row.episode, row.progress), strict=True):
            table.update_cell(row.summary.id, column, cell)
        table.fit_columns()

    def on_work_failed(self, event: WorkFailed) -> None:
        """The first read failed (the app has named the error): say it where "Loading…" was,
        not "Loading…" for ever. Rows already shown stay."""
        if not self.loaded:
            for name in ("up-next", "upcoming"):
                self.query_one(f"#{name}-loading", Static).update(Text(event.message))

    def on_up_next_loaded(self, event: UpNextLoaded) -> None:
        rows, airings = event.rows, event.airings
        for problem in event.problems:  # a damaged marks file: the other shows are listed
            name_damaged_once(self, self._said, problem)
        table = self.query_one("#up-next-table", DataTable)
        keep = self._cursor_key("up-next-table")
        table.clear()
        self.entries = {row.summary.id: row for row in rows}
        for row in rows:
            table.add_row(
                title_cell(row.summary.name),
                *episode_cells(row.episode, row.progress),
                key=row.summary.id,
            )
        if keep in self.entries:
            table.move_cursor(row=table.get_row_index(keep), animate=False)
        upcoming = self.query_one("#upcoming-table", DataTable)
        upcoming.clear()
        self.airings = {}
        for airing in airings:
            key = f"{airing.show_id}|{airing.episode.key}"
            self.airings[key] = airing
            upcoming.add_row(
                text(local_display(airing.stamp, with_time=True)),
                text(airing.show_name),
                text(airing.episode.code),
                text(airing.episode.name or "(untitled)"),
                key=key,
            )
        self._show_empty_states()
        for fitted in self.query(RowsTable):
            fitted.fit_columns()  # a table just shown fits itself when it gets its size

    def _show_empty_states(self) -> None:
        self.loaded = True
        for name, count in (("up-next", len(self.entries)), ("upcoming", len(self.airings))):
            self.query_one(f"#{name}-loading", Static).display = False
            self.query_one(f"#{name}-table", DataTable).display = count > 0
            self.query_one(f"#{name}-empty", Static).display = count == 0

    # -- marking ------------------------------------------------------------------------------

    def _cursor_key(self, table_id: str) -> str | None:
        table = self.query_one(f"#{table_id}", DataTable)
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_watch(self) -> None:
        if self.query_one(TabbedContent).active != "up-next":
            self.notify("Marking works on the Up next tab (press 1).")
            return
        show_id = self._cursor_key("up-next-table")
        if show_id is None:
            self.notify(EMPTY_UP_NEXT if self.loaded else LOADING, markup=False)
            return
        entry = self.entries[show_id]
        host_of(self.app).apply_change(
            Watch(show_id, (entry.episode,)), title=line(entry.summary.name)
        )
        moved = entry.marked()
        if moved is not None:  # now; the row is read again once the marks made are saved
            self._ahead[show_id] = self._ahead.get(show_id, 0) + 1
            self._put_row(moved)

    # -- navigation ---------------------------------------------------------------------------

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self._open(event.data_table.id or "", event.row_key.value)

    def action_open_show(self) -> None:
        table_id = f"{self.query_one(TabbedContent).active}-table"
        self._open(table_id, self._cursor_key(table_id))

    def _open(self, table_id: str, key: str | None) -> None:
        if key is None:
            return
        if table_id == "up-next-table" and key in self.entries:
            host_of(self.app).open_show(key, "seasons", self.entries[key].episode.key)
        elif key in self.airings:
            airing = self.airings[key]
            host_of(self.app).open_show(airing.show_id, "seasons", airing.episode.key)

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self.query_one(f"#{tab}-table", DataTable).focus()

    def action_back(self) -> None:
        self.dismiss()
