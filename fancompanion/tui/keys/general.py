"""The commands that work anywhere, and the app's own."""

from __future__ import annotations

from fancompanion.tui.keys.command import Command

GENERAL: tuple[Command, ...] = (
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
)
