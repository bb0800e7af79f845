"""The main screen: the shows list on the left, the selected show on the right.

A view: it lays out the list and the show's tabs and dispatches what the fan asks for. Reads
run in thread workers (``fancompanion.tui.workers``) and come back as messages; what a change
means is decided by the core (``Library``); which show the pane shows, when it is read and
which keys may act on it is :mod:`fancompanion.tui.screens.pane_control`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, Static

from fancompanion.core.commands import RemoveShow, SetSetting, SetStatus
from fancompanion.core.library import Library, ShowView, StoreError
from fancompanion.core.models import ShowSummary, WatchStatus
from fancompanion.core.progress import aired_count
from fancompanion.tui import messages
from fancompanion.tui.host import host_of
from fancompanion.tui.keys import bindings
from fancompanion.tui.safe import line
from fancompanion.tui.screens.pane_control import LAST_SHOW, PaneControl
from fancompanion.tui.widgets.filter_box import FilterInput
from fancompanion.tui.widgets.footer import KeysFooter
from fancompanion.tui.widgets.shows_list import ShowsList
from fancompanion.tui.workers import WorkFailed, name_damaged_once, run_in_thread

HIDE_SPOILERS = "hide_spoilers"
THEME = "theme"
WIDE = 120  # columns from which the tabs lay out side by side
# While the fan types a filter, the best match's show is read once typing rests this long:
# reading it (and saving it as ``last_show``) at every letter competed with the next letter.
TYPING_REST = 0.2


@dataclass
class Removed(Message):
    message: str


class LibraryScreen(Screen[None]):
    AUTO_FOCUS = "#shows"  # the list (Textual's default, the first focusable, is the filter box)
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
        self.showing = PaneControl(self, library, clock)
        self._select_after_reload: str | None = None  # a show just added
        self._typing: Timer | None = None  # tells the pane once typing rests
        self._said: set[str] = set()  # damaged marks files already named

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

    @property
    def view(self) -> ShowView | None:
        """The show in the pane (None while it is read)."""
        return self.showing.view

    @property
    def hide_spoilers(self) -> bool:
        return self.showing.hide_spoilers

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
        # the show pane (tabs) is mounted just after the first frame: the first frame does
        # not wait for a tab bar and its styles
        self.call_after_refresh(self.showing.mount_pane)

    def on_resize(self, event: events.Resize) -> None:
        """Wide terminals put details beside lists instead of under them (a no-op unless the
        width crossed ``WIDE``: ``set_class`` restyles only on a change)."""
        self.set_class(event.size.width >= WIDE, "-wide")

    def reload_news(self) -> None:
        """Reread the News tab (read marks or the spoiler shield changed elsewhere)."""
        self.showing.reload_news()

    def on_screen_resume(self) -> None:
        """Back from another screen: marks or read state may have changed there. (Not at
        start, before the first frame: the first load opens the show once that frame is drawn.)"""
        if self.showing.pane is not None:
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
            self.showing.show_empty(f"{event.message}\n\nThe rest of the app keeps working.")
        elif event.group == "show":
            self.showing.failed(event.message)

    def on_library_loaded(self, event: messages.LibraryLoaded) -> None:
        self.showing.hide_spoilers = event.settings.get(HIDE_SPOILERS, True) is not False
        last = event.settings.get(LAST_SHOW)
        self.showing.last_saved = last if isinstance(last, str) else None
        host_of(self.app).restore_theme(event.settings.get(THEME))
        self.shows.load(event.summaries, event.statuses, prefer=self.showing.last_saved)
        added, self._select_after_reload = self._select_after_reload, None
        if added is not None:
            self.select_show(added)
            self.notify(f"Added {line(self.view_name(added))} to your library.", markup=False)
            return
        self.call_after_refresh(self.reopen)  # after the list's first frame

    def _figure(self, summary: ShowSummary) -> tuple[int, int] | None:
        """(watched, aired) for a row; None when the show's marks file cannot be read (drawn
        as ``?``; the file and its repair are named once, and the rest of the list is drawn)."""
        now = self.clock()
        try:
            return self.library.watched_count(summary, now), aired_count(summary, now)
        except StoreError as error:
            name_damaged_once(self, self._said, str(error))
            return None

    def on_show_highlighted(self, event: messages.ShowHighlighted) -> None:
        if event.show_id is not None and isinstance(self.focused, FilterInput):
            self._wait_for_typing_rest()  # until then keys for the pane refuse to act
            return
        if self._typing is not None:
            self._typing.stop()
            self._typing = None
        self.showing.highlighted(event.show_id)

    def _wait_for_typing_rest(self) -> None:
        if self._typing is not None:
            self._typing.stop()
        self._typing = self.set_timer(TYPING_REST, self._typing_rested)

    def _typing_rested(self) -> None:
        """Typing stopped, or the fan left the box to act: the pane follows the cursor now."""
        if self._typing is not None:
            self._typing.stop()
            self._typing = None
            self.showing.highlighted(self.shows.current_id)

    @on(Input.Changed, "#filter")
    def _still_typing(self) -> None:
        if self._typing is not None:  # every letter restarts the wait, not only a new match
            self._wait_for_typing_rest()

    @on(events.DescendantBlur, "#filter")
    def _filter_left(self) -> None:
        self._typing_rested()

    def reopen(self) -> None:
        """Reread the show under the cursor (its marks, status or news may have changed)."""
        self.showing.open_current(True)

    def on_show_loaded(self, event: messages.ShowLoaded) -> None:
        self.showing.loaded(event.view)

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
        self.showing.jump(show_id, tab, target)

    def after_reload(self, show_id: str) -> None:
        """Select this show once the library has been reread (a show just added)."""
        self._select_after_reload = show_id

    def view_name(self, show_id: str) -> str:
        return self.shows.name_of(show_id) or show_id

    def action_remove_show(self) -> None:
        """Ask, then save the show's history to a backup and remove it."""
        from fancompanion.tui.screens.remove import RemoveShowScreen

        view = self.showing.on_screen()
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
        self.showing.forget()
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

    def action_tab(self, tab: str) -> AwaitComplete:
        """Show a tab of the selected show and move the focus into it (keys 1–4). Returned,
        so the key waits for a tab being built, and the keys sent behind it too."""
        return self.showing.switch(tab)

    def on_show_chosen(self, event: messages.ShowChosen) -> AwaitComplete:
        return self.showing.switch(self.showing.active_tab())

    def toggle_spoilers(self) -> None:
        """Flip spoiler protection (the ``hide_spoilers`` setting) and save it."""
        hide = not self.showing.hide_spoilers
        self.showing.update(hide)
        library = self.library
        run_in_thread(
            self,
            lambda: library.apply(SetSetting(HIDE_SPOILERS, hide)),
            group="settings",
            description="Saving the setting",
        )

    # -- tracking keys: carried out by the core, for the show on screen only ---------------------

    def action_cycle_status(self) -> None:
        """Next watchlist status, or Completed right after every aired episode was watched; for
        a show still opening (``w`` typed right behind ``/jes`` ``enter``), once it is there."""
        if not self.showing.when_on_screen(
            lambda view: self.set_status(self.showing.next_status(view))
        ):
            self.app.bell()  # no show under the cursor

    def set_status(self, status: WatchStatus) -> None:
        """Save the selected show's watchlist status (``w`` and the palette's Status commands)."""
        view = self.showing.on_screen()
        if view is None:
            return
        self.showing.status_set()
        host_of(self.app).apply_change(
            SetStatus(view.id, status), title=line(view.record.show.name)
        )

    def on_track(self, event: messages.Track) -> None:
        """A tracking key in the Seasons tab: carried out only for the show on screen."""
        view = self.showing.on_screen(event.show_id)
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
