"""The right side of the library: the selected show in four tabs (1–4 or the mouse).

The pane is mounted just after the library's first frame, with the Overview and the Seasons
tab (the first jump to a show's seasons does not pay for the tree's import, mount and styles).
Cast & Crew and News are composed (and their modules imported) the first time their tab is
shown: nothing pays for two option lists and their styles the fan may not open. A tab is given
a show while it is shown (or when it is next shown): moving through the list fills the tab on
screen, not every tab built so far.
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable
from typing import TYPE_CHECKING, Protocol, cast

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane

from fancompanion.core.library import ShowView
from fancompanion.tui.widgets.overview import Overview
from fancompanion.tui.widgets.seasons import Seasons

if TYPE_CHECKING:
    from fancompanion.tui.widgets.cast import Cast
    from fancompanion.tui.widgets.show_news import ShowNews

TABS = ("overview", "seasons", "cast", "news")
# tab -> (module, class, widget id, what enter focuses in it); built when first shown, but for
# Seasons, composed with the pane
LAZY_TABS = {
    "seasons": ("fancompanion.tui.widgets.seasons", "Seasons", "seasons-tab", "#seasons-tree"),
    "cast": ("fancompanion.tui.widgets.cast", "Cast", "cast-tab", "#cast-people"),
    "news": ("fancompanion.tui.widgets.show_news", "ShowNews", "news-tab", "#news-tab"),
}


class _TabFactory(Protocol):
    def __call__(self, *, id: str | None = None) -> Widget: ...


class ShowPane(Vertical):
    DEFAULT_CSS = """
    ShowPane {
        height: 1fr;
        TabbedContent { height: 1fr; }
        ContentSwitcher { height: 1fr; }
        TabPane { padding: 0; height: 1fr; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: ShowView | None = None
        self._now = ""
        self._hide_spoilers = True
        self._built: dict[str, Widget] = {}
        self._building: dict[str, AwaitComplete] = {}  # a lazy tab's mount, until it is done
        self._ready: set[str] = set()  # tabs whose widget has been mounted and composed
        self._fed: dict[str, ShowView] = {}  # the view each built tab shows
        self._focus_when_built: str | None = None
        self._expected: str | None = None  # a show being read: tabs built meanwhile wait for it
        self._target: tuple[str, str] | None = None  # (tab, person id or episode key) to select

    def compose(self) -> ComposeResult:
        with TabbedContent(initial="overview"):
            with TabPane("1 Overview", id="overview"):
                yield Overview(id="overview-tab")
            with TabPane("2 Seasons", id="seasons"):
                yield Seasons(id="seasons-tab")
            yield TabPane("3 Cast & Crew", id="cast")
            yield TabPane("4 News", id="news")

    @property
    def active(self) -> str:
        return self.query_one(TabbedContent).active

    @active.setter
    def active(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def _tab(self, tab: str) -> Widget | None:
        """A lazy tab's widget once it is mounted (None before it was first shown)."""
        return self._built.get(tab) if tab in self._ready else None

    def show_view(self, view: ShowView, now: str, hide_spoilers: bool) -> None:
        """Show a newly opened (or reread) show: in the Overview and the tab on screen (the
        other tabs get it when they are next shown)."""
        self.view, self._now, self._hide_spoilers = view, now, hide_spoilers
        self._expected = None
        self.query_one(Overview).show_view(view, now)
        self._feed(self.active)

    def on_mount(self) -> None:
        self._built["seasons"] = self.query_one(Seasons)
        self._ready.add("seasons")

    def expect(self, show_id: str, tab: str, target: str | None = None) -> None:
        """A jump to a show (being read): a tab built before it arrives stays empty until then,
        instead of first drawing the show the jump left (the Seasons tab of a long show is drawn
        once, not twice). ``target`` (a person id on Cast, an episode key on Seasons) gets the
        cursor once the show is there."""
        if self.view is None or self.view.id != show_id:
            self._expected = show_id
        self._target = (tab, target) if target else None
        if self.view is not None and self.view.id == show_id:
            self._feed(tab)

    def _feed(self, tab: str) -> None:
        view = self.view
        widget = self._tab(tab)
        if view is None or widget is None or self._expected not in (None, view.id):
            return
        if tab != self.active:
            return  # given the show when it is next shown
        self._fed[tab] = view
        target = self._target[1] if self._target and self._target[0] == tab else None
        if target is not None:
            self._target = None
        if tab == "seasons":
            seasons = cast("Seasons", widget)
            seasons.show_view(view, self._now, self._hide_spoilers)
            if target is not None:
                seasons.select_episode(target)
        elif tab == "cast":
            people = cast("Cast", widget)
            people.show_view(view)
            if target is not None:
                people.select_person(target)
        elif tab == "news":
            cast("ShowNews", widget).set_show(view.id, load=self.active == "news")

    def reload_news(self) -> None:
        """Read state may have changed elsewhere: reread the News tab if it is showing."""
        news = self._tab("news")
        if self.view is not None and self.active == "news" and news is not None:
            cast("ShowNews", news).load()

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        tab = event.pane.id or ""
        if tab in LAZY_TABS and tab not in self._ready:
            await self._build(tab)
        elif self.view is not None and self._fed.get(tab) is not self.view:
            self._feed(tab)
        # news is read only when its tab is shown: finding a show's items reads every item
        news = self._tab("news")
        if tab == "news" and news is not None:
            cast("ShowNews", news).load(only_if_stale=True)

    def _build(self, tab: str) -> AwaitComplete:
        """Mount a lazy tab's widget (once; its mount is started now); what is returned is
        done when the widget is there, with the show and, if asked for, the focus."""
        if tab not in self._building:
            module, name, widget_id, _ = LAZY_TABS[tab]
            factory: _TabFactory = getattr(importlib.import_module(module), name)
            widget = self._built[tab] = factory(id=widget_id)
            mounted = self.query_one(f"#{tab}", TabPane).mount(widget)
            self._building[tab] = AwaitComplete(self._when_built(tab, mounted)).call_next(self)
        return self._building[tab]

    async def _when_built(self, tab: str, mounted: Awaitable[object]) -> None:
        await mounted
        focus = LAZY_TABS[tab][3]
        self._ready.add(tab)
        self._feed(tab)
        if self._focus_when_built == tab:
            self._focus_when_built = None
            self.screen.set_focus(self.query_one(focus))

    def update_view(self, view: ShowView, now: str, hide_spoilers: bool) -> None:
        """Marks or status changed: update figures in place (cursor and expansion stay)."""
        self.view, self._now, self._hide_spoilers = view, now, hide_spoilers
        self.query_one(Overview).update_progress(view, now)
        self._feed("seasons")

    def switch(self, tab: str) -> AwaitComplete:
        """Show ``tab`` and move the focus into its content (keys 1–4, jumps).

        The focus moves first: a focused widget left inside the tab being hidden would be
        replaced by its neighbour in that same tab, and ``TabbedContent`` follows the focus back
        to the old tab.

        The tab gets its show and the focus while the key is handled, not when ``TabActivated``
        comes round: a key sent with the digit (``2`` ``space`` from tmux, a paste) acts in the
        tab. A tab shown for the first time is built first: what is returned is done once it
        is, and the key's action waits for it, so the keys behind the digit wait too."""
        focused = self.screen.focused
        if focused is not None and self in focused.ancestors:
            self.screen.set_focus(None)
        self.active = tab
        if tab in LAZY_TABS and tab not in self._ready:
            self._focus_when_built = tab
            return self._build(tab)
        if self.view is not None and self._fed.get(tab) is not self.view:
            self._feed(tab)
        self.focus_active()
        return AwaitComplete()

    def focus_active(self) -> None:
        """Move focus into the active tab (``enter`` on the shows list, keys 1–4).

        The focus moves while the key is handled (``Screen.set_focus``), not a turn later
        (``Widget.focus``): keys sent in the same burst (``2`` ``space`` from tmux, a paste)
        are handed to whatever has the focus when each comes round, so ``space`` must find
        the tree focused."""
        tab = self.active
        if tab in LAZY_TABS:
            if self._tab(tab) is None:
                self._focus_when_built = tab  # focused as soon as the tab is built
                return
            self._focus_when_built = None
            self.screen.set_focus(self.query_one(LAZY_TABS[tab][3]))
            return
        self._focus_when_built = None
        self.screen.set_focus(self.query_one("#overview-tab"))
