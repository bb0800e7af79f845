"""Add a show (``a``): search TVmaze, pick a hit, and it is fetched into the library.

The search and the fetch run in thread workers through the fetch layer (the one HTTP client,
with its timeouts and polite pacing); results come back as messages. No network is said in one
line, and the dialog stays open to try again. The screen dismisses with the new show's id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from fancompanion.core.library import Library
from fancompanion.tui.keys import bindings
from fancompanion.tui.safe import line
from fancompanion.tui.styles import MUTED
from fancompanion.tui.workers import WorkFailed, run_in_thread

if TYPE_CHECKING:
    from fancompanion.fetch.tvmaze import SearchHit

PROMPT = "Type a show's name and press enter to search TVmaze."


@dataclass
class HitsFound(Message):
    query: str
    hits: list[SearchHit]


@dataclass
class ShowAdded(Message):
    show_id: str
    name: str


@dataclass
class Unreachable(Message):
    """TVmaze could not be reached (no network, an HTTP error): an expected outcome, said in
    the dialog's one line and nowhere else (not a failure for the app's handler)."""

    reason: str


class AddShowScreen(ModalScreen[str | None]):
    DEFAULT_CSS = """
    AddShowScreen { align: center middle; }
    AddShowScreen > #add {
        width: 72; max-width: 100%; height: auto; max-height: 90%; padding: 0 1;
        border: round $accent; background: $surface;
    }
    AddShowScreen #add-hits { height: auto; max-height: 14; border: none; }
    AddShowScreen #add-status { color: $text-muted; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = bindings("screen.back")

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.hits: list[SearchHit] = []
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(id="add") as box:
            box.border_title = "Add a show"
            box.border_subtitle = "esc closes"
            yield Input(placeholder="Show name", id="add-query")
            yield Static(Content.styled(PROMPT, MUTED), id="add-status")
            yield OptionList(id="add-hits")

    def on_mount(self) -> None:
        self.query_one("#add-hits", OptionList).display = False
        self.query_one("#add-query", Input).focus()

    def _say(self, text: str) -> None:
        self.query_one("#add-status", Static).update(Content(text))

    # -- searching ------------------------------------------------------------------------------

    @on(Input.Submitted, "#add-query")
    def _search(self, event: Input.Submitted) -> None:
        query = event.value.strip()
        if not query or self.busy:
            return
        self._say(f"Searching TVmaze for “{line(query)}”…")

        def search() -> None:
            from fancompanion.fetch.http import FetchError, Http
            from fancompanion.fetch.tvmaze import TvMaze

            try:
                with Http() as http:
                    hits = TvMaze(http).search(query)
            except FetchError as error:
                self.post_message(Unreachable(_reason(error)))
                return
            self.post_message(HitsFound(query, hits))

        run_in_thread(self, search, group="add-search", description="Searching TVmaze")

    def on_hits_found(self, event: HitsFound) -> None:
        self.hits = event.hits
        hits = self.query_one("#add-hits", OptionList)
        hits.clear_options()
        hits.display = bool(event.hits)
        if not event.hits:
            self._say(f"No show on TVmaze matches “{line(event.query)}”.")
            return
        for index, hit in enumerate(event.hits):
            details = " · ".join(p for p in (hit.years, hit.network or "") if p)
            prompt = Content.assemble((line(hit.name), "bold"), (f"  {line(details)}", MUTED))
            hits.add_option(Option(prompt, id=str(index)))
        hits.highlighted = 0
        hits.focus()
        self._say(f"{len(event.hits)} found — enter adds the highlighted show.")

    # -- adding ---------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#add-hits")
    def _add(self, event: OptionList.OptionSelected) -> None:
        if self.busy:
            return
        hit = self.hits[event.option_index]
        self.busy = True
        self._say(f"Adding {line(hit.name)}: fetching its episodes, cast and crew…")
        store = self.library.store

        def add() -> None:
            from fancompanion.core.linking import link_news
            from fancompanion.fetch.http import FetchError, Http
            from fancompanion.fetch.progress import RefreshReport
            from fancompanion.fetch.refresh import add_show
            from fancompanion.fetch.tvmaze import TvMaze

            try:
                with Http() as http:
                    show_id = add_show(store, TvMaze(http), hit.tvmaze_id, RefreshReport())
            except FetchError as error:
                self.post_message(Unreachable(_reason(error)))
                return
            link_news(store)
            self.post_message(ShowAdded(show_id, hit.name))

        run_in_thread(self, add, group="add-show", description="Adding the show")

    def on_show_added(self, event: ShowAdded) -> None:
        self.dismiss(event.show_id)

    def on_unreachable(self, event: Unreachable) -> None:
        """No network: one line in the dialog, which stays open to try again."""
        self.busy = False
        self._say(line(event.reason))

    def on_work_failed(self, event: WorkFailed) -> None:
        """An unexpected failure: the app has notified it; the dialog says it too and stays
        open."""
        self.busy = False
        self._say(event.message)

    def action_back(self) -> None:
        self.dismiss(None)


def _reason(error: Exception) -> str:
    offline = getattr(error, "offline", False)
    if offline:
        return "No network: TVmaze could not be reached; try again when online."
    return str(error)
