"""The list of news items on the news screen: unread marked with •, sortable, filterable.

The order stays put while the fan marks items read or unread (only the mark changes), so the
cursor never jumps away; it is recomputed when the sort or the filter changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from fancompanion.core.models import NewsItem
from fancompanion.core.timeutil import local_display
from fancompanion.tui.keys import bindings
from fancompanion.tui.safe import line
from fancompanion.tui.widgets.filter_box import ListFilter

UNREAD_MARK = "•"
SOURCE_WIDTH = 10  # the least room for the source (an 80-column list is ~30 wide)


def news_prompt(item: NewsItem, unread: bool, hidden: str = "", width: int = 0) -> Content:
    """One row: the unread mark and title, then date and source (always literal text).
    ``hidden``: the spoiler shield's label, shown instead of the title. The source gets what
    the date leaves of the list's ``width`` on its line (at least 10)."""
    source = line(item.source)
    date = line(local_display(item.published)) or "undated"
    room = max(SOURCE_WIDTH, width - 2 - len(date) - 3 - 2)
    source = source if len(source) <= room else f"{source[: room - 1]}…"
    meta = " · ".join(p for p in (date, source) if p)
    return Content.assemble(
        (f"{UNREAD_MARK} " if unread else "  ", "bold"),
        (hidden, "italic")
        if hidden
        else (line(item.title) or "(untitled)", "bold" if unread else ""),
        "\n  ",
        (meta, "dim"),
    )


def matches(item: NewsItem, query: str, hidden: str = "") -> bool:
    """Case-insensitive: every word of the query appears in the title (the shield's label
    while hidden: a filter must not find words the fan cannot see) or source."""
    haystack = f"{hidden or item.title} {item.source} {item.feed}".casefold()
    return all(word in haystack for word in query.casefold().split())


class NewsFilter(ListFilter):
    """The News screen's ``/`` box: the list is filtered as each letter is typed."""

    LIST = "#news-list"

    def watch_value(self, value: str) -> None:
        self.screen.query_one(NewsList).set_query(value)


class NewsList(OptionList):
    """News items; the option id of each row is the news id.

    ``enter`` runs the screen's action at once instead of OptionList's ``Selected`` message:
    keys typed right after it (``tab`` into the mentions) must find the item already open."""

    BINDINGS = bindings("news.read")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._items: list[NewsItem] = []
        self._by_id: dict[str, NewsItem] = {}
        self._read: set[str] = set()
        self._query = ""
        self._hidden: dict[str, str] = {}  # news id -> the spoiler shield's label
        self.unread_first = True

    @property
    def shown(self) -> list[str]:
        """The ids of the rows on screen, top to bottom."""
        return [option.id for option in self.options if option.id is not None]

    @property
    def unread_count(self) -> int:
        return sum(1 for item in self._items if item.id not in self._read)

    def item(self, news_id: str) -> NewsItem | None:
        return self._by_id.get(news_id)

    def is_read(self, news_id: str) -> bool:
        return news_id in self._read

    def load(
        self, items: Iterable[NewsItem], read: set[str], hidden: dict[str, str] | None = None
    ) -> None:
        """Take the items (newest first, as the library gives them), the read marks and the
        labels of the items the spoiler shield hides."""
        self._items = list(items)
        self._by_id = {item.id: item for item in self._items}
        self._read = set(read)
        self._hidden = dict(hidden or {})
        self._rebuild()

    def hidden(self, news_id: str) -> str:
        """The shield's label while the item is hidden, else ""."""
        return self._hidden.get(news_id, "")

    def reveal(self, news_id: str) -> None:
        """Show the item's own title from now on (the row keeps its place)."""
        self._hidden.pop(news_id, None)
        self.set_read(news_id, news_id in self._read)

    def set_query(self, query: str) -> None:
        self._query = query
        self._rebuild()

    def set_unread_first(self, unread_first: bool) -> None:
        self.unread_first = unread_first
        self._rebuild()

    def set_read(self, news_id: str, read: bool) -> None:
        """Change one mark in place (the row keeps its position)."""
        if read:
            self._read.add(news_id)
        else:
            self._read.discard(news_id)
        item = self._by_id.get(news_id)
        if item is not None and news_id in self.shown:
            width = self.scrollable_content_region.width
            prompt = news_prompt(item, not read, self.hidden(news_id), width)
            self.replace_option_prompt(news_id, prompt)

    def select_id(self, news_id: str) -> bool:
        """Move the cursor to an item; False when it is not shown."""
        try:
            self.highlighted = self.get_option_index(news_id)
        except OptionDoesNotExist:  # filtered out or unknown
            return False
        return True

    def _rebuild(self) -> None:
        current = self.highlighted_option.id if self.highlighted_option is not None else None
        items = [item for item in self._items if matches(item, self._query, self.hidden(item.id))]
        width = self.scrollable_content_region.width
        if self.unread_first:
            # Stable sort: within read and unread the library's newest-first order remains.
            items.sort(key=lambda item: item.id in self._read)
        self.set_options(
            Option(
                news_prompt(item, item.id not in self._read, self.hidden(item.id), width),
                id=item.id,
            )
            for item in items
        )
        kept = current is not None and self.select_id(current)
        if items and not kept:
            self.highlighted = 0
