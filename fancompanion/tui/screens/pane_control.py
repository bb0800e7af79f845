"""The right side of the library: which show the pane shows, and when it is read.

One rule keeps the screen honest: the show in the pane is the show under the list's cursor. A
show is read in a thread when the cursor stops on it (after the frame with the moved cursor is
drawn, so moving quickly through the list reads only the show it stops on); a read that comes
back for a show the cursor has left is dropped; and a key that reaches the pane for any other
show (a read still on its way) is refused, never applied to the show left behind. A key of the
list itself (``w``) typed right behind the keys that moved the cursor (``/jes`` ``enter`` ``w``
in one burst) waits for the cursor's show and acts on it once it is read.

The pane itself (:class:`ShowPane`, the tabs) is mounted just after the first frame; until then
a tab asked for is kept and shown, and focused, once the pane is there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.await_complete import AwaitComplete
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from fancompanion.core.commands import SetSetting
from fancompanion.core.library import Library, ShowView
from fancompanion.core.models import WatchStatus
from fancompanion.tui import messages
from fancompanion.tui.safe import line
from fancompanion.tui.styles import MUTED
from fancompanion.tui.widgets.shows_list import ShowsList
from fancompanion.tui.workers import cancelled, run_in_thread

if TYPE_CHECKING:
    from fancompanion.tui.widgets.show_pane import ShowPane

LAST_SHOW = "last_show"
TABS = ("overview", "seasons", "cast", "news")


class PaneControl:
    """The show in the pane (``view``), its reads, and the tab asked for."""

    def __init__(
        self,
        screen: Screen[None],
        library: Library,
        clock: Callable[[], str],
    ) -> None:
        self.screen = screen
        self.library = library
        self.clock = clock
        self.view: ShowView | None = None  # the show in the pane; None while it is read
        self.hide_spoilers = True
        self.last_saved: str | None = None  # the ``last_show`` setting as saved
        self.pane: ShowPane | None = None  # None until just after the first frame
        self.tab = "overview"
        self._focus_tab = False  # move the focus into the tab once the pane is mounted
        self._tab_on_load: str | None = None  # a jump's tab, shown with the show jumped to
        self._opening: str | None = None  # the show being read
        self._offer_completed: str | None = None  # show whose next "w" means Completed
        self._drawn = False  # the first show has been on screen (start-up is drawn)
        # a key for the cursor's show, carried out once it is read: (show id, what it does)
        self._waiting: tuple[str, Callable[[ShowView], None]] | None = None

    def current(self) -> str | None:
        """The show under the list's cursor."""
        return self.screen.query_one(ShowsList).current_id

    @property
    def empty(self) -> Static:
        return self.screen.query_one("#empty-pane", Static)

    async def mount_pane(self) -> None:
        from fancompanion.tui.widgets.show_pane import ShowPane

        pane = ShowPane(id="show")
        pane.display = self.current() is not None
        await self.screen.query_one("#library").mount(pane, before="#empty-pane")
        self.pane = pane
        pane.active = self.tab
        if self.view is not None:
            pane.show_view(self.view, self.clock(), self.hide_spoilers)
            self._first_drawn()
        if self._focus_tab:
            self._focus_tab = False
            pane.switch(self.tab)

    def _first_drawn(self) -> None:
        """The pane shows its first show (or the library has none): once that frame is drawn,
        start-up is on screen. Never when the library could not be read."""
        if not self._drawn:
            self._drawn = True
            self.screen.call_after_refresh(self.screen.post_message, messages.StartUpDrawn())

    # -- which show, and when it is read ------------------------------------------------------

    def highlighted(self, show_id: str | None) -> None:
        """The list's cursor moved (``show_id`` None: nothing under it)."""
        self._offer_completed = None
        # (the cursor now, not ``show_id``: the cursor's messages from the typing before the
        # key may come round after it)
        if self._waiting is not None and self._waiting[0] != self.current():
            self._waiting = None  # the key was for a show the cursor has left
        if show_id is None:
            # no show is on screen, so no key may act on the one shown before
            self.view = None
            self._opening = None
            self.show_pane(False)
        elif self.view is None or self.view.id != show_id:
            # read once the frame with the moved cursor is drawn: moving quickly through the
            # list reads only the show it stops on (and the first frame does not wait for it)
            self.screen.call_after_refresh(self.open_current, False)

    def open_current(self, reread: bool) -> None:
        """Read the show under the cursor (again when ``reread``: marks or news changed)."""
        show_id = self.current()
        if show_id is None:
            self.show_pane(False)
            self._first_drawn()  # an empty library: start-up is on screen as it is
            return
        if not reread and show_id in (self._opening, self.view.id if self.view else None):
            return
        self._open(show_id)

    def _open(self, show_id: str) -> None:
        library, now, last = self.library, self.clock(), self.last_saved
        self._opening = show_id
        screen = self.screen

        def load() -> None:
            view = library.show(show_id, now)
            if view is None or cancelled():
                return
            screen.post_message(messages.ShowLoaded(view))
            if last != show_id and not cancelled():
                library.apply(SetSetting(LAST_SHOW, show_id))

        run_in_thread(screen, load, group="show", description="Opening the show")

    def loaded(self, view: ShowView) -> None:
        """A read came back: show it if it is still the cursor's show."""
        before = self.view
        if view.id != self.current():
            return  # the cursor has moved on
        self._opening = None
        self.last_saved = view.id
        self._offer_completion(before, view)
        self.view = view
        self.show_pane(True)
        tab, self._tab_on_load = self._tab_on_load, None
        if tab is not None:
            self.switch(tab)  # before the show goes in: the new tab is filled, the old one not
        if self.pane is not None:
            self.pane.show_view(view, self.clock(), self.hide_spoilers)
            if self.tab == "news":
                self.pane.reload_news()
            self._first_drawn()
        waiting, self._waiting = self._waiting, None
        if waiting is not None and waiting[0] == view.id:
            waiting[1](view)

    def failed(self, message: str) -> None:
        """The show could not be read (``_opening`` stays: the same show is not retried)."""
        self._tab_on_load = None
        self._waiting = None
        if self.pane is not None:
            self.pane.display = False
            self.show_empty(f"This show could not be opened: {message}")

    def forget(self) -> None:
        """The show on screen is gone (removed): keys wait for the next one read."""
        self.view = None

    def on_screen(self, show_id: str | None = None) -> ShowView | None:
        """The show the pane shows, when it is the one under the cursor (and ``show_id``)."""
        view = self.view
        if view is None or view.id != self.current():
            return None
        if show_id is not None and view.id != show_id:
            return None
        return view

    def when_on_screen(self, act: Callable[[ShowView], None]) -> bool:
        """Do ``act`` with the cursor's show: now if the pane shows it, else once its read
        arrives (dropped if the cursor moves on first; a second key replaces the first). False
        when no show is under the cursor."""
        view = self.on_screen()
        if view is not None:
            act(view)
            return True
        show_id = self.current()
        if show_id is None:
            return False
        self._waiting = (show_id, act)
        return True

    def next_status(self, view: ShowView) -> WatchStatus:
        """What ``w`` sets: the next watchlist status, or Completed right after every aired
        episode was watched."""
        if self._offer_completed == view.id:
            return WatchStatus.COMPLETED
        return self.library.next_status(view.status)

    def status_set(self) -> None:
        self._offer_completed = None

    def _offer_completion(self, before: ShowView | None, view: ShowView) -> None:
        """Every aired episode just got watched: offer Completed on the next ``w``."""
        if before is None or before.id != view.id or before.progress.complete:
            return
        if view.progress.complete and view.status is not WatchStatus.COMPLETED:
            self._offer_completed = view.id
            self.screen.notify(
                "All aired episodes watched — press w to mark it Completed.",
                title=line(view.record.show.name),
                markup=False,
            )

    # -- tabs -----------------------------------------------------------------------------------

    def jump(self, show_id: str, tab: str, target: str | None) -> None:
        """The cursor was just put on ``show_id`` (a jump): read it now and show ``tab``."""
        if self.view is not None and self.view.id != show_id:
            self.view = None  # keys wait for the show jumped to
        # read it now, not when the cursor's message comes round
        self.open_current(False)
        if self.pane is not None:
            self.pane.expect(show_id, tab, target)
        if self.view is None and self.pane is not None and tab in TABS:
            # the tab is switched when the show is there: one frame shows the new tab with the
            # new show (switched now, the whole screen is drawn twice: the tab, then the show)
            self._tab_on_load = tab
        else:
            self.switch(tab)

    def switch(self, tab: str) -> AwaitComplete:
        """Show a tab of the selected show and move the focus into it (keys 1–4); done once
        the tab can take keys (:meth:`ShowPane.switch`)."""
        if tab in TABS:
            self.tab = tab
            self._tab_on_load = None
            if self.pane is None:
                self._focus_tab = True
            elif self.pane.display:
                return self.pane.switch(tab)
            else:
                self.pane.active = tab
        return AwaitComplete()

    def active_tab(self) -> str:
        return self.pane.active if self.pane is not None else self.tab

    def reload_news(self) -> None:
        if self.pane is not None:
            self.pane.reload_news()

    def update(self, hide_spoilers: bool) -> None:
        """The spoiler setting changed: redraw the show on screen with it."""
        self.hide_spoilers = hide_spoilers
        if self.view is not None and self.pane is not None:
            self.pane.update_view(self.view, self.clock(), hide_spoilers)

    # -- the pane or the empty text -------------------------------------------------------------

    def show_pane(self, has_show: bool) -> None:
        if self.pane is not None:
            self.pane.display = has_show
        if has_show:
            self.empty.display = False
        elif self.screen.query_one(ShowsList).filter_text:
            self.show_empty("No show matches the filter.")
        else:
            self.show_empty("No shows in the library yet.")

    def show_empty(self, text: str) -> None:
        empty = self.empty
        empty.display = True
        empty.update(Content.styled(text, MUTED))
