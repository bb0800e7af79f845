"""The reader pane of the news screen: one item's stored text, read offline.

Everything here comes from the store and is shown as literal text (``Content``), never markup:
a title like ``[@click=app.quit]`` is just characters.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from fancompanion.core.models import NewsItem
from fancompanion.core.text import clean_url
from fancompanion.core.timeutil import local_display
from fancompanion.tui.safe import content, line, plain


@dataclass(frozen=True, slots=True)
class Link:
    """A show or person a news item mentions; ``kind`` is "show" or "person"."""

    kind: str
    id: str
    name: str

    @property
    def option_id(self) -> str:
        return f"{self.kind}:{self.id}"


def meta_line(item: NewsItem) -> Content:
    when = line(local_display(item.published, with_time=True)) or "undated"
    source = line(item.source or item.feed)
    parts: list[str | tuple[str, str]] = [(source, "bold"), "  ", when]
    if item.author and item.author != source:
        parts += ["  ", ("by ", "dim"), line(item.author)]
    url = clean_url(item.url)
    parts += ["\n", (url or "no web link (stored text only)", "dim")]
    return Content.assemble(*parts)


def paragraphs(text: str) -> str:
    """Stored text reads as paragraphs: one blank line between them (stored text keeps one
    paragraph per line)."""
    return "\n\n".join(p.strip() for p in text.splitlines() if p.strip())


class Reader(VerticalScroll, can_focus=True):
    """Title, source and date, the full stored text, and the linked shows and people."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._item_id: str | None = None
        self._link_ids: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(
            Content("Select a news item to read it — it is stored, no network needed."),
            id="reader-title",
        )
        yield Static(Content(""), id="reader-meta")
        yield Static(Content(""), id="reader-body")
        yield Label(Content("Mentions (enter opens the show)"), id="reader-links-label")
        yield OptionList(id="reader-links", markup=False)

    def show_problem(self, message: str) -> None:
        """The news could not be read: say what is damaged and how to repair it."""
        self.query_one("#reader-title", Static).update(Content("The news could not be read"))
        self.query_one("#reader-meta", Static).update(Content(line(message)))

    def show_head(self, item: NewsItem, links: list[Link]) -> None:
        """Title, source, date and mentions: known at once, so ``tab`` ``enter`` never waits.

        The same item shown again (a preview, then ``enter``) keeps the mention under the cursor:
        the fan may already have moved it.
        """
        self.query_one("#reader-title", Static).update(content(item.title or "(untitled)"))
        self.query_one("#reader-meta", Static).update(meta_line(item))
        ids = [link.option_id for link in links]
        if item.id != self._item_id:
            self._item_id = item.id
            self.query_one("#reader-body", Static).update(Content(""))
            self.scroll_home(animate=False)
        options = self.query_one("#reader-links", OptionList)
        if ids != self._link_ids:
            self._link_ids = ids
            options.set_options(
                Option(
                    Content.assemble(
                        ("Show   " if link.kind == "show" else "Person ", "dim"), line(link.name)
                    ),
                    id=link.option_id,
                )
                for link in links
            )
            if links:
                options.highlighted = 0  # tab then enter follows the first mention
        self.set_class(bool(links), "-has-links")

    def show_body(self, item: NewsItem, text: str) -> None:
        """The stored text, read in a thread; an item the fan has left is not shown."""
        if item.id != self._item_id:
            return
        body = paragraphs(plain(text)) or paragraphs(plain(item.summary))
        if not body:
            body = "No text was stored for this item."
            if clean_url(item.url):
                body += " Press o to open the original article in your browser."
        self.query_one("#reader-body", Static).update(Content(body))
