"""Simulated devices for sync tests: each its own data dir, all sharing one folder."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from fancompanion.core.commands import Result, Rewatch, SetRead, SetStatus, Unwatch, Watch
from fancompanion.core.library import Library
from fancompanion.core.models import Episode, WatchStatus
from fancompanion.core.opening import open_store
from fancompanion.sync.engine import Outcome, Sync

DAY_MS = 24 * 3600 * 1000


def episode(show: str, number: int) -> Episode:
    return Episode(
        show_id=show,
        season=1,
        number=number,
        name=f"Episode {number}",
        tvmaze_id=None,
        airdate="2020-01-01",
        airstamp="2020-01-01T20:00:00Z",
    )


class Device:
    def __init__(self, root: Path, folder: Path, name: str, skew_ms: int = 0) -> None:
        self.store = open_store(root)
        self.library = Library(self.store)
        self.skew_ms = skew_ms
        self.sync = Sync(self.library, wall=self.wall, now=self.now)
        self.sync.init(folder, name)
        self.name = name

    def wall(self) -> int:
        return time.time_ns() // 1_000_000 + self.skew_ms

    def now(self) -> str:
        return datetime.fromtimestamp(self.wall() / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def run(self) -> Outcome:
        return self.sync.run()

    def watch(self, show: str, number: int, at: str) -> Result:
        return self.library.apply(Watch(show, (episode(show, number),), at))

    def rewatch(self, show: str, number: int, at: str) -> Result:
        return self.library.apply(Rewatch(show, episode(show, number), at))

    def unwatch(self, show: str, number: int) -> Result:
        return self.library.apply(Unwatch(show, (episode(show, number),)))

    def set_status(self, show: str, status: WatchStatus) -> Result:
        return self.library.apply(SetStatus(show, status, at=self.now()))  # this machine's clock

    def set_read(self, news: str, read: bool) -> Result:
        return self.library.apply(SetRead((news,), read, at=self.now()))

    def plays(self) -> dict[tuple[str, str], tuple[int, str, str]]:
        """Every mark on this device: (show, key) -> (plays, first, last)."""
        user = self.store.user
        return {
            (show, m.key): (m.plays, m.first_at, m.last_at)
            for show in user.shows_with_marks()
            for m in user.marks(show)
        }

    def seen(self) -> tuple[object, ...]:
        """All the fan can see of user state, for comparing devices."""
        user = self.store.user
        return (
            self.plays(),
            {k: v.value for k, v in user.statuses().items()},
            sorted(user.read_ids()),
            user.settings(),
        )
