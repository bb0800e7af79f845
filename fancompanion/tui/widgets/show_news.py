"""The News tab: items linked to this show, newest first, unread marked ``•``.

``enter`` opens the item in the News screen (which reads the stored text offline).
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from fancompanion.core.models import NewsItem
from fancompanion.core.timeutil import local_display
from fancompanion.tui.host import host_of

MUTED = "$text-muted"


class ShowNews(OptionList):
    DEFAULT_CSS = """
    ShowNews { height: 1fr; border: none; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ids: list[str] = []

    def show_news(self, items: list[NewsItem], read_ids: set[str]) -> None:
        self.clear_options()
        self._ids = [item.id for item in items]
        if not items:
            empty = Content.styled("No news about this show yet.", MUTED)
            self.add_option(Option(empty, disabled=True))
            return
        for item in items:
            unread = item.id not in read_ids
            date = local_display(item.published) or "undated"
            prompt = Content.assemble(
                ("• " if unread else "  ", "bold $accent"),
                (date, MUTED),
                "  ",
                (item.title, "bold" if unread else ""),
            )
            if item.source:
                prompt = Content.assemble(prompt, (f"  {item.source}", MUTED))
            self.add_option(Option(prompt))
        self.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._ids):
            host_of(self.app).open_news(self._ids[event.option_index])
