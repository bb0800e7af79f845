"""The main screen: the shows list on the left, the selected show on the right.

A view: it lays out the list and the show's tabs and dispatches what the fan asks for. Reads
run in thread workers (``fancompanion.tui.workers``) and come back as messages; what a change
means is decided by the core (``Library``), not here. One rule keeps the screen honest: the
show in the pane is the show under the list's cursor — a key that reaches the pane for any
other show (a read still on its way) is refused, never applied to the show left behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from fancompanion.core.commands import RemoveShow, SetSetting, SetStatus
from fancompanion.core.library import Library, ShowView, StoreError
from fancompanion.core.models import ShowSummary, WatchStatus
from fancompanion.core.progress import aired_count
from fancompanion.tui import messages
from fancompanion.tui.host import host_of
from fancompanion.tui.keys import bindings
from fancompanion.tui.safe import line
from fancompanion.tui.styles import MUTED
from fancompanion.tui.widgets.filter_box import FilterInput
from fancompanion.tui.widgets.footer import KeysFooter
from fancompanion.tui.widgets.shows_list import ShowsList
from fancompanion.tui.workers import WorkFailed, cancelled, run_in_thread

if TYPE_CHECKING:
    from fancompanion.tui.widgets.show_pane import ShowPane

HIDE_SPOILERS = "hide_spoilers"
LAST_SHOW = "last_show"
THEME = "theme"
WIDE = 120  # columns from which the tabs lay out side by side
TABS = ("overview", "seasons", "cast", "news")


@dataclass
class Removed(Message):
    message: str


class LibraryScreen(Screen[None]):
    # Styles in library.tcss, loaded by the app (Textual skips CSS_PATH of a default screen).
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings(
            "library.filter",
            "library.clear_filter",
            "library.status",
            "library.remove",
            "library.tab_overview",
            "library.tab_seasons",
            "library.tab_cast",
            "library.tab_news",
        )
    ]

    def __init__(self, library: Library, clock: Callable[[], str]) -> None:
        super().__init__()
        self.library = library
        self.clock = clock
        self.view: ShowView | None = None  # the show in the pane; None while it is read
        self.hide_spoilers = True
        self._last_saved: str | None = None
        self._offer_completed: str | None = None  # show whose next "w" means Completed
        # The show pane (tabs) is mounted just after the first frame (the first frame does
        # not wait for a tab bar and its styles); until then ``_tab`` holds the tab to show.
        self._pane: ShowPane | None = None
        self._tab = "overview"
        self._focus_tab = False  # move the focus into the tab once the pane is mounted
        self._opening: str | None = None  # the show being read
        self._select_after_reload: str | None = None  # a show just added

    def compose(self) -> ComposeResult:
        # Set before the children are styled: toggling it on the first resize would restyle
        # every widget of the screen once more before the first frame.
        self.set_class(self.app.size.width >= WIDE, "-wide")
        yield Header()
        with Horizontal(id="library"):
            with Vertical(id="shows-panel"):
                yield FilterInput(placeholder="/ to filter", id="filter", compact=True)
                yield ShowsList(self._figure, id="shows")
            yield Static(id="empty-pane")
        yield KeysFooter()

    @property
    def shows(self) -> ShowsList:
        return self.query_one(ShowsList)

    def on_mount(self) -> None:
        self.shows.focus()
        # The first read is done here, before the first layout: the index was decoded by
        # ``launch`` (cached), statuses and settings are two small files, and the list is then
        # drawn once, loaded. A damaged file goes the usual way: a worker, whose failure is
        # one notification, and the screen says what is missing.
        try:
            loaded = self._read()
        except StoreError:
            self.reload()
        else:
            self.on_library_loaded(loaded)
        self.call_after_refresh(self._mount_pane)

    async def _mount_pane(self) -> None:
        from fancompanion.tui.widgets.show_pane import ShowPane

        pane = ShowPane(id="show")
        pane.display = self.shows.current_id is not None
        await self.query_one("#library").mount(pane, before="#empty-pane")
        self._pane = pane
        pane.active = self._tab
        if self.view is not None:
            pane.show_view(self.view, self.clock(), self.hide_spoilers)
        if self._focus_tab:
            self._focus_tab = False
            pane.switch(self._tab)

    def on_resize(self, event: events.Resize) -> None:
        """Wide terminals put details beside lists instead of under them (a no-op unless the
        width crossed ``WIDE``: ``set_class`` restyles only on a change)."""
        self.set_class(event.size.width >= WIDE, "-wide")

    def reload_news(self) -> None:
        """Reread the News tab (read marks or the spoiler shield changed elsewhere)."""
        if self._pane is not None:
            self._pane.reload_news()

    def on_screen_resume(self) -> None:
        """Back from another screen: marks or read state may have changed there. (Not at
        start, before the first frame: the first load opens the show once that frame is drawn.)"""
        if self._pane is not None:
            self.reopen()

    # -- reading --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the index, statuses and settings (at start and after changes made elsewhere)."""

        def load() -> None:
            self.post_message(self._read())

        run_in_thread(self, load, group="library", description="Reading the library")

    def _read(self) -> messages.LibraryLoaded:
        library = self.library
        summaries = library.summaries()
        statuses = library.statuses()
        settings = library.store.user.settings()
        return messages.LibraryLoaded(summaries, statuses, settings)

    def library_changed(self) -> None:
        """The store changed (here, on another screen or in another process): reread it all."""
        self.shows.forget_progress()
        self.reload()

    def on_work_failed(self, event: WorkFailed) -> None:
        """A read failed (the app has said why): say on screen what is missing."""
        if event.group == "library" and not self.shows.loaded:
            self.shows.show_problem("Could not be read.")
            self._show_empty(f"{event.message}\n\nThe rest of the app keeps working.")
        elif event.group == "show" and self._pane is not None:
            self._pane.display = False  # (``_opening`` stays: the same show is not retried)
            self._show_empty(f"This show could not be opened: {event.message}")

    def on_library_loaded(self, event: messages.LibraryLoaded) -> None:
        self.hide_spoilers = event.settings.get(HIDE_SPOILERS, True) is not False
        last = event.settings.get(LAST_SHOW)
        self._last_saved = last if isinstance(last, str) else None
        host_of(self.app).restore_theme(event.settings.get(THEME))
        self.shows.load(event.summaries, event.statuses, prefer=self._last_saved)
        added, self._select_after_reload = self._select_after_reload, None
        if added is not None:
            self.select_show(added)
            self.notify(f"Added {line(self.view_name(added))} to your library.", markup=False)
            return
        self.call_after_refresh(self.reopen)  # after the list's first frame

    def _figure(self, summary: ShowSummary) -> tuple[int, int]:
        now = self.clock()
        return self.library.watched_count(summary, now), aired_count(summary, now)

    def on_show_highlighted(self, event: messages.ShowHighlighted) -> None:
        self._offer_completed = None
        if event.show_id is None:
            # nothing under the cursor (no show matches the filter): no show is on screen, so no
            # key may act on the one shown before
            self.view = None
            self._opening = None
            self._show_pane(False)
        elif self.view is None or self.view.id != event.show_id:
            # opened once the frame with the moved cursor is drawn: moving quickly through the
            # list reads only the show it stops on (and the first frame does not wait for it)
            self.call_after_refresh(self._open_current, False)

    def reopen(self) -> None:
        """Reread the show under the cursor (its marks, status or news may have changed)."""
        self._open_current(True)

    def _open_current(self, reread: bool) -> None:
        show_id = self.shows.current_id
        if show_id is None:
            self._show_pane(False)
            return
        if not reread and show_id in (self._opening, self.view.id if self.view else None):
            return
        self._open(show_id)

    def _open(self, show_id: str) -> None:
        library, now, last = self.library, self.clock(), self._last_saved
        self._opening = show_id

        def load() -> None:
            view = library.show(show_id, now)
            if view is None or cancelled():
                return
            self.post_message(messages.ShowLoaded(view))
            if last != show_id and not cancelled():
                library.apply(SetSetting(LAST_SHOW, show_id))

        run_in_thread(self, load, group="show", description="Opening the show")

    def on_show_loaded(self, event: messages.ShowLoaded) -> None:
        if event.view.id != self.shows.current_id:
            return  # the cursor has moved on
        self._opening = None
        self._last_saved = event.view.id
        self._offer_completion(self.view, event.view)
        self.view = event.view
        self._show_pane(True)
        if self._pane is not None:
            self._pane.show_view(event.view, self.clock(), self.hide_spoilers)
            if self._tab == "news":
                self._pane.reload_news()

    def _show_pane(self, has_show: bool) -> None:
        if self._pane is not None:
            self._pane.display = has_show
        text = "No show matches the filter." if self.shows.filter_text else ""
        if not has_show:
            self._show_empty(text or "No shows in the library yet.")
        else:
            self.query_one("#empty-pane", Static).display = False

    def _show_empty(self, text: str) -> None:
        empty = self.query_one("#empty-pane", Static)
        empty.display = True
        empty.update(Content.styled(text, MUTED))

    def _update_pane(self, view: ShowView, hide_spoilers: bool) -> None:
        if self._pane is not None:
            self._pane.update_view(view, self.clock(), hide_spoilers)

    # -- navigation -----------------------------------------------------------------------------

    def select_show(self, show_id: str, tab: str = "overview", target: str | None = None) -> None:
        """Put the cursor on a show, show ``tab`` and focus it (``App.open_show``): ``target``
        is a person id (Cast) or an episode key (Seasons) to put that tab's cursor on."""
        shows = self.shows
        if shows.filter_text:
            self.query_one(FilterInput).value = ""
        if not shows.select(show_id):
            self.notify("That show is not in the library.", severity="warning")
            return
        if self.view is not None and self.view.id != show_id:
            self.view = None  # keys wait for the show jumped to
        # read it now, not when the cursor's message comes round: the tab switch below keeps
        # the screen busy for tens of milliseconds when it builds a tab
        self._open_current(False)
        if self._pane is not None:
            self._pane.expect(show_id, tab, target)
        self.action_tab(tab)

    def after_reload(self, show_id: str) -> None:
        """Select this show once the library has been reread (a show just added)."""
        self._select_after_reload = show_id

    def view_name(self, show_id: str) -> str:
        return self.shows.name_of(show_id) or show_id

    def action_remove_show(self) -> None:
        """Ask, then save the show's history to a backup and remove it."""
        from fancompanion.tui.screens.remove import RemoveShowScreen

        view = self._on_screen()
        if view is None:
            self.app.bell()
            return
        show_id, name, library = view.id, view.record.show.name, self.library

        def answered(remove: bool | None) -> None:
            if not remove:
                return

            def run() -> None:
                from fancompanion.exchange.remove import remove_show

                removal = remove_show(library, show_id, self.clock())
                self.post_message(Removed(removal.message))

            run_in_thread(self, run, group="write", description="Removing the show")

        status = view.status.label if view.status is not WatchStatus.NONE else ""
        self.app.push_screen(RemoveShowScreen(name, len(view.marks), status), answered)

    def on_removed(self, event: Removed) -> None:
        self.view = None
        self.notify(line(event.message), title="Removed", markup=False, timeout=10)
        self.library_changed()

    def action_filter(self) -> None:
        # set focus now, not later: keys typed right after "/" (a paste, tmux) must reach the box
        self.set_focus(self.query_one(FilterInput))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":  # esc means something only while there is a filter
            return bool(self.shows.filter_text)
        return True

    def action_clear_filter(self) -> None:
        """``esc`` outside the box: clear the filter when there is one (the box clears itself)."""
        if self.shows.filter_text:
            self.query_one(FilterInput).value = ""
        self.shows.focus()

    def action_tab(self, tab: str) -> None:
        """Show a tab of the selected show and move the focus into it (keys 1–4)."""
        if tab not in TABS:
            return
        self._tab = tab
        if self._pane is None:
            self._focus_tab = True
        elif self._pane.display:
            self._pane.switch(tab)
        else:
            self._pane.active = tab

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.set_focus(self.shows)

    def on_show_chosen(self, event: messages.ShowChosen) -> None:
        self.action_tab(self._pane.active if self._pane is not None else self._tab)

    def toggle_spoilers(self) -> None:
        """Flip spoiler protection (the ``hide_spoilers`` setting) and save it."""
        self.hide_spoilers = hide = not self.hide_spoilers
        if self.view is not None:
            self._update_pane(self.view, hide)
        library = self.library
        run_in_thread(
            self,
            lambda: library.apply(SetSetting(HIDE_SPOILERS, hide)),
            group="settings",
            description="Saving the setting",
        )

    # -- tracking -------------------------------------------------------------------------------

    def _on_screen(self, show_id: str | None = None) -> ShowView | None:
        """The show the pane shows, when it is the one under the cursor (and ``show_id``)."""
        view = self.view
        if view is None or view.id != self.shows.current_id:
            return None
        if show_id is not None and view.id != show_id:
            return None
        return view

    def action_cycle_status(self) -> None:
        """Next watchlist status, or Completed right after every aired episode was watched."""
        view = self._on_screen()
        if view is None:
            self.app.bell()  # the show under the cursor is still opening
            return
        if self._offer_completed == view.id:
            self.set_status(WatchStatus.COMPLETED)
        else:
            self.set_status(self.library.next_status(view.status))

    def set_status(self, status: WatchStatus) -> None:
        """Save the selected show's watchlist status (``w`` and the palette's Status commands)."""
        view = self._on_screen()
        if view is None:
            return
        self._offer_completed = None
        host_of(self.app).apply_change(
            SetStatus(view.id, status), title=line(view.record.show.name)
        )

    def on_track(self, event: messages.Track) -> None:
        """A tracking key in the Seasons tab: carried out only for the show on screen."""
        view = self._on_screen(event.show_id)
        if view is None:
            self.app.bell()  # the pane is not showing the show under the cursor (yet)
            return
        host_of(self.app).apply_change(event.change, title=line(view.record.show.name))

    def on_store_changed(self, event: messages.StoreChanged) -> None:
        """Something changed: reread what it touched (the whole list when unsure)."""
        result = event.result
        show_id = result.show_id if result is not None else None
        if result is None or isinstance(result.change, (SetStatus, RemoveShow)):
            self.library_changed()
        elif show_id is None:
            self.reopen()  # read marks: the News tab
        else:
            self.shows.forget_progress(show_id)
            if show_id == self.shows.current_id:
                self.reopen()

    def _offer_completion(self, before: ShowView | None, view: ShowView) -> None:
        """Every aired episode just got watched: offer Completed on the next ``w``."""
        if before is None or before.id != view.id or before.progress.complete:
            return
        if view.progress.complete and view.status is not WatchStatus.COMPLETED:
            self._offer_completed = view.id
            self.notify(
                "All aired episodes watched — press w to mark it Completed.",
                title=line(view.record.show.name),
                markup=False,
            )
