"""The Cast & Crew tab: actors with their characters, then crew by job; a person's other work.

Choosing a person (``enter`` or a click) reads their credits across the library in a thread
worker (the people index grows with the library) and lists them below; ``enter`` on a show there
jumps to it.
"""

from __future__ import annotations

from itertools import groupby
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from fancompanion.core.library import ShowView
from fancompanion.core.models import Credit
from fancompanion.tui import messages
from fancompanion.tui.host import host_of
from fancompanion.tui.keys import bindings
from fancompanion.tui.safe import line
from fancompanion.tui.styles import HEADING, MUTED
from fancompanion.tui.widgets.hanging import Hanging
from fancompanion.tui.workers import cancelled, run_in_thread

CHOOSE = "Press enter on a person to see their work in your library."


class People(OptionList):
    """The cast and crew. ``enter`` is OptionList's own (a hidden binding): bound again here
    with the footer text that says what it does."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("cast.work")]


class Work(OptionList):
    """The chosen person's shows; ``enter`` opens one (said in the footer, as for People)."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("cast.open")]


class Cast(Vertical):
    DEFAULT_CSS = """
    Cast {
        /* A constant width: option heights are measured before a scrollbar appears, so a
           row that wraps only once the bar takes two columns would lose its second line. */
        #cast-people { height: 1fr; border: none; scrollbar-gutter: stable; }
        #cast-work-panel { height: auto; max-height: 45%; border-top: solid $border-blurred; }
        #cast-work-title { padding: 0 1; color: $text-muted; }
        #cast-work { height: auto; border: none; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.show_id = ""
        self._people: dict[str, tuple[str, str]] = {}  # option id -> (person id, name)
        self._work_ids: list[str] = []

    def compose(self) -> ComposeResult:
        yield People(id="cast-people")
        with Vertical(id="cast-work-panel"):
            yield Static(Content.styled(CHOOSE, MUTED), id="cast-work-title")
            yield Work(id="cast-work")

    def show_view(self, view: ShowView) -> None:
        if view.id == self.show_id:
            return
        self.show_id = view.id
        names = {p.id: p.name for p in view.record.people}
        people = self.query_one("#cast-people", OptionList)
        people.clear_options()
        self._people.clear()
        options: list[Option | None] = []
        cast = sorted((c for c in view.record.credits if c.kind == "cast"), key=lambda c: c.order)
        crew = sorted(
            (c for c in view.record.credits if c.kind != "cast"), key=lambda c: (c.role, c.order)
        )
        if cast:
            options.append(_heading("Cast"))
            options.extend(
                self._option(c, names, f"as {line(c.role)}" if c.role else "") for c in cast
            )
        for job, credits in groupby(crew, key=lambda c: c.role):
            options.append(_heading(line(job) or "Crew"))
            options.extend(self._option(c, names, "") for c in credits)
        if not options:
            options.append(_heading("No cast or crew known yet"))
        people.add_options(options)
        people.highlighted = next((i for i, o in enumerate(people.options) if not o.disabled), None)
        self.query_one("#cast-work", OptionList).clear_options()
        self.query_one("#cast-work-title", Static).update(Content.styled(CHOOSE, MUTED))

    def select_person(self, person_id: str) -> None:
        """Put the cursor on a person (a jump from the palette or a news mention)."""
        people = self.query_one("#cast-people", OptionList)
        for index, option in enumerate(people.options):
            chosen = self._people.get(option.id or "")
            if chosen is not None and chosen[0] == person_id:
                people.highlighted = index
                return

    def _option(self, credit: Credit, names: dict[str, str], role: str) -> Option:
        option_id = f"p{len(self._people)}"
        name = line(names.get(credit.person_id, credit.person_id))
        self._people[option_id] = (credit.person_id, name)
        parts = [Content.styled("  " + name, "bold"), Content.styled(role, MUTED)]
        if credit.seasons:
            word = "season" if credit.seasons.strip().isdigit() else "seasons"
            parts.append(Content.styled(f"({word} {line(credit.seasons)})", MUTED))
        return Option(Hanging(parts, indent=4), id=option_id)  # wrapped rows sit under the name

    @on(OptionList.OptionSelected, "#cast-people")
    def _person_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = self._people.get(event.option_id or "")
        if chosen is None:
            return
        person_id, name = chosen
        library = host_of(self.app).library
        self.query_one("#cast-work-title", Static).update(
            Content.assemble(("Looking for ", MUTED), (name, "bold"), (" in your library…", MUTED))
        )

        def load() -> None:
            works = library.work_of(person_id)
            if not cancelled():
                self.post_message(messages.WorkLoaded(person_id, name, works))

        run_in_thread(self, load, group="people", description=f"Credits of {person_id}")

    def on_work_loaded(self, event: messages.WorkLoaded) -> None:
        event.stop()
        self.query_one("#cast-work-title", Static).update(
            Content.assemble((line(event.person_name), "bold"), (" in your library:", MUTED))
        )
        work = self.query_one("#cast-work", OptionList)
        work.clear_options()
        for item in event.works:
            role = line(f"as {item.role}" if item.kind == "cast" else (item.role or "crew"))
            this = "  (this show)" if item.show_id == self.show_id else ""
            prompt = Content.assemble(
                ("  " + line(item.show_name), "bold"), (f"  {role}{this}", MUTED)
            )
            work.add_option(Option(prompt, id=f"w{work.option_count}"))
        self._work_ids = [w.show_id for w in event.works]
        if event.works:
            work.highlighted = 0
            if self.query_one("#cast-people", OptionList).has_focus:
                work.focus()

    @on(OptionList.OptionSelected, "#cast-work")
    def _work_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        show_id = self._work_ids[event.option_index]
        host_of(self.app).open_show(show_id, "overview")


def _heading(text: str) -> Option:
    return Option(Content.styled(text, HEADING), disabled=True)
