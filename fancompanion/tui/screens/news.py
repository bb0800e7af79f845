"""The news screen (``n``): every news item, read offline from the store.

The list is loaded in a thread, the reader loads an item's stored body in a thread, and read
marks are saved in a thread, so no keystroke waits on the disk.
"""

from __future__ import annotations

from dataclasses import replace

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static

from fancompanion.core.library import Library, StoreError
from fancompanion.core.models import NewsItem
from fancompanion.core.shield import shield
from fancompanion.core.text import clean_url
from fancompanion.core.timeutil import now_iso
from fancompanion.tui.host import host_of
from fancompanion.tui.keys import bindings
from fancompanion.tui.safe import content, line
from fancompanion.tui.shielded import HIDDEN_TEXT, revealed
from fancompanion.tui.widgets.news_list import NewsList
from fancompanion.tui.widgets.reader import Link, Reader


class NewsScreen(Screen[None]):
    CSS_PATH = "news.tcss"
    BINDINGS = bindings(
        "screen.back",
        "news.filter",
        "news.sort",
        "news.toggle_read",
        "news.reveal",
        "news.open_url",
    )

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.current: NewsItem | None = None
        self._show_names: dict[str, str] = {}
        self._person_names: dict[str, str] = {}
        self._loaded = False
        self._pending: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="news-main"):
            with Vertical(id="news-left"):
                yield Input(placeholder="Filter news  (/)", id="news-filter")
                yield NewsList(id="news-list")
                yield Static(id="feed-errors")
            yield Reader(id="reader")
        yield Footer()

    @property
    def news_list(self) -> NewsList:
        return self.query_one(NewsList)

    def on_mount(self) -> None:
        self.news_list.border_title = "Unread first"
        self.news_list.focus()
        self._load()

    def select(self, news_id: str) -> None:
        """Open one item (the palette and the library's news tab jump here)."""
        if not self._loaded:
            self._pending = news_id
            return
        self.query_one("#news-filter", Input).value = ""
        self.news_list.set_query("")
        if self.news_list.select_id(news_id):
            self._open(news_id, mark=True)

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read and judge the list again (the spoiler shield's settings changed)."""
        self._load()

    @work(thread=True, exclusive=True, group="news-load", description="Loading news")
    def _load(self) -> None:
        items = self.library.news()
        read = self.library.read_ids()
        verdicts = shield(self.library, items, now_iso()).shielded
        seen = revealed(self.app)
        hidden = {i: v.label() for i, v in verdicts.items() if i not in seen}
        shows = {s.id: s.name for s in self.library.store.catalog.summaries()}
        people = {pid: e.person.name for pid, e in self.library.store.catalog.people().items()}
        errors = self.library.feed_errors()
        self.app.call_from_thread(self._loaded_news, items, read, shows, people, errors, hidden)

    def _loaded_news(
        self,
        items: list[NewsItem],
        read: set[str],
        shows: dict[str, str],
        people: dict[str, str],
        errors: list[tuple[str, str]],
        hidden: dict[str, str],
    ) -> None:
        self._show_names, self._person_names = shows, people
        self._show_feed_errors(errors)
        self.news_list.load(items, read, hidden)
        self._loaded = True
        self._update_counts()
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.select(pending)

    def _show_feed_errors(self, errors: list[tuple[str, str]]) -> None:
        """Feeds whose last refresh failed, under the list (hidden when every feed is fine)."""
        panel = self.query_one("#feed-errors", Static)
        panel.display = bool(errors)
        if errors:
            lines = [f"⚠ {line(title)}: {line(error)}" for title, error in errors]
            panel.update(content("\n".join(lines), multiline=True))

    def _update_counts(self) -> None:
        shown = len(self.news_list.shown)
        self.news_list.border_subtitle = f"{shown} shown · {self.news_list.unread_count} unread"

    # -- reading ------------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#news-list")
    def _preview(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self._open(event.option.id, mark=False)

    @on(OptionList.OptionSelected, "#news-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self._open(event.option.id, mark=True)
            self.query_one(Reader).focus()

    def _open(self, news_id: str, *, mark: bool) -> None:
        item = self.news_list.item(news_id)
        if item is None:
            return
        self.current = item
        self._read_text(item)
        if self.news_list.hidden(news_id):
            return  # not read while the shield hides it
        if mark and not self.news_list.is_read(news_id):
            self._set_read(item, True)

    @work(thread=True, exclusive=True, group="news-text", description="Reading stored text")
    def _read_text(self, item: NewsItem) -> None:
        text = self.library.news_text(item.id)
        self.app.call_from_thread(self._show_text, item, text)

    def _show_text(self, item: NewsItem, text: str) -> None:
        if self.current is None or self.current.id != item.id:
            return  # the fan moved on while the text loaded
        label = self.news_list.hidden(item.id)
        if label:  # the spoiler shield: date, source and links, no title or text
            item, text = replace(item, title=label, summary=""), HIDDEN_TEXT
        links = [
            Link("show", sid, self._show_names[sid])
            for sid in item.show_ids
            if sid in self._show_names
        ]
        links += [
            Link("person", pid, self._person_names[pid])
            for pid in item.person_ids
            if pid in self._person_names
        ]
        self.query_one(Reader).show(item, text, links)

    def _set_read(self, item: NewsItem, read: bool) -> None:
        self.news_list.set_read(item.id, read)
        self._update_counts()
        self._save_read(item.id, read)

    @work(thread=True, group="news-read", description="Saving read mark")
    def _save_read(self, news_id: str, read: bool) -> None:
        try:
            self.library.set_read(news_id, read)
        except StoreError as error:
            self.app.call_from_thread(self._save_failed, news_id, read, str(error))

    def _save_failed(self, news_id: str, read: bool, message: str) -> None:
        self.news_list.set_read(news_id, not read)
        self._update_counts()
        self.notify(
            line(message), title="Could not save the read mark", severity="error", markup=False
        )

    # -- links --------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#reader-links")
    def _link_selected(self, event: OptionList.OptionSelected) -> None:
        kind, _, target = (event.option.id or "").partition(":")
        if kind == "show":
            host_of(self.app).open_show(target, "news")
        elif kind == "person":
            self._open_person(target, self.current.show_ids if self.current else ())

    @work(thread=True, group="news-person", description="Finding the person's shows")
    def _open_person(self, person_id: str, prefer: tuple[str, ...]) -> None:
        works = self.library.work_of(person_id)
        shows = [w.show_id for w in works]
        target = next((s for s in prefer if s in shows), shows[0] if shows else None)
        if target is None:
            self.app.call_from_thread(self.notify, "This person is in no show of your library.")
        else:
            self.app.call_from_thread(host_of(self.app).open_show, target, "cast")

    # -- keys ---------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss()

    def action_filter(self) -> None:
        self.query_one("#news-filter", Input).focus()

    @on(Input.Changed, "#news-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.news_list.set_query(event.value)
        self._update_counts()

    @on(Input.Submitted, "#news-filter")
    def _filter_done(self) -> None:
        self.news_list.focus()

    def action_toggle_sort(self) -> None:
        unread_first = not self.news_list.unread_first
        self.news_list.set_unread_first(unread_first)
        self.news_list.border_title = "Unread first" if unread_first else "Newest first"

    def action_reveal(self) -> None:
        """Show an item the spoiler shield hides (for the rest of this run of the app)."""
        item = self.current
        if item is None or not self.news_list.hidden(item.id):
            self.notify(
                "Nothing hidden here: the spoiler shield only hides items that say too much."
            )
            return
        revealed(self.app).add(item.id)
        self.news_list.reveal(item.id)
        self._open(item.id, mark=True)

    def action_toggle_read(self) -> None:
        if self.current is None:
            self.notify("Select a news item first.")
            return
        self._set_read(self.current, not self.news_list.is_read(self.current.id))

    def action_open_url(self) -> None:
        if self.current is None:
            self.notify("Select a news item first.")
            return
        url = clean_url(self.current.url)
        if url is None:
            self.notify("This item has no web link; its stored text is all there is.")
            return
        self.app.open_url(url)
        self.notify(f"Opening {url}", title="Browser", markup=False)
