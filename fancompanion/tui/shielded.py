"""How the app shows news the spoiler shield hides (rules: :mod:`fancompanion.core.spoilers`).

A shielded item shows its verdict's label instead of its title and no text, until the fan
reveals it with ``s``. What was revealed is remembered by the app for its run (every screen —
News, the News tab, the palette — sees the same set); verdicts themselves are worked out anew
each time a list is loaded, so the shield lifts as soon as progress passes it.
"""

from __future__ import annotations

from textual.app import App

from fancompanion.core.models import NewsItem
from fancompanion.core.shield import Verdict

HIDDEN_TEXT = (
    "Hidden by the spoiler shield: it tells of more than you have watched. "
    "Press s to read it anyway."
)


def revealed(app: App[object]) -> set[str]:
    """The news ids the fan revealed during this run of the app."""
    found: set[str] | None = getattr(app, "revealed_news", None)
    if found is None:
        found = set()
        app.revealed_news = found  # type: ignore[attr-defined]
    return found


def shown_title(item: NewsItem, verdict: Verdict | None, app: App[object]) -> str:
    """The title to show: the shield's label while the item is hidden."""
    if verdict is not None and item.id not in revealed(app):
        return verdict.label()
    return item.title


def is_hidden(item: NewsItem, verdict: Verdict | None, app: App[object]) -> bool:
    return verdict is not None and item.id not in revealed(app)
