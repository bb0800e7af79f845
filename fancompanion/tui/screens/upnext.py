"""The up next screen (``u``): what to watch next in every show being watched, and what airs soon.

``space`` marks the row's episode watched and the row moves on to the show's next episode.
Reads and writes run in thread workers; time is injected (``now``) so tests are deterministic.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from fancompanion.core.commands import Watch
from fancompanion.core.library import Airing, Library, StoreError, UpNext
from fancompanion.core.models import Episode, Progress
from fancompanion.core.timeutil import air_time, local_display, now_iso
from fancompanion.tui.host import host_of
from fancompanion.tui.keys import bindings
from fancompanion.tui.safe import line, text

UPCOMING_DAYS = 30
EMPTY_UP_NEXT = (
    "Nothing to watch next — set a show to Watching with w in the library "
    "(or you are all caught up)."
)
EMPTY_UPCOMING = f"Nothing in your library airs in the next {UPCOMING_DAYS} days."


def episode_cells(episode: Episode, progress: Progress) -> tuple[Text, Text, Text, Text]:
    return (
        text(episode.code),
        text(episode.name or "(untitled)"),
        text(local_display(air_time(episode))),
        Text(f"{progress.watched}/{progress.aired}", justify="right"),
    )


class UpNextScreen(Screen[None]):
    CSS_PATH = "upnext.tcss"
    BINDINGS = bindings(
        "screen.back",
        "upnext.watch",
        "upnext.open",
        "upnext.tab_up_next",
        "upnext.tab_upcoming",
    )

    def __init__(self, library: Library, *, now: Callable[[], str] | None = None) -> None:
        super().__init__()
        self.library = library
        self.now = now or now_iso
        self.entries: dict[str, UpNext] = {}
        self.airings: dict[str, Airing] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial="up-next"):
            with TabPane("Up next", id="up-next"):
                yield DataTable(id="up-next-table", cursor_type="row", zebra_stripes=True)
                yield Static(EMPTY_UP_NEXT, id="up-next-empty", classes="empty", markup=False)
            with TabPane(f"Upcoming ({UPCOMING_DAYS} days)", id="upcoming"):
                yield DataTable(id="upcoming-table", cursor_type="row", zebra_stripes=True)
                yield Static(EMPTY_UPCOMING, id="upcoming-empty", classes="empty", markup=False)
        yield Footer()

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

    @work(thread=True, exclusive=True, group="upnext-load", description="Finding what is next")
    def _load(self) -> None:
        now = self.now()
        rows = self.library.up_next(now)
        airings = self.library.upcoming(UPCOMING_DAYS, now)
        self.app.call_from_thread(self._loaded, rows, airings)

    def _loaded(self, rows: list[UpNext], airings: list[Airing]) -> None:
        table = self.query_one("#up-next-table", DataTable)
        table.clear()
        self.entries = {row.summary.id: row for row in rows}
        for row in rows:
            table.add_row(
                text(row.summary.name),
                *episode_cells(row.episode, row.progress),
                key=row.summary.id,
            )
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

    def _show_empty_states(self) -> None:
        for name, count in (("up-next", len(self.entries)), ("upcoming", len(self.airings))):
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
            self.notify(EMPTY_UP_NEXT, markup=False)
            return
        self._watch(show_id, self.entries[show_id].episode)

    @work(thread=True, group="upnext-watch", description="Saving watched mark")
    def _watch(self, show_id: str, episode: Episode) -> None:
        try:
            self.library.apply(Watch(show_id, (episode,)))
            view = self.library.show(show_id, self.now())
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, line(str(error)), title="Not saved", severity="error", markup=False
            )
            return
        if view is not None:
            self.app.call_from_thread(
                self._moved_on, show_id, episode, view.next_to_watch, view.progress
            )

    def _moved_on(
        self, show_id: str, watched: Episode, following: Episode | None, progress: Progress
    ) -> None:
        entry = self.entries.get(show_id)
        table = self.query_one("#up-next-table", DataTable)
        if entry is None:
            return
        if following is None:
            del self.entries[show_id]
            table.remove_row(show_id)
            self.notify(f"All caught up with {line(entry.summary.name)}.", markup=False)
            self._show_empty_states()
        else:
            self.entries[show_id] = UpNext(entry.summary, following, progress)
            for column, cell in zip(
                ("code", "title", "aired", "progress"),
                episode_cells(following, progress),
                strict=True,
            ):
                table.update_cell(show_id, column, cell)
        host_of(self.app).notify_library_changed()

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
        if table_id == "up-next-table":
            host_of(self.app).open_show(key, "seasons")
        elif key in self.airings:
            host_of(self.app).open_show(self.airings[key].show_id, "seasons")

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self.query_one(f"#{tab}-table", DataTable).focus()

    def action_back(self) -> None:
        self.dismiss()
