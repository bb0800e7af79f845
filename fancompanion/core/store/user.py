"""User state: what the fan did. Refreshes never write here; marks never write the catalog.

Layout under ``<data>/user/``::

    state.json          watchlist status per show, subscribed feeds, settings
    read.json           read marks of news items
    watched/<id>.json   one small file per show with the fan's episode marks

Marking an episode rewrites only that show's marks file, so its cost does not grow with the
catalog (or with the rest of the fan's history).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from fancompanion.core import ids
from fancompanion.core.models import Feed, Mark, WatchStatus
from fancompanion.core.store.errors import each_readable
from fancompanion.core.store.files import StoreLock
from fancompanion.core.store.schema import (
    READ,
    STATE,
    WATCHED,
    ReadFile,
    StateFile,
    WatchedFile,
    to_doc,
)
from fancompanion.core.store.tables import Edit, edit
from fancompanion.core.store.tinyfile import read_file
from fancompanion.core.timeutil import now_iso


class UserState:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.lock = StoreLock(root / ".lock")
        self.state_path = root / "state.json"
        self.read_path = root / "read.json"
        self.watched_dir = root / "watched"
        # Called before every write; the store sets it to take the day's backup (one stat).
        self.before_write: Callable[[], object] | None = None

    def files(self) -> list[Path]:
        """Every user-state file (for backups and checks)."""
        found = [p for p in (self.state_path, self.read_path) if p.exists()]
        if self.watched_dir.is_dir():
            found.extend(sorted(self.watched_dir.glob("*.json")))
        return found

    def has_files(self) -> bool:
        """Is there any user state yet? Stops at the first file: at start-up, with thousands of
        marks files, listing and sorting them all (:meth:`files`) costs tens of milliseconds."""
        if self.state_path.exists() or self.read_path.exists():
            return True
        return self.watched_dir.is_dir() and next(self.watched_dir.glob("*.json"), None) is not None

    def _edit(self, path: Path, kind: str) -> contextlib.AbstractContextManager[Edit]:
        if self.before_write is not None:
            self.before_write()
        return edit(path, kind, self.lock)

    # -- watchlist -----------------------------------------------------------------------------

    def _state(self) -> StateFile:
        return read_file(self.state_path, STATE, StateFile) or StateFile()

    def statuses(self) -> dict[str, WatchStatus]:
        return {d.show: WatchStatus.parse(d.status) for d in self._state().shows.values()}

    def status_times(self) -> dict[str, str]:
        """When each show's status was last set (UTC ISO; "" when unknown), for merges."""
        return {d.show: d.at for d in self._state().shows.values()}

    def set_status(self, show_id: str, status: WatchStatus, *, at: str | None = None) -> None:
        with self._edit(self.state_path, STATE) as state:
            docs = [d for d in state.table("shows") if d.get("show") != show_id]
            if status is not WatchStatus.NONE:
                docs.append({"show": show_id, "status": status.value, "at": at or now_iso()})
            state.replace("shows", docs)

    # -- watched episodes ---------------------------------------------------------------------

    def marks_path(self, show_id: str) -> Path:
        return self.watched_dir / self.marks_name(show_id)

    @staticmethod
    def marks_name(show_id: str) -> str:
        return f"{ids.safe_filename(show_id)}.json"

    def marks_names(self) -> set[str]:
        """The marks files' names (one listing): a show whose :meth:`marks_name` is not among
        them has no marks, and nothing needs opening to know it."""
        try:
            return set(os.listdir(self.watched_dir))
        except OSError:
            return set()

    def marks(self, show_id: str) -> list[Mark]:
        decoded = read_file(self.marks_path(show_id), WATCHED, WatchedFile)
        return [] if decoded is None else list(decoded.marks.values())

    def shows_with_marks(self, *, marked: bool = False) -> list[str]:
        """Show ids that have a marks file (file names are the ids, made filesystem-safe);
        ``marked``: only those with a mark in it (every mark undone leaves the file, empty)."""
        return [show for show, marks in self.each_marks() if marks or not marked]

    def each_marks(self, problems: list[str] | None = None) -> Iterator[tuple[str, list[Mark]]]:
        """(show id, its marks) for every marks file, each file read once. A damaged file is
        left out and named in ``problems`` (raised without): see :func:`each_readable`."""
        if not self.watched_dir.is_dir():
            return

        def read(path: Path) -> WatchedFile | None:
            return read_file(path, WATCHED, WatchedFile)

        for path, decoded in each_readable(self.watched_dir.glob("*.json"), read, problems):
            if decoded is None:  # removed since the folder was listed
                continue
            info = next(iter(decoded.info.values()), None)
            yield (info.show if info else path.stem), list(decoded.marks.values())

    def edit_marks(
        self, show_id: str, change: Callable[[list[Mark]], list[Mark]]
    ) -> tuple[list[Mark], list[Mark]]:
        """Read a show's marks, let ``change`` make the new list, write it if it differs — all
        under the user lock. Returns the marks before and after (the command layer's diff)."""
        path = self.marks_path(show_id)
        with self._edit(path, WATCHED) as file:
            before = self.marks(show_id)  # typed and checked; the lock is held
            after = change(list(before))
            if after != before:
                file.replace("marks", [to_doc(m) for m in after])
                file.replace("info", [{"show": show_id}])
        return before, after

    def remove_show(self, show_id: str) -> int:
        """Forget a show: its marks file and its status. Returns how many marks it had."""
        path = self.marks_path(show_id)
        with self.lock.held():
            count = len(self.marks(show_id))
            if self.statuses().get(show_id) is not None:
                self.set_status(show_id, WatchStatus.NONE)
            if path.exists():
                if self.before_write is not None:
                    self.before_write()
                path.unlink()
        return count

    # -- news read marks ----------------------------------------------------------------------

    def read_ids(self) -> set[str]:
        decoded = read_file(self.read_path, READ, ReadFile)
        return set() if decoded is None else {d.news for d in decoded.read.values()}

    def set_read(
        self, news_ids: Iterable[str], read: bool = True, *, at: str | None = None
    ) -> None:
        wanted = set(news_ids)
        with self._edit(self.read_path, READ) as file:
            docs = [d for d in file.table("read") if d.get("news") not in wanted]
            if read:
                when = at or now_iso()
                docs.extend({"news": news_id, "at": when} for news_id in sorted(wanted))
            if len(docs) != len(file.table("read")) or read:
                file.replace("read", docs)

    # -- feeds and settings -------------------------------------------------------------------

    def feeds(self) -> list[Feed]:
        return list(self._state().feeds.values())

    def put_feed(self, feed: Feed) -> None:
        """Subscribe (or update a subscription). Only url, title and enabled are user state."""
        doc = {"url": feed.url, "title": feed.title, "enabled": feed.enabled}
        with self._edit(self.state_path, STATE) as state:
            docs = [d for d in state.table("feeds") if d.get("url") != feed.url]
            docs.append(doc)
            state.replace("feeds", docs)

    def remove_feed(self, url: str) -> bool:
        with self._edit(self.state_path, STATE) as state:
            docs = state.table("feeds")
            kept = [d for d in docs if d.get("url") != url]
            if len(kept) == len(docs):
                return False
            state.replace("feeds", kept)
            return True

    def settings(self) -> dict[str, Any]:
        return {d.key: d.value for d in self._state().settings.values()}

    def set_setting(self, key: str, value: Any) -> None:
        with self._edit(self.state_path, STATE) as state:
            docs = [d for d in state.table("settings") if d.get("key") != key]
            docs.append({"key": key, "value": value})
            state.replace("settings", docs)


__all__ = ["UserState"]
