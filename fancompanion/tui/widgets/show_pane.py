"""The right side of the library: the selected show in four tabs (1–4 or the mouse)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import TabbedContent, TabPane

from fancompanion.core.library import ShowView
from fancompanion.tui.widgets.cast import Cast
from fancompanion.tui.widgets.overview import Overview
from fancompanion.tui.widgets.seasons import Seasons
from fancompanion.tui.widgets.show_news import ShowNews

TABS = ("overview", "seasons", "cast", "news")


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

    def compose(self) -> ComposeResult:
        with TabbedContent(initial="overview"):
            with TabPane("1 Overview", id="overview"):
                yield Overview(id="overview-tab")
            with TabPane("2 Seasons", id="seasons"):
                yield Seasons(id="seasons-tab")
            with TabPane("3 Cast & Crew", id="cast"):
                yield Cast(id="cast-tab")
            with TabPane("4 News", id="news"):
                yield ShowNews(id="news-tab")

    @property
    def active(self) -> str:
        return self.query_one(TabbedContent).active

    @active.setter
    def active(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def show_view(self, view: ShowView, now: str, hide_spoilers: bool) -> None:
        """Show a newly opened (or reread) show in every tab."""
        self.view = view
        self.query_one(Overview).show_view(view, now)
        self.query_one(Seasons).show_view(view, now, hide_spoilers)
        self.query_one(Cast).show_view(view)
        self.query_one(ShowNews).set_show(view.id, load=self.active == "news")

    def reload_news(self) -> None:
        """Read state may have changed elsewhere: reread the News tab if it is showing."""
        if self.view is not None and self.active == "news":
            self.query_one(ShowNews).load()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        # news is read only when its tab is shown: finding a show's items reads every item
        if event.pane.id == "news":
            self.query_one(ShowNews).load(only_if_stale=True)

    def update_view(self, view: ShowView, now: str, hide_spoilers: bool) -> None:
        """Marks or status changed: update figures in place (cursor and expansion stay)."""
        self.view = view
        self.query_one(Overview).update_progress(view, now)
        self.query_one(Seasons).show_view(view, now, hide_spoilers)

    def focus_active(self) -> None:
        """Move focus into the active tab (``enter`` on the shows list)."""
        targets = {
            "overview": "#overview-tab",
            "seasons": "#seasons-tree",
            "cast": "#cast-people",
            "news": "#news-tab",
        }
        self.query_one(targets.get(self.active, "#overview-tab")).focus()
