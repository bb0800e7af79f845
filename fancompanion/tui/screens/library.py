"""The main screen: the shows list on the left, the selected show on the right.

The screen is the controller of the library: its widgets say what the fan asked for (messages),
it reads and writes through :class:`Library` in thread workers and hands the results back to the
widgets. Writes are serialised by a lock and each re-reads the show first, so fast key presses
never act on a stale view.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from fancompanion.core.library import Library, ShowView, StoreError
from fancompanion.core.models import ShowSummary, WatchStatus
from fancompanion.tui import messages
from fancompanion.tui.keys import bindings
from fancompanion.tui.safe import line
from fancompanion.tui.styles import MUTED
from fancompanion.tui.widgets.shows_list import ShowsList
from fancompanion.tui.workers import cancelled, run_in_thread

if TYPE_CHECKING:
    from fancompanion.tui.widgets.show_pane import ShowPane

HIDE_SPOILERS = "hide_spoilers"
LAST_SHOW = "last_show"
WIDE = 120  # columns from which the tabs lay out side by side


class FilterInput(Input):
    """The ``/`` box: typing filters the list; ``escape`` clears it, ``enter`` goes to the list."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("library.clear_filter")]

    def action_clear_filter(self) -> None:
        self.value = ""
        self.screen.query_one(ShowsList).focus()

    def watch_value(self, value: str) -> None:
        """Filter right here, while the key is handled: the list changes in the same frame as
        the box. (Through ``Input.Changed`` the screen would filter after this frame, and the
        list would wait for the next one, a sixtieth of a second later.)"""
        self.screen.query_one(ShowsList).filter(value)


class LibraryScreen(Screen[None]):
    # Styles in library.tcss, loaded by the app (Textual skips CSS_PATH of a default screen).
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings(
            "library.filter",
            "library.status",
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
        self.view: ShowView | None = None
        self.hide_spoilers = True
        self._last_saved: str | None = None
        self._offer_completed: str | None = None  # show whose next "w" means Completed
        self._write_lock = threading.Lock()
        self._first_open = False
        self._opened_early: str | None = None  # read started by select_show, not the cursor
        # The show pane (tabs) is mounted just after the first frame; until then these hold
        # what it must show (the view itself is ``self.view``).
        self._pane: ShowPane | None = None
        self._has_show = False
        self._tab = "overview"
        self._focus_pane = False

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
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ShowsList).focus()
        # The first read is done here, before the first layout: the index was decoded by
        # ``launch`` (cached), statuses and settings are two small files, and the list is then
        # drawn once, loaded. A thread would only compete for the GIL with the first frame.
        # A damaged user file goes the usual way: a worker, whose error is one notification.
        try:
            loaded = self._read()
        except StoreError:
            self.reload()
        else:
            self._first_open = True
            self.on_library_loaded(loaded)
        self.call_after_refresh(self._mount_pane)

    async def _mount_pane(self) -> None:
        """The tabs of the selected show, mounted once the list is on screen: the first frame
        does not wait for a tab bar, an overview and their styles (the show itself is read in a
        thread and arrives later anyway)."""
        from fancompanion.tui.widgets.show_pane import ShowPane

        pane = ShowPane(id="show")
        pane.display = self._has_show
        await self.query_one("#library").mount(pane, before="#empty-pane")
        self._pane = pane
        pane.active = self._tab
        if self.view is not None:
            pane.show_view(self.view, self.clock(), self.hide_spoilers)
        if self._focus_pane:
            self._focus_pane = False
            pane.focus_active()

    def on_resize(self, event: events.Resize) -> None:
        """Wide terminals put details beside lists instead of under them (a no-op unless the
        width crossed ``WIDE``: ``set_class`` restyles only on a change)."""
        self.set_class(event.size.width >= WIDE, "-wide")

    def reload_news(self) -> None:
        """Reread the News tab (read marks or the spoiler shield changed elsewhere)."""
        if self._pane is not None:
            self._pane.reload_news()

    def on_screen_resume(self) -> None:
        """Back from another screen: news may have been read there, so reread the show."""
        if self.view is not None:
            self._open(self.view.id)
            if self._pane is not None:
                self._pane.reload_news()

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
        self.query_one(ShowsList).forget_progress()
        self.reload()

    def on_library_loaded(self, event: messages.LibraryLoaded) -> None:
        self.hide_spoilers = event.settings.get(HIDE_SPOILERS, True) is not False
        last = event.settings.get(LAST_SHOW)
        self._last_saved = last if isinstance(last, str) else None
        shows = self.query_one(ShowsList)
        shows.load(event.summaries, event.statuses, prefer=self._last_saved)
        if self.view is not None and self.view.id == shows.current_id:
            self._open(self.view.id)  # same show: refresh its marks and status
        self._show_pane(shows.current_id is not None)

    def _figure(self, summary: ShowSummary) -> tuple[int, int]:
        now = self.clock()
        return self.library.watched_count(summary, now), summary.aired(now)

    def on_show_highlighted(self, event: messages.ShowHighlighted) -> None:
        self._offer_completed = None
        self._show_pane(event.show_id is not None)
        early, self._opened_early = self._opened_early, None
        if event.show_id is not None and event.show_id == early:
            return  # select_show started this read already
        if event.show_id is not None and self._first_open:
            # the show under the cursor at start opens once the first frame is drawn
            self._first_open = False
            self.call_after_refresh(self._open, event.show_id)
        elif event.show_id is not None:
            self._open(event.show_id)

    def _open(self, show_id: str) -> None:
        library, now = self.library, self.clock()

        def load() -> None:
            view = library.show(show_id, now)
            if view is None or cancelled():
                return
            self.post_message(messages.ShowLoaded(view))
            if self._last_saved != show_id and not cancelled():
                library.store.user.set_setting(LAST_SHOW, show_id)
                self._last_saved = show_id

        run_in_thread(self, load, group="show", description="Opening the show")

    def on_show_loaded(self, event: messages.ShowLoaded) -> None:
        if event.view.id != self.query_one(ShowsList).current_id:
            return  # the cursor has moved on
        self.view = event.view
        if self._pane is not None:
            self._pane.show_view(event.view, self.clock(), self.hide_spoilers)

    def _show_pane(self, has_show: bool) -> None:
        self._has_show = has_show
        if self._pane is not None:
            self._pane.display = has_show
        empty = self.query_one("#empty-pane", Static)
        empty.display = not has_show
        shows = self.query_one(ShowsList)
        text = "No show matches the filter."
        if not shows.filter_text:
            text = "No shows in the library yet."
        empty.update(Content.styled(text, MUTED))

    def _update_pane(self, view: ShowView, hide_spoilers: bool) -> None:
        if self._pane is not None:
            self._pane.update_view(view, self.clock(), hide_spoilers)

    # -- navigation -----------------------------------------------------------------------------

    def select_show(self, show_id: str, tab: str = "overview") -> None:
        """Put the cursor on a show and switch its tab (``App.open_show``)."""
        shows = self.query_one(ShowsList)
        if shows.filter_text:
            self.query_one(FilterInput).value = ""
        moved = shows.current_id != show_id
        if not shows.select(show_id):
            self.notify("That show is not in the library.", severity="warning")
            return
        if moved and not self._first_open:
            # Read the show now, not when the cursor's message comes round: switching to a
            # tab built for the first time (Seasons) keeps the screen busy for tens of ms.
            self._opened_early = show_id
            self._open(show_id)
            if self._pane is not None:
                self._pane.expect(show_id)
        self.action_tab(tab)
        self.query_one(ShowsList).focus()

    def action_filter(self) -> None:
        # set focus now, not later: keys typed right after "/" (a paste, tmux) must reach the box
        self.set_focus(self.query_one(FilterInput))

    def action_tab(self, tab: str) -> None:
        if tab in ("overview", "seasons", "cast", "news"):
            self._tab = tab
            if self._pane is not None:
                self._pane.active = tab

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.set_focus(self.query_one(ShowsList))

    def on_show_chosen(self, event: messages.ShowChosen) -> None:
        if self._pane is None:
            self._focus_pane = True  # as soon as it is mounted
        else:
            self._pane.focus_active()

    def toggle_spoilers(self) -> None:
        """Flip spoiler protection (the ``hide_spoilers`` setting) and save it."""
        self.hide_spoilers = hide = not self.hide_spoilers
        if self.view is not None:
            self._update_pane(self.view, hide)
        user = self.library.store.user

        def save() -> None:
            with self._write_lock:
                user.set_setting(HIDE_SPOILERS, hide)

        run_in_thread(self, save, group="settings", description="Saving the setting")

    # -- tracking -------------------------------------------------------------------------------

    def action_cycle_status(self) -> None:
        """Next watchlist status, or Completed right after every aired episode was watched."""
        if self.view is None or self.view.id != self.query_one(ShowsList).current_id:
            return  # the show under the cursor is still opening
        if self._offer_completed == self.view.id:
            self.set_status(WatchStatus.COMPLETED)
        else:
            self.set_status(self.library.next_status(self.view.status))

    def set_status(self, status: WatchStatus) -> None:
        """Save the selected show's watchlist status (``w`` and the palette's Status commands)."""
        if self.view is None:
            return
        self._offer_completed = None
        show_id, library = self.view.id, self.library

        def save() -> None:
            with self._write_lock:
                library.set_status(show_id, status)
            self.post_message(messages.StatusChanged(show_id, status))

        run_in_thread(self, save, group="write", description="Saving the status", exclusive=False)

    def on_status_changed(self, event: messages.StatusChanged) -> None:
        self.query_one(ShowsList).set_status(event.show_id, event.status)
        if self.view is not None and self.view.id == event.show_id:
            self.view = replace(self.view, status=event.status)
            self._update_pane(self.view, self.hide_spoilers)
        name = line(self.view.record.show.name if self.view else event.show_id)
        label = event.status.label if event.status is not WatchStatus.NONE else "no status"
        self.notify(f"{name}: {label}", markup=False)

    def on_track(self, event: messages.Track) -> None:
        if self.view is None:
            return
        show_id, request, now = self.view.id, event, self.clock()
        library = self.library

        def save() -> None:
            with self._write_lock:
                view = library.show(show_id, now)
                if view is None:
                    return
                note = _apply(library, view, request, now)
                after = library.show(show_id, now)
            if after is not None and request.kind == "rewatch" and request.episode is not None:
                mark = after.marks.get(request.episode)
                note = f"{request.episode.code}: watched {mark.plays if mark else 1} times."
            if after is not None:
                self.post_message(messages.Tracked(view.progress.complete, after, note))

        run_in_thread(self, save, group="write", description="Saving your marks", exclusive=False)

    def on_tracked(self, event: messages.Tracked) -> None:
        view = event.view
        self.query_one(ShowsList).forget_progress(view.id)
        if self.view is not None and self.view.id == view.id:
            self.view = view
            self._update_pane(view, self.hide_spoilers)
        if event.note:
            self.notify(event.note, markup=False)
        done = view.progress.complete and not event.before_complete
        if done and view.status is not WatchStatus.COMPLETED:
            self._offer_completed = view.id
            self.notify(
                "All aired episodes watched — press w to mark it Completed.",
                title=line(view.record.show.name),
                markup=False,
            )


def _apply(library: Library, view: ShowView, request: messages.Track, now: str) -> str:
    """Save one tracking request; returns what it did, for the notification."""
    episode = request.episode
    if request.kind == "season" and request.season is not None:
        watched, aired = view.progress.per_season.get(request.season, (0, 0))
        if aired == 0:
            return "Nothing in this season has aired yet."
        return library.set_season_watched(view, request.season, watched < aired, now).message
    if episode is None:
        return ""
    if request.kind == "toggle":
        result = library.toggle_watched(view, episode, now)
        return result.refused or ""
    if request.kind == "up_to":
        return library.watch_up_to(view, episode, now).message
    if request.kind == "rewatch":
        return library.rewatch(view, episode, now).message
    return ""
