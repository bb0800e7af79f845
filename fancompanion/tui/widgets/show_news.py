"""The News tab: items linked to this show, newest first, unread marked ``•``.

``enter`` opens the item in the News screen (which reads the stored text offline).
Finding a show's items means reading every news item, so it happens in a thread worker and
only when the tab is shown, never while the fan moves through the shows list.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from fancompanion.core.models import NewsItem
from fancompanion.core.shield import Verdict, shield
from fancompanion.core.timeutil import local_display, now_iso
from fancompanion.tui import messages
from fancompanion.tui.host import host_of
from fancompanion.tui.keys import bindings
from fancompanion.tui.safe import line
from fancompanion.tui.shielded import is_hidden, revealed, shown_title
from fancompanion.tui.styles import HEADING, MUTED
from fancompanion.tui.workers import cancelled, run_in_thread


class ShowNews(OptionList):
    DEFAULT_CSS = """
    ShowNews { height: 1fr; border: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("show_news.open", "show_news.reveal")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ids: list[str] = []
        self._items: list[NewsItem] = []
        self._read_ids: set[str] = set()
        self._verdicts: dict[str, dict[str, Verdict]] = {}  # show id -> its shielded items
        self.show_id = ""
        self._loaded_for = ""
        self._open_when_read = False  # enter came while the items were being read

    def set_show(self, show_id: str, *, load: bool) -> None:
        if show_id != self.show_id:
            self.show_id = show_id
            self._loaded_for = ""
            self._open_when_read = False
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
            self._verdicts[show_id] = dict(shield(library, news, now_iso()).shielded)
            if not cancelled():
                self.post_message(messages.NewsLoaded(show_id, news, library.read_ids()))

        run_in_thread(self, read, group="show-news", description="Reading the show's news")

    def on_news_loaded(self, event: messages.NewsLoaded) -> None:
        event.stop()
        if event.show_id == self.show_id:
            self._loaded_for = event.show_id
            self.show_news(event.news, event.read_ids)
            if self._open_when_read:
                self._open_when_read = False
                self.action_select()

    def action_select(self) -> None:
        """``enter``; while the items are still being read (``4`` ``enter`` sent at once from
        tmux, a paste), the first item is opened once they are there."""
        if self._loaded_for != self.show_id:
            self._open_when_read = True
            return
        super().action_select()

    def show_news(self, items: list[NewsItem], read_ids: set[str]) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self._ids = [item.id for item in items]
        self._items, self._read_ids = list(items), read_ids
        verdicts = self._verdicts.get(self.show_id, {})
        if not items:
            empty = Content.styled("No news about this show yet.", MUTED)
            self.add_option(Option(empty, disabled=True))
            return
        for item in items:
            unread = item.id not in read_ids
            date = line(local_display(item.published)) or "undated"
            hidden = is_hidden(item, verdicts.get(item.id), self.app)
            prompt = Content.assemble(
                ("• " if unread else "  ", HEADING),
                (date, MUTED),
                "  ",
                (line(shown_title(item, verdicts.get(item.id), self.app)), "italic")
                if hidden
                else (line(item.title), "bold" if unread else ""),
            )
            if item.source:
                prompt = Content.assemble(prompt, (f"  {line(item.source)}", MUTED))
            self.add_option(Option(prompt))
        keep = highlighted if highlighted is not None and highlighted < len(items) else 0
        self.highlighted = keep

    def action_reveal(self) -> None:
        """Show the highlighted item's title though the spoiler shield hides it."""
        index = self.highlighted
        if index is None or not 0 <= index < len(self._ids):
            return
        news_id = self._ids[index]
        if news_id not in self._verdicts.get(self.show_id, {}) or news_id in revealed(self.app):
            self.app.notify(
                "Nothing hidden here: the spoiler shield only hides items that say too much."
            )
            return
        revealed(self.app).add(news_id)
        self.show_news(self._items, self._read_ids)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._ids):
            host_of(self.app).open_news(self._ids[event.option_index])
