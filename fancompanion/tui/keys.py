"""Every command of the app, defined once: key, footer text, help group, tooltip, action.

Bindings, the footer, the help screen and the command palette are all built from this table
(the idea is hike's: one definition per command). Screens and widgets select their commands by
``id`` with :func:`bindings`.
"""

from __future__ import annotations

import msgspec
from textual.binding import Binding, BindingType


class Command(msgspec.Struct, frozen=True):
    """One command. A msgspec struct, not a dataclass: the same value semantics, built in C when
    the module loads (a dataclass costs ~2 ms of start-up on this machine)."""

    id: str
    key: str  # Textual key spec; comma-separated alternatives allowed
    action: str  # Textual action string, e.g. "app.open_news"
    description: str  # footer / palette text
    group: str  # help screen heading
    tooltip: str = ""
    show: bool = True  # in the footer
    display_key: str = ""  # how the help screen writes the key ("" = derived from key)
    in_help: bool = True  # False only for a second binding of a key the help already lists

    def binding(self) -> Binding:
        return Binding(
            self.key,
            self.action,
            self.description,
            show=self.show,
            id=self.id,
            tooltip=self.tooltip or self.description,
        )

    @property
    def keys_text(self) -> str:
        return self.display_key or " / ".join(k.strip() for k in self.key.split(","))


COMMANDS: tuple[Command, ...] = (
    # Anywhere
    Command(
        "app.help",
        "question_mark",
        "app.help",
        "Help",
        "Anywhere",
        "Every key, grouped",
        display_key="?",
    ),
    Command("app.news", "n", "app.open_news", "News", "Anywhere", "All news, read offline"),
    Command(
        "app.digest",
        "D",
        "app.open_digest",
        "Digest",
        "Anywhere",
        "What changed since you last looked",
        show=False,
        display_key="D",
    ),
    Command(
        "app.up_next",
        "u",
        "app.open_up_next",
        "Up next",
        "Anywhere",
        "Next episode of every show you are watching; what airs soon",
    ),
    Command(
        "app.stats",
        "S",
        "app.open_stats",
        "Stats",
        "Anywhere",
        "Episodes and hours watched, streaks",
    ),
    Command(
        "app.refresh",
        "r",
        "app.refresh",
        "Refresh",
        "Anywhere",
        "Fetch updates from TVmaze and your feeds (asks the network)",
    ),
    Command(
        "app.palette",
        "ctrl+p",
        "app.command_palette",
        "Jump to…",
        "Anywhere",
        "Command palette: any show, person or news item",
        show=False,
    ),
    Command(
        "app.add",
        "a",
        "app.add_show",
        "Add show",
        "Anywhere",
        "Search TVmaze and add a show to your library (asks the network)",
    ),
    Command(
        "app.undo",
        "ctrl+z",
        "app.undo",
        "Undo",
        "Anywhere",
        "Undo the last change to your history (again for earlier ones)",
        show=False,
    ),
    Command(
        "app.redo",
        "ctrl+y,ctrl+shift+z",
        "app.redo",
        "Redo",
        "Anywhere",
        "Redo the change just undone (ctrl+shift+z too)",
        show=False,
        display_key="ctrl+y",
    ),
    Command(
        "app.quit",
        "q",
        "app.quit",
        "Quit",
        "Anywhere",
        "Quit FanCompanion (from the help and the refresh dialog too)",
    ),
    # Library
    Command(
        "library.filter",
        "slash",
        "filter",
        "Filter",
        "Library",
        "Type to filter shows by name (fuzzy)",
        display_key="/",
    ),
    Command(
        "library.clear_filter",
        "escape",
        "clear_filter",
        "Clear filter",
        "Library",
        "Empty the filter box and go back to the list",
        display_key="esc",
    ),
    Command(
        "library.status",
        "w",
        "cycle_status",
        "Status",
        "Library",
        "Cycle the show's watchlist status",
    ),
    Command(
        "library.remove",
        "delete",
        "remove_show",
        "Remove show",
        "Library",
        "Remove the selected show (asks first; its history is saved to a backup)",
        show=False,
        display_key="del",
    ),
    Command(
        "library.tab_overview",
        "1",
        "tab('overview')",
        "Overview",
        "Library",
        "Show: overview tab",
        show=False,
    ),
    Command(
        "library.tab_seasons",
        "2",
        "tab('seasons')",
        "Seasons",
        "Library",
        "Show: seasons and episodes tab",
        show=False,
    ),
    Command(
        "library.tab_cast",
        "3",
        "tab('cast')",
        "Cast",
        "Library",
        "Show: cast and crew tab",
        show=False,
    ),
    Command(
        "library.tab_news",
        "4",
        "tab('news')",
        "News tab",
        "Library",
        "Show: news about this show",
        show=False,
    ),
    # Episodes
    Command(
        "episodes.toggle",
        "space",
        "toggle_watched",
        "Watched",
        "Episodes",
        "Toggle watched (on a season: the whole season)",
    ),
    Command(
        "episodes.up_to",
        "W",
        "watched_up_to",
        "Up to here",
        "Episodes",
        "Mark every earlier aired episode watched, and this one",
        display_key="W",
    ),
    Command(
        "episodes.rewatch",
        "plus",
        "rewatch",
        "Rewatch",
        "Episodes",
        "Count another watch of this episode",
        display_key="+",
    ),
    Command(
        "episodes.spoiler",
        "s",
        "reveal",
        "Reveal",
        "Episodes",
        "Reveal the summary of an unwatched episode (spoilers!)",
    ),
    # News
    Command(
        "news.open_url",
        "o",
        "open_url",
        "Open link",
        "News",
        "Open the original article in your browser",
    ),
    Command(
        "news.toggle_read",
        "m",
        "toggle_read",
        "Read/unread",
        "News",
        "Mark the item read or unread",
    ),
    Command("news.sort", "t", "toggle_sort", "Sort", "News", "Unread first / newest first"),
    Command(
        "news.read",
        "enter",
        "screen.read_highlighted",
        "Open",
        "News",
        "Open the item under the cursor in the reader",
        show=False,
        in_help=False,  # Help lists enter once, under "Moving around"
    ),
    Command(
        "news.reveal",
        "s",
        "reveal",
        "Reveal",
        "News",
        "Show an item hidden by the spoiler shield (spoilers!)",
        show=False,
    ),
    Command(
        "news.filter",
        "slash",
        "filter",
        "Filter",
        "News",
        "Type to filter news by title or source",
        display_key="/",
    ),
    # The show's News tab (the library): the same keys, said in the footer (OptionList's own
    # enter is a hidden binding)
    Command(
        "show_news.open",
        "enter",
        "select",
        "Open",
        "News",
        "Open the item in the News screen, which reads it offline",
        in_help=False,  # Help lists enter once, under "Moving around"
    ),
    Command(
        "show_news.reveal",
        "s",
        "reveal",
        "Reveal",
        "News",
        "Show an item's title hidden by the spoiler shield (spoilers!)",
        in_help=False,  # the News group lists s already
    ),
    # The show's Cast & Crew tab
    Command(
        "cast.work",
        "enter",
        "select",
        "Their work",
        "Cast & Crew",
        "On a person: their other shows in your library, listed below",
    ),
    Command(
        "cast.open",
        "enter",
        "select",
        "Open show",
        "Cast & Crew",
        "On a show in that list: open it in the library",
    ),
    # Up next
    Command(
        "upnext.tab_up_next",
        "1",
        "tab('up-next')",
        "Up next",
        "Up next",
        "Next episode of every show you are watching",
        show=False,
    ),
    Command(
        "upnext.tab_upcoming",
        "2",
        "tab('upcoming')",
        "Upcoming",
        "Up next",
        "Episodes airing in the next 30 days",
        show=False,
    ),
    Command(
        "upnext.watch",
        "space",
        "watch",
        "Watched",
        "Up next",
        "Mark the row's episode watched; the row moves on to the next one",
    ),
    Command(
        "upnext.open",
        "enter",
        "screen.open_show",
        "Open show",
        "Up next",
        "Open the row's show in the library",
    ),
    # Digest
    Command(
        "digest.open",
        "enter",
        "screen.open",
        "Go there",
        "Digest",
        "Go to the line's show, episode or news item",
    ),
    Command(
        "digest.mark_seen",
        "m",
        "mark_seen",
        "Mark all seen",
        "Digest",
        "Count everything as seen: the digest starts from now",
    ),
    # Screens
    Command(
        "screen.back",
        "escape",
        "back",
        "Back",
        "Screens",
        "Close this screen and go back to the library",
        display_key="esc",
    ),
    Command(
        "modal.quit",
        "q",
        "app.quit",
        "Quit",
        "Screens",
        "Quit FanCompanion (also from the help and the refresh dialog)",
        show=False,
        in_help=False,  # the help lists q under Anywhere
    ),
    Command(
        "remove.yes",
        "y",
        "answer(True)",
        "Remove",
        "Screens",
        "In the remove-show dialog: remove it (its history is saved to a backup first)",
    ),
    Command(
        "remove.no",
        "n",
        "answer(False)",
        "Keep",
        "Screens",
        "In the remove-show dialog: keep the show",
    ),
    Command(
        "help.close",
        "escape,question_mark",
        "back",
        "Close",
        "Screens",
        "Close the help",
        display_key="esc / ?",
    ),
    # Moving around (Textual's own keys in lists, trees and text: listed for the help screen)
    Command(
        "move.arrows",
        "up,down,pageup,pagedown,home,end",
        "",
        "Move",
        "Moving around",
        "Move in the list, tree or text that has the focus",
        show=False,
        display_key="↑ ↓ PgUp PgDn Home End",
    ),
    Command(
        "move.enter",
        "enter",
        "",
        "Open",
        "Moving around",
        "Open the show's tab · expand a season · open a news item, person or link",
        show=False,
    ),
    Command(
        "move.tab",
        "tab,shift+tab",
        "",
        "Next / previous pane",
        "Moving around",
        "Move the focus between the list, the tab bar and the panes",
        show=False,
        display_key="tab / shift+tab",
    ),
)

BY_ID = {command.id: command for command in COMMANDS}


def bindings(*ids: str) -> list[BindingType]:
    """The bindings for these command ids (for a screen's or widget's ``BINDINGS``)."""
    return [BY_ID[i].binding() for i in ids]
