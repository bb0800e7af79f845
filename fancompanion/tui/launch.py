"""Start the TUI from the CLI: the store opens (and reports errors) before Textual starts."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fancompanion.cli.context import Context


def launch(context: Context) -> int:
    # Reading the index allocates ~100,000 objects on a 10,000-show library, enough to set off
    # a full collection (~20 ms) that finds nothing to free: the index lives as long as the app.
    # So the collector waits while it is read, then the index (and every module imported so
    # far) is moved out of its generations, and later collections never traverse it again.
    gc.disable()
    try:
        library = context.library  # a damaged store fails here, as one line, not inside the UI
        library.store.catalog.summaries()
        from fancompanion.tui.app import FanCompanionApp
    finally:
        gc.freeze()
        gc.enable()
    from fancompanion.tui.terminal import EXIT_HANGUP, TerminalWatch

    app = FanCompanionApp(library)
    with TerminalWatch(app) as watch:  # ends the app when its terminal goes away
        app.run()
    problem = app.syncing.on_quit()  # the last sync, once the screen is the terminal's again
    if watch.reason is not None:
        return EXIT_HANGUP  # no terminal to tell anything to
    if problem:
        context.warn(problem)
    return app.return_code or 0
