"""The FanCompanion Textual app: starts on the library, routes between screens, reports errors.

Kept small on purpose: screens hold their own layout and logic; the app only pushes screens,
offers the palette providers, carries out the fan's changes (with undo and redo), notices a
store changed by another process, and turns any failed worker into one notification.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from rich.console import RenderableType
from textual import events
from textual.actions import ActionParseResult
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import Worker, WorkerState

from fancompanion.core.commands import Change, Result, SetSetting
from fancompanion.core.library import Library
from fancompanion.core.timeutil import now_iso
from fancompanion.tui import messages
from fancompanion.tui.keys import bindings
from fancompanion.tui.looks import Looks
from fancompanion.tui.safe import line
from fancompanion.tui.screens.library import LibraryScreen
from fancompanion.tui.workers import WorkFailed, owner, run_in_thread

S = TypeVar("S", bound=Screen[Any])
STORE_CHECK_SECONDS = 2.0  # how often the store's files are looked at (one stat each)
THEME = "theme"

if TYPE_CHECKING:
    from textual.command import Provider

    from fancompanion.core.undo import UndoHistory
    from fancompanion.fetch.progress import RefreshReport


def _provider(name: str) -> Callable[[], type[Provider]]:
    """Load a palette provider when the palette first opens (keeps start-up imports small)."""

    def load() -> type[Provider]:
        provider: type[Provider] = getattr(
            importlib.import_module("fancompanion.tui.palette"), name
        )
        return provider

    return load


class FanCompanionApp(App[None]):
    """The app. ``clock`` is injectable so tests and snapshots see a fixed "now"."""

    TITLE = "FanCompanion"
    # The default screen is not pushed, so Textual does not load its CSS_PATH: name it here.
    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "screens/library.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings(
            "app.help",
            "app.news",
            "app.digest",
            "app.up_next",
            "app.stats",
            "app.refresh",
            "app.add",
            "app.undo",
            "app.redo",
            "app.quit",
        )
    ]
    COMMANDS = App.COMMANDS | {
        _provider("ShowsProvider"),
        _provider("PeopleProvider"),
        _provider("NewsProvider"),
    }

    def __init__(
        self,
        library: Library,
        *,
        clock: Callable[[], str] = now_iso,
        started: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.clock = clock
        self._started = started  # called once the first frame is drawn
        from fancompanion.tui.sync import AppSync

        self.syncing = AppSync(self)  # on start, after changes and on quit (see tui/sync.py)
        self.looks = Looks(self)
        self._history: UndoHistory | None = None
        self._writing = threading.Lock()  # one change (or undo) at a time, in order
        self._stamp: tuple[tuple[int, int, int], ...] | None = None
        self._theme_saved: str | None = None
        self._last_failure = ""
        self.quitting = False
        self.fan_has_started = False  # a key or a click came in since start (see on_event)

    def on_mount(self) -> None:
        # every change made here (a screen's own setting or read mark included) is ours, not
        # another process's: the store check must not reread the whole library for it
        self.library.observers.append(self._own_change)
        # once the first frame is drawn (threads started earlier would compete with it for
        # the interpreter): the first sync
        for later in (self._started, self.syncing.start):
            if later is not None:
                self.call_after_refresh(later)
        # the look for changes (the digest) waits for StartUpDrawn: see on_start_up_drawn
        self.check_store()
        self.set_interval(STORE_CHECK_SECONDS, self.check_store)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)):
            self.fan_has_started = True  # nothing opens by itself over what they are doing now
        await super().on_event(event)

    def on_start_up_drawn(self, _: messages.StartUpDrawn) -> None:
        """The pane shows its first show (or there is none): the digest's few hundred ms of
        reading start now, not beside the pane. Never while the library cannot be read (its
        write of the look's time would hide the fan's repair from the store check)."""
        self.looks.start()

    def get_default_screen(self) -> LibraryScreen:
        return LibraryScreen(self.library, self.clock)

    # -- what other screens call (see fancompanion.tui.host.Host) -------------------------------

    def library_screen(self) -> LibraryScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, LibraryScreen)
        return screen

    def open_show(self, show_id: str, tab: str = "overview", target: str | None = None) -> None:
        """Go back to the library with this show selected and ``tab`` shown and focused;
        ``target`` (a person id on Cast, an episode key on Seasons) gets that tab's cursor."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.library_screen().select_show(show_id, tab, target)

    def open_news(self, news_id: str | None = None) -> None:
        """Open the News screen, on one item when given."""
        from fancompanion.tui.screens.news import NewsScreen

        screen = self._bring(NewsScreen, lambda: NewsScreen(self.library))
        if news_id is not None:
            screen.select(news_id)

    def _bring(self, kind: type[S], make: Callable[[], S]) -> S:
        """Show the screen of this kind: back to it when it is already open (pressing ``n``
        twice must not stack two News screens), else a new one on top."""
        for screen in self.screen_stack[1:]:
            if isinstance(screen, kind):
                while self.screen is not screen:
                    self.pop_screen()
                return screen
        screen = make()
        self.push_screen(screen)
        return screen

    def notify_shield_changed(self) -> None:
        """A spoiler shield setting changed: the news lists on screen are judged again."""
        from fancompanion.tui.screens.news import NewsScreen

        for screen in self.screen_stack:
            if isinstance(screen, NewsScreen):
                screen.reload()
        self.library_screen().reload_news()

    def notify_library_changed(self) -> None:
        """The store changed (a refresh, a sync, another process): every screen rereads."""
        for screen in self.screen_stack:
            screen.post_message(messages.StoreChanged(None))

    # -- changes, undo and redo ----------------------------------------------------------------

    @property
    def history(self) -> UndoHistory:
        if self._history is None:
            from fancompanion.core.undo import UndoHistory

            self._history = UndoHistory(self.library, clock=self.clock)
        return self._history

    def apply_change(self, change: Change, *, title: str = "", quiet: bool = False) -> None:
        """Carry out one of the fan's changes in a worker, undoably; say what it did (unless
        ``quiet``) and let every screen reread what it shows."""
        history = self.history
        self._write(lambda: history.apply(change, title), "do", quiet)

    def action_undo(self) -> None:
        self._write(self.history.undo, "undo", False)

    def action_redo(self) -> None:
        self._write(self.history.redo, "redo", False)

    def _write(self, step: Callable[[], Result | None], kind: str, quiet: bool) -> None:
        def run() -> None:
            with self._writing:
                result = step()
            self.post_message(messages.Changed(result, kind, quiet))

        run_in_thread(self, run, group="write", description="Saving your change", exclusive=False)

    def on_changed(self, event: messages.Changed) -> None:
        """Say what a change, an undo or a redo did: titled with what it was about (the
        show), the message and the key that takes it back on one line."""
        result = event.result
        if result is None:
            self.notify(f"Nothing to {event.kind} yet.", markup=False)
            return
        title = line(result.title)
        if result.refused:
            self.notify(line(result.refused), title=title, severity="warning", markup=False)
            return
        if not result.changed:
            if not event.quiet:
                self.notify(line(result.message), title=title, markup=False)
            return
        if not event.quiet:
            hint = "ctrl+y redoes it" if event.kind == "undo" else "ctrl+z undoes it"
            self.notify(f"{line(result.message)} · {hint}", title=title, markup=False)
        for screen in self.screen_stack:
            screen.post_message(messages.StoreChanged(result))

    # -- changes made elsewhere ----------------------------------------------------------------

    def _own_change(self, result: Result) -> None:
        """A change went through ``Library.apply`` here (any thread): not another process."""
        self._stamp = self.library.stamp()

    def check_store(self) -> None:
        """Look at the store's files (a stat each, in a worker): if another process changed
        them (an import, a fetch, a second app), every screen rereads."""
        library = self.library

        def look() -> None:
            stamp = library.stamp()
            if self._stamp is not None and stamp != self._stamp and not self._writing.locked():
                self.post_message(messages.StoreChanged(None))
            self._stamp = stamp

        run_in_thread(self, look, group="store-check", description="Looking for changes")

    def on_store_changed(self, event: messages.StoreChanged) -> None:
        """Seen by the store check: another process changed the store."""
        self.notify_library_changed()

    def on_app_focus(self) -> None:
        """Back in the terminal (after using the CLI elsewhere, say): look at once."""
        self.check_store()

    # -- the theme survives a restart ----------------------------------------------------------

    def restore_theme(self, theme: object) -> None:
        """The theme saved last time (read with the settings by the library screen)."""
        if isinstance(theme, str) and theme in self.available_themes:
            self._theme_saved = theme
            self.theme = theme
        else:
            self._theme_saved = self.theme

    def watch_theme(self, theme: str) -> None:
        if self._theme_saved is not None and theme != self._theme_saved:
            self._theme_saved = theme
            library = self.library
            run_in_thread(
                self,
                lambda: library.apply(SetSetting(THEME, theme)),
                group="settings",
                description="Saving the theme",
            )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from fancompanion.tui.palette import system_commands  # loaded when the palette opens

        yield from super().get_system_commands(screen)
        yield from system_commands(self, screen)

    # -- actions --------------------------------------------------------------------------------

    def action_open_news(self) -> None:
        self.open_news()

    def action_open_digest(self) -> None:
        self.looks.open_digest()

    def action_open_up_next(self) -> None:
        from fancompanion.tui.screens.upnext import UpNextScreen

        self._bring(UpNextScreen, lambda: UpNextScreen(self.library, now=self.clock))

    def action_open_stats(self) -> None:
        from fancompanion.tui.screens.stats import StatsScreen

        self._bring(StatsScreen, lambda: StatsScreen(self.library, now=self.clock))

    def action_add_show(self) -> None:
        """Search TVmaze and add a show; the library then opens on it."""
        from fancompanion.tui.screens.add import AddShowScreen

        def added(show_id: str | None) -> None:
            if show_id is None:
                return
            self.notify_library_changed()
            self.library_screen().after_reload(show_id)

        if not any(isinstance(screen, AddShowScreen) for screen in self.screen_stack):
            self.push_screen(AddShowScreen(self.library), added)

    def action_help(self) -> None:
        from fancompanion.tui.screens.help import HelpScreen

        self._bring(HelpScreen, HelpScreen)

    def action_refresh(self) -> None:
        """Fetch in a worker behind a progress dialog; show new data and a summary after."""
        from fancompanion.tui.screens.refresh import RefreshScreen, announcement

        def done(summary: RefreshReport | None) -> None:
            if summary is None:
                return
            self.notify_library_changed()
            message, severity = announcement(summary)
            self.notify(message, title="Refresh", severity=severity, markup=False)

        if not any(isinstance(screen, RefreshScreen) for screen in self.screen_stack):
            self.push_screen(RefreshScreen(self.library), done)

    def action_import_history(self) -> None:
        """Palette → Import history…: dry run, confirm, apply; a notification says what changed."""
        from fancompanion.tui.screens.import_history import ImportScreen

        def done(message: str | None) -> None:
            if message:
                self.notify_library_changed()
                self.notify(message, title="Import", markup=False)

        if not any(isinstance(screen, ImportScreen) for screen in self.screen_stack):
            self.push_screen(ImportScreen(self.library.store), done)

    # -- quitting -------------------------------------------------------------------------------

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        self.quitting = True
        super().exit(result, return_code, message)

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Every key's action comes through here. Once the app is quitting, keys still queued
        (``q`` then ``u`` typed fast, a paste) do nothing: a screen opened while the app shuts
        down could not be built and ended the app with a traceback."""
        if self.quitting:
            return True
        return await super().run_action(action, default_namespace, namespaces)

    def on_key(self, event: events.Key) -> None:
        """A printable key that bubbled up here while a text box has focus was queued for the
        widget focused before (letters typed right after ``/`` in one burst, e.g. a paste or
        tmux): give it to the box instead of losing it."""
        if event.is_printable and event.character and isinstance(self.focused, Input):
            # typed now, not posted: a key queued behind it (`/pun`, `tab`, `w` in one burst)
            # must find the letters in the box, and the filter they make, when it is handled
            self.focused.insert_text_at_cursor(event.character)

    # -- the one place worker failures are reported --------------------------------------------

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is not WorkerState.ERROR:
            return
        error = event.worker.error
        text = str(error).strip().splitlines()[0] if error and str(error).strip() else ""
        message = line(text) or type(error).__name__  # an error may quote store text
        said = f"{event.worker.description}: {message}"
        if said != self._last_failure:  # the same failure again (a show opened twice): once
            self._last_failure = said
            self.notify(
                said, title="Something went wrong", severity="error", markup=False, timeout=10
            )
        asked = owner(event.worker)
        if asked is not None:
            asked.post_message(WorkFailed(event.worker.group, message))
