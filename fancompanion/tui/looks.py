"""The app's side of "what changed since you last looked" and of the spoiler shield settings.

At start (after the first frame) a thread reads when the fan last looked, works out the digest
since then, and records this look; when something is new, the digest opens by itself (unless
the ``digest_on_start`` setting is off). ``D`` shows the digest since that previous look until
the fan marks it seen. The palette's commands for the digest and the shield live here too.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand

from fancompanion.core.commands import SetSetting
from fancompanion.core.library import StoreError

if TYPE_CHECKING:
    from fancompanion.core.digest import Digest
    from fancompanion.tui.app import FanCompanionApp


class Looks:
    def __init__(self, app: FanCompanionApp) -> None:
        self.app = app
        self.since: str | None = None  # the previous look (None until start has read it)
        self.settings: dict[str, Any] = {}
        self._started = False

    # -- start ----------------------------------------------------------------------------------

    def start(self) -> None:
        """The look at start (once)."""
        if self._started:
            return
        self._started = True
        self.app.run_worker(
            self._look, thread=True, group="digest-start", description="Looking for changes"
        )

    def _look(self) -> None:
        from fancompanion.core.digest import LAST_LOOKED, ON_START, default_since, digest

        library, now = self.app.library, self.app.clock()
        try:
            settings = library.store.user.settings()
            first = not isinstance(settings.get(LAST_LOOKED), str)
            since = default_since(library, now)
            found = None if first else digest(library, since, now)
            library.apply(SetSetting(LAST_LOOKED, now))
        except StoreError:
            return  # a damaged user file is reported by the library screen
        self.app.call_from_thread(self._looked, since, settings, found, settings.get(ON_START))

    def _looked(
        self, since: str, settings: dict[str, Any], found: Digest | None, on_start: object
    ) -> None:
        self.since, self.settings = since, settings
        if found is None or found.empty or on_start is False:
            return
        if self.app.fan_has_started:
            # the fan is already typing or clicking: a screen opening now would take their next
            # keys (a letter of the filter would run a digest command), so it is offered instead
            self.app.notify(
                "Something changed since you last looked: press D for the digest.",
                title="Digest",
                markup=False,
            )
            return
        self.open_digest(found)

    # -- the digest screen ------------------------------------------------------------------------

    def open_digest(self, found: Digest | None = None) -> None:
        from fancompanion.core.digest import default_since
        from fancompanion.tui.screens.digest import DigestScreen

        app = self.app
        since = self.since
        if since is None:  # pressed before start read it: from the stored look
            since = default_since(app.library, app.clock())
        app._bring(
            DigestScreen,
            lambda: DigestScreen(app.library, since, app.clock, found, on_seen=self._seen),
        )

    def _seen(self, now: str) -> None:
        self.since = now

    # -- palette --------------------------------------------------------------------------------

    def commands(self, show_id: str | None) -> Iterator[SystemCommand]:
        from fancompanion.core.digest import ON_START
        from fancompanion.core.shield import SETTING, SETTING_OFF_FOR, shield_settings

        yield SystemCommand("Digest", "What changed since you last looked", self.open_digest)
        on_start = self.settings.get(ON_START) is not False
        yield SystemCommand(
            f"Digest at start: {'off' if on_start else 'on'}",
            "Open the digest by itself at start when something is new"
            if not on_start
            else "Stop opening the digest by itself at start",
            partial(self._save, ON_START, not on_start),
        )
        on, off_for = shield_settings(self.settings)
        yield SystemCommand(
            f"Spoiler shield: {'off' if on else 'on'}",
            "Hide news that tells of more than you have watched"
            if not on
            else "Show every news item in full, everywhere",
            partial(self._save, SETTING, not on),
        )
        if show_id is not None and on:
            here = show_id not in off_for
            others = sorted(off_for - {show_id}) if here else sorted(off_for)
            value = [*others, show_id] if here else others
            yield SystemCommand(
                f"Spoiler shield for this show: {'off' if here else 'on'}",
                "Show this show's news in full" if here else "Shield this show's news again",
                partial(self._save, SETTING_OFF_FOR, value),
            )

    def _save(self, key: str, value: object) -> None:
        self.settings[key] = value
        library = self.app.library

        def save() -> None:
            library.apply(SetSetting(key, value))
            self.app.call_from_thread(self.app.notify_shield_changed)

        self.app.run_worker(save, thread=True, group="settings", description="Saving the setting")
