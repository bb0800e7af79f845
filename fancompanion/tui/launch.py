"""Start the TUI from the CLI: the store opens (and reports errors) before Textual starts."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fancompanion.cli.context import Context


def launch(context: Context) -> int:
    # Start-up allocates only what lives as long as the app: ~100,000 objects for the index
    # of a 10,000-show library, the modules, then the first screen's widgets and styles. The
    # collector would go through them again and again (gen0 and gen1 collections, 10-40 ms
    # before the first frame) and free nothing. So it waits until the first frame is drawn;
    # then what is loaded is moved out of its generations (later collections never go through
    # it again) and it resumes.
    gc.disable()
    try:
        # a damaged store fails here, as one line, not inside the UI; the index is decoded
        # (whole: the list needs it) before the bundle check, which then reads nothing more
        context.open_store(first=lambda store: store.catalog.index())
        library = context.library
        from fancompanion.tui.app import FanCompanionApp
    except BaseException:
        gc.enable()
        raise
    from fancompanion.tui.terminal import EXIT_HANGUP, TerminalWatch

    app = FanCompanionApp(library, started=_resume_collector)
    try:
        with TerminalWatch(app) as watch:  # ends the app when its terminal goes away
            app.run()
    finally:
        _resume_collector()
    problem = app.syncing.on_quit()  # the last sync, once the screen is the terminal's again
    if watch.reason is not None:
        return EXIT_HANGUP  # no terminal to tell anything to
    if problem:
        context.warn(problem)
    return app.return_code or 0


def _resume_collector() -> None:
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
