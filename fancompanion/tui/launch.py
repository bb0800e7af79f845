"""Start the TUI from the CLI: the store opens (and reports errors) before Textual starts."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fancompanion.cli.context import Context


def launch(context: Context) -> int:
    library = context.library  # a damaged store fails here, as one line, not inside the UI
    library.store.catalog.summaries()
    from fancompanion.tui.app import FanCompanionApp

    app = FanCompanionApp(library)
    app.run()
    return app.return_code or 0
