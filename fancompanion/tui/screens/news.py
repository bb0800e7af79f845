"""The news screen (``n``): every news item, read offline from the store.

The list is loaded in a thread, the reader loads an item's stored body in a thread, and read
marks are saved in a thread, so no keystroke waits on the disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from msgspec.structs import replace
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static

from fancompanion.core.commands import SetRead
from fancompanion.core.library import Library
from fancompanion.core.models import NewsItem
from fancompanion.core.shield import shield
from fancompanion.core.text import clean_url
from fancompanion.core.timeutil import now_iso
from fancompanion.tui.host import host_of
from fancompanion.tui.keys import bindings
from fancompanion.tui.messages import StoreChanged, WorkLoaded
from fancompanion.tui.safe import content, line
from fancompanion.tui.shielded import HIDDEN_TEXT, revealed
from fancompanion.tui.widgets.footer import KeysFooter
from fancompanion.tui.widgets.news_list import NewsFilter, NewsList
from fancompanion.tui.widgets.reader import Link, Reader
from fancompanion.tui.workers import WorkFailed, run_in_thread


@dataclass
class NewsLoaded(Message):
    items: list[NewsItem]
    read: set[str]
    shows: dict[str, str]
    people: dict[str, str]
    errors: list[tuple[str, str]]
    hidden: dict[str, str]


@dataclass
class TextLoaded(Message):
    item: NewsItem
    text: str


class NewsScreen(Screen[None]):
    CSS_PATH = "news.tcss"
    # the list, as the screen starts: keys typed in the same burst as ``n`` (``n/punisher``)
    # find it focused (``Widget.focus`` waits a turn; the default would give them the box)
    AUTO_FOCUS = "#news-list"
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
        self._waiting: list[Callable[[], None]] = []  # keys typed before the list was read
        self._prefer: tuple[str, ...] = ()  # shows a person link should open first

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="news-main"):
            with Vertical(id="news-left"):
                yield NewsFilter(placeholder="Filter news  (/)", id="news-filter")
                yield NewsList(id="news-list")
                yield Static(id="feed-errors")
            yield Reader(id="reader")
        yield KeysFooter()

    @property
    def news_list(self) -> NewsList:
        return self.query_one(NewsList)

    def on_mount(self) -> None:
        self.news_list.border_title = "Unread first"
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

    def _load(self) -> None:
        library, app = self.library, self.app

        def load() -> None:
            items = library.news()
            read = library.read_ids()
            verdicts = shield(library, items, now_iso()).shielded
            seen = revealed(app)
            hidden = {i: v.label() for i, v in verdicts.items() if i not in seen}
            shows = {s.id: s.name for s in library.summaries()}
            people = {pid: e.person.name for pid, e in library.store.catalog.people().items()}
            errors = library.feed_errors()
            self.post_message(NewsLoaded(items, read, shows, people, errors, hidden))

        run_in_thread(self, load, group="news-load", description="Loading news")

    def on_news_loaded(self, event: NewsLoaded) -> None:
        self._show_names, self._person_names = event.shows, event.people
        self._show_feed_errors(event.errors)
        self.news_list.load(event.items, event.read, event.hidden)
        self._loaded = True
        self._update_counts()
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.select(pending)
        waiting, self._waiting = self._waiting, []
        for action in waiting:
            action()

    def _when_loaded(self, action: Callable[[], None]) -> bool:
        """False, and ``action`` kept for when the list is read, while it is not yet: a key
        typed in the same burst as ``n`` (``n/punisher`` ``enter`` ``m``) acts on the list the
        fan would have seen had they waited."""
        if self._loaded:
            return True
        self._waiting.append(action)
        return False

    def on_work_failed(self, event: WorkFailed) -> None:
        """The news could not be read (a damaged file): say so where the list would be."""
        if event.group == "news-load":
            self.news_list.border_subtitle = "could not be read"
            self.query_one(Reader).show_problem(event.message)

    def on_store_changed(self, event: StoreChanged) -> None:
        """Read marks changed (undo, another process) or news arrived: reread the list."""
        self._load()

    def _show_feed_errors(self, errors: list[tuple[str, str]]) -> None:
        """Feeds whose last refresh failed, under the list (hidden when every feed is fine)."""
        panel = self.query_one("#feed-errors", Static)
        panel.display = bool(errors)
        if errors:
            # one line per feed, cut with an ellipsis: a URL is never folded mid-way
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
        """A click on a row (``enter`` is :meth:`action_read_highlighted`)."""
        if event.option.id is not None:
            self._read(event.option.id)

    def action_read_highlighted(self) -> None:
        if not self._when_loaded(self.action_read_highlighted):
            return
        option = self.news_list.highlighted_option
        if option is not None and option.id is not None:
            self._read(option.id)

    def _read(self, news_id: str) -> None:
        self._open(news_id, mark=True)
        self.set_focus(self.query_one(Reader))  # now, not later: the next key goes there

    def _open(self, news_id: str, *, mark: bool) -> None:
        item = self.news_list.item(news_id)
        if item is None:
            return
        self.current = item
        self.query_one(Reader).show_head(self._as_shown(item), self._links(item))
        self._read_text(item)
        if self.news_list.hidden(news_id):
            return  # not read while the shield hides it
        if mark and not self.news_list.is_read(news_id):
            # opening an item reads it: saved quietly, not a change to undo
            self.news_list.set_read(item.id, True)
            self._update_counts()
            library = self.library
            run_in_thread(
                self,
                lambda: library.apply(SetRead((item.id,), True)),
                group="news-read",
                description="Saving the read mark",
                exclusive=False,
            )

    def _as_shown(self, item: NewsItem) -> NewsItem:
        """The item as the spoiler shield lets it show: date, source and links, no title."""
        label = self.news_list.hidden(item.id)
        return replace(item, title=label, summary="") if label else item

    def _links(self, item: NewsItem) -> list[Link]:
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
        return links

    def _read_text(self, item: NewsItem) -> None:
        library = self.library

        def read() -> None:
            self.post_message(TextLoaded(item, library.news_text(item.id)))

        run_in_thread(self, read, group="news-text", description="Reading stored text")

    def on_text_loaded(self, event: TextLoaded) -> None:
        item, text = event.item, event.text
        if self.current is None or self.current.id != item.id:
            return  # the fan moved on while the text loaded
        if self.news_list.hidden(item.id):
            item, text = self._as_shown(item), HIDDEN_TEXT
        self.query_one(Reader).show_body(item, text)

    # -- links --------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#reader-links")
    def _link_selected(self, event: OptionList.OptionSelected) -> None:
        kind, _, target = (event.option.id or "").partition(":")
        if kind == "show":
            host_of(self.app).open_show(target, "news")
        elif kind == "person":
            self._open_person(target, self.current.show_ids if self.current else ())

    def _open_person(self, person_id: str, prefer: tuple[str, ...]) -> None:
        library = self.library

        def find() -> None:
            works = library.work_of(person_id)
            self.post_message(WorkLoaded(person_id, "", works))

        self._prefer = prefer
        run_in_thread(self, find, group="news-person", description="Finding the person's shows")

    def on_work_loaded(self, event: WorkLoaded) -> None:
        shows = [w.show_id for w in event.works]
        target = next((s for s in self._prefer if s in shows), shows[0] if shows else None)
        if target is None:
            self.notify("This person is in no show of your library.")
        else:
            host_of(self.app).open_show(target, "cast", event.person_id)

    # -- keys ---------------------------------------------------------------------------------

    def action_back(self) -> None:
        """``esc``: clear the filter first (when there is one), then leave."""
        box = self.query_one("#news-filter", Input)
        if box.value:
            box.value = ""
            self.set_focus(self.news_list)  # now: the next key of a burst goes to the list
            return
        self.dismiss()

    def action_filter(self) -> None:
        # now, not later: the letters typed right after "/" (a paste, tmux) must reach the box
        self.set_focus(self.query_one(NewsFilter))

    @on(Input.Changed, "#news-filter")
    def _filtered(self) -> None:
        self._update_counts()  # (the box filters the list itself, as each letter is typed)

    def action_toggle_sort(self) -> None:
        unread_first = not self.news_list.unread_first
        self.news_list.set_unread_first(unread_first)
        self.news_list.border_title = "Unread first" if unread_first else "Newest first"

    def _under_cursor(self) -> NewsItem | None:
        """The item ``m``, ``o`` and ``s`` act on: the one under the list's cursor, opened in
        the reader now if its preview has not come round yet (the key was typed in the same
        burst as the filter that moved the cursor: ``/punisher`` ``enter`` ``m``). None when
        the list shows nothing: the item left in the reader is no longer among those shown."""
        option = self.news_list.highlighted_option
        if option is None or option.id is None:
            return None
        if self.current is None or self.current.id != option.id:
            self._open(option.id, mark=False)
        return self.current

    def action_reveal(self) -> None:
        """Show an item the spoiler shield hides (for the rest of this run of the app)."""
        if not self._when_loaded(self.action_reveal):
            return
        item = self._under_cursor()
        if item is None or not self.news_list.hidden(item.id):
            self.notify(
                "Nothing hidden here: the spoiler shield only hides items that say too much."
            )
            return
        revealed(self.app).add(item.id)
        self.news_list.reveal(item.id)
        self._open(item.id, mark=True)

    def action_toggle_read(self) -> None:
        if not self._when_loaded(self.action_toggle_read):
            return
        item = self._under_cursor()
        if item is None:
            self.notify("Select a news item first.")
            return
        read = not self.news_list.is_read(item.id)
        self.news_list.set_read(item.id, read)
        self._update_counts()
        # named as the row names it: a shielded item by the shield's label, through undo too
        title = line(self._as_shown(item).title)
        host_of(self.app).apply_change(SetRead((item.id,), read), title=title)

    def action_open_url(self) -> None:
        if not self._when_loaded(self.action_open_url):
            return
        item = self._under_cursor()
        if item is None:
            self.notify("Select a news item first.")
            return
        url = clean_url(item.url)
        if url is None:
            self.notify("This item has no web link; its stored text is all there is.")
            return
        self.app.open_url(url)
        self.notify(f"Opening {url}", title="Browser", markup=False)
