"""The digest (``D``): what changed since the fan last looked (see :mod:`fancompanion.core.digest`).

One list, grouped under headings; ``enter`` on a line goes to its place (a show's tab, a news
item, the news screen), ``m`` marks everything seen (``last looked`` becomes now). The digest
is worked out in a thread; at start the app hands over the one it already worked out.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from fancompanion.core.commands import SetSetting
from fancompanion.core.digest import Digest, Line, digest
from fancompanion.core.library import Library
from fancompanion.core.timeutil import local_display
from fancompanion.tui.host import host_of
from fancompanion.tui.keys import bindings
from fancompanion.tui.safe import line
from fancompanion.tui.styles import HEADING, MUTED
from fancompanion.tui.widgets.footer import KeysFooter
from fancompanion.tui.workers import run_in_thread

HEADINGS = {
    "aired": "New episodes",
    "changes": "Changes to your shows",
    "news": "Unread news",
    "feeds": "Feeds that failed",
}


class DigestLines(OptionList):
    """The digest's lines: ``enter`` goes to the line's place and says so in the footer
    (OptionList's own ``enter`` is a hidden binding, which would hide the screen's)."""

    BINDINGS = bindings("digest.open")


class DigestScreen(Screen[None]):
    DEFAULT_CSS = """
    DigestScreen #digest-since { padding: 0 1; color: $text-muted; height: 1; }
    DigestScreen #digest-lines { height: 1fr; border: round $primary-muted; }
    DigestScreen #digest-lines:focus { border: round $primary; }
    """
    BINDINGS = bindings("screen.back", "digest.mark_seen")

    def __init__(
        self,
        library: Library,
        since: str,
        clock: Callable[[], str],
        found: Digest | None = None,
        on_seen: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.since = since
        self.clock = clock
        self.found = found
        self.on_seen = on_seen
        self._lines: list[Line] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="digest-since")
        yield DigestLines(id="digest-lines", markup=False)
        yield KeysFooter()

    @property
    def options(self) -> OptionList:
        return self.query_one("#digest-lines", OptionList)

    def on_mount(self) -> None:
        self.options.border_title = "What changed since you last looked"
        self.options.focus()
        if self.found is not None:
            self.show(self.found)
        else:
            self.options.add_option(Option(Content.styled("Looking…", MUTED), disabled=True))
            self._load()

    def _load(self) -> None:
        library, since, now = self.library, self.since, self.clock()

        def work() -> None:
            found = digest(library, since, now)
            self.app.call_from_thread(self.show, found)

        run_in_thread(self, work, group="digest", description="Working out the digest")

    def show(self, found: Digest) -> None:
        self.found = found
        since = line(local_display(found.since, with_time=True))
        self.query_one("#digest-since", Static).update(Content(f"Since {since}"))
        options = self.options
        options.clear_options()
        self._lines = found.lines()
        if not self._lines:
            options.add_option(
                Option(Content.styled(f"Nothing new since {since}.", MUTED), disabled=True)
            )
            return
        section = ""
        for index, entry in enumerate(self._lines):
            if entry.section != section:
                section = entry.section
                heading = Content.styled(HEADINGS[section], HEADING)
                options.add_option(Option(heading, disabled=True))
            prompt = Content.assemble(
                "  ",
                (line(entry.title), "bold"),
                (" · " if entry.title else "", MUTED),
                line(entry.text),
            )
            options.add_option(Option(prompt, id=str(index)))
        first = next((i for i, o in enumerate(options.options) if not o.disabled), None)
        options.highlighted = first

    def line_at_cursor(self) -> Line | None:
        option = self.options.highlighted_option
        if option is None or option.id is None:
            return None
        return self._lines[int(option.id)]

    @on(OptionList.OptionSelected, "#digest-lines")
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        """Go to the line's place: a show's tab (on the line's episode), a news item, the news
        screen."""
        entry = self.line_at_cursor()
        if entry is None:
            return
        host = host_of(self.app)
        if entry.show_id:
            host.open_show(entry.show_id, entry.tab, entry.episode or None)
        else:
            host.open_news(entry.news_id or None)

    def action_mark_seen(self) -> None:
        """Everything here counts as seen: "last looked" becomes now."""
        now = self.clock()
        self._save_seen(now)
        self.since = now
        self.show(Digest(since=now, now=now))
        self.notify("All seen: the digest starts from now.", markup=False)

    def _save_seen(self, now: str) -> None:
        from fancompanion.core.digest import LAST_LOOKED

        def work() -> None:
            self.library.apply(SetSetting(LAST_LOOKED, now))
            if self.on_seen is not None:
                self.app.call_from_thread(self.on_seen, now)

        run_in_thread(
            self,
            work,
            group="digest-seen",
            description="Saving when you last looked",
            exclusive=False,
        )

    def action_back(self) -> None:
        self.dismiss()
