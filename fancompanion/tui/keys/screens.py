"""The news screen's commands, a show's News and Cast & Crew tabs, Up next, the digest, the
other screens and moving around (in the help screen's order)."""

from __future__ import annotations

from fancompanion.tui.keys.command import Command

SCREENS: tuple[Command, ...] = (
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
