"""The News tab: items linked to this show, newest first, unread marked ``•``.

``enter`` opens the item in the News screen (which reads the stored text offline).
Finding a show's items means reading every news item, so it happens in a thread worker and
only when the tab is shown, never while the fan moves through the shows list.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from fancompanion.core.models import NewsItem
from fancompanion.core.timeutil import local_display
from fancompanion.tui import messages
from fancompanion.tui.host import host_of
from fancompanion.tui.safe import line
from fancompanion.tui.styles import HEADING, MUTED
from fancompanion.tui.workers import cancelled, run_in_thread


class ShowNews(OptionList):
    DEFAULT_CSS = """
    ShowNews { height: 1fr; border: none; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ids: list[str] = []
        self.show_id = ""
        self._loaded_for = ""

    def set_show(self, show_id: str, *, load: bool) -> None:
        if show_id != self.show_id:
            self.show_id = show_id
            self._loaded_for = ""
            self.clear_options()
            self._ids = []
            self.add_option(Option(Content.styled("Reading news…", MUTED), disabled=True))
        if load:
            self.load(only_if_stale=True)

    def load(self, *, only_if_stale: bool = False) -> None:
        show_id = self.show_id
        if not show_id or (only_if_stale and self._loaded_for == show_id):
            return
        library = host_of(self.app).library

        def read() -> None:
            news = library.news_for_show(show_id)
            if not cancelled():
                self.post_message(messages.NewsLoaded(show_id, news, library.read_ids()))

        run_in_thread(self, read, group="show-news", description="Reading the show's news")

    def on_news_loaded(self, event: messages.NewsLoaded) -> None:
        event.stop()
        if event.show_id == self.show_id:
            self._loaded_for = event.show_id
            self.show_news(event.news, event.read_ids)

    def show_news(self, items: list[NewsItem], read_ids: set[str]) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self._ids = [item.id for item in items]
        if not items:
            empty = Content.styled("No news about this show yet.", MUTED)
            self.add_option(Option(empty, disabled=True))
            return
        for item in items:
            unread = item.id not in read_ids
            date = line(local_display(item.published)) or "undated"
            prompt = Content.assemble(
                ("• " if unread else "  ", HEADING),
                (date, MUTED),
                "  ",
                (line(item.title), "bold" if unread else ""),
            )
            if item.source:
                prompt = Content.assemble(prompt, (f"  {line(item.source)}", MUTED))
            self.add_option(Option(prompt))
        keep = highlighted if highlighted is not None and highlighted < len(items) else 0
        self.highlighted = keep

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._ids):
            host_of(self.app).open_news(self._ids[event.option_index])
