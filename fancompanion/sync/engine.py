"""One sync: record what changed here, read the other devices, merge, write the result into
user state through the core, publish this device's operations, compact now and then.

Locks: the sync lock (``<data>/sync/.lock``) keeps two processes of one device (the app and the
CLI) from syncing at once; the user area's lock is held from reading user state to writing the
merge back, so a mark made meanwhile by another process waits instead of being overwritten.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from fancompanion.core.library import Library
from fancompanion.core.models import WatchStatus
from fancompanion.core.store.errors import StoreError
from fancompanion.core.text import clean_line
from fancompanion.core.timeutil import now_iso, parse_utc
from fancompanion.core.wording import plural
from fancompanion.sync import LOCAL_DIR
from fancompanion.sync import folder as fs
from fancompanion.sync.diff import SHOW, STATUS, Plan, UserView, diff, plan
from fancompanion.sync.hlc import Clock, wall_ms
from fancompanion.sync.local import Config, Local, LocalFiles, default_name, new_device_id
from fancompanion.sync.model import State, op_to_doc
from fancompanion.sync.writeback import write_back

if TYPE_CHECKING:
    from fancompanion.sync.status import Status

SyncError = fs.SyncError

# Compaction: a snapshot when this device has this many operations or log files since the
# last one, or a day has passed with anything new.
SNAPSHOT_EVERY_OPS = 2000
SNAPSHOT_EVERY_FILES = 24
SNAPSHOT_EVERY = timedelta(days=1)
# A device silent this long no longer holds back pruning (it merges from snapshots instead).
QUIET_DEVICE = timedelta(days=180)


@dataclass(slots=True)
class Outcome:
    """What one sync did, for a notification or the CLI."""

    sent: int = 0  # operations recorded here and written to the folder
    unsent: int = 0  # operations kept here because the folder could not be written
    plays_added: int = 0
    changed: int = 0  # user-state changes applied from other devices
    from_devices: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    compacted: bool = False
    pending: list[str] = field(default_factory=list)  # shows known only from sync
    arrived: list[str] = field(default_factory=list)  # what changed here, in words

    def line(self) -> str:
        if self.changed:
            names = ", ".join(self.from_devices) or "other devices"
            text = f"From {names}: {', '.join(self.arrived)}"
        else:
            text = "Up to date"
        if self.sent:
            text += f"; sent {plural(self.sent, 'change')} from here"
        return text


class Sync:
    """Sync for one data dir. ``wall`` and ``now`` are injectable for tests (clock skew)."""

    def __init__(
        self,
        library: Library,
        *,
        wall: Callable[[], int] = wall_ms,
        now: Callable[[], str] = now_iso,
    ) -> None:
        self.library = library
        self.store = library.store
        self.files = LocalFiles(self.store.root / LOCAL_DIR)
        self.wall = wall
        self.now = now
        self.applying = False  # true while sync itself writes user state

    # -- set-up ---------------------------------------------------------------------------------

    def config(self) -> Config | None:
        try:
            return self.files.config()
        except StoreError:
            return None

    def init(self, folder: Path, name: str | None = None) -> Config:
        folder = folder.expanduser().absolute()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise SyncError(f"cannot use {folder}: {error.strerror or error}") from error
        if not folder.is_dir():
            raise SyncError(f"{folder} is not a folder")
        current = self.config()
        config = Config(
            device=current.device if current else new_device_id(),
            name=(clean_line(name or (current.name if current else "")) or default_name())[:40],
            folder=folder,
            instance=current.instance if current else secrets.token_hex(8),
        )
        with self.files.lock.held():
            self.files.save_config(config)
        return config

    # -- one sync ------------------------------------------------------------------------------

    def run(self) -> Outcome:
        config = self.required_config()
        remote = fs.read_folder(config.folder, config.device)
        outcome = Outcome(problems=list(remote.problems))
        with self.files.lock.held():
            if (
                remote.own is not None
                and remote.own.instance
                and (remote.own.instance != config.instance)
            ):
                config = self._new_identity(config, outcome)
                remote = fs.read_folder(config.folder, config.device)
            with self.store.user.lock.held():
                local = self.files.load()
                clock = Clock(config.device, local.clock, self.wall)
                self._recover_seq(local, remote)
                user = self._user_view()
                self._record(local, clock, user)
                before = local.state.copy()
                old_vv = dict(local.state.vv)
                local.state.join(remote.state)
                for info in remote.devices.values():
                    clock.observe(info.clock)
                clock.observe(local.state.newest_stamp())
                changes = plan(before, local.state)
                outcome.plays_added = changes.plays_added
                outcome.arrived = changes.summary()
                if not changes.empty:
                    outcome.changed = self._write_back(changes, user)
                outcome.from_devices = [
                    info.name or info.id
                    for device, info in sorted(remote.devices.items())
                    if local.state.vv.get(device, 0) > old_vv.get(device, 0)
                ]
                local.clock = clock.last
                local.last_sync = self.now()
                for device in outcome.from_devices:
                    local.merged_from[device] = local.last_sync
                self.files.save(local)
            self._publish(config, local, remote, clock, outcome)
            outcome.unsent = len(local.outbox)
            self.files.save(local)
        outcome.pending = self.pending(local.state)
        return outcome

    def required_config(self) -> Config:
        config = self.config()
        if config is None:
            raise SyncError("no sync folder yet: run `fancompanion sync init PATH` first")
        if not config.folder.is_dir():
            raise SyncError(
                f"the sync folder {config.folder} is not there (not mounted?); "
                "your changes are kept here and sent at the next sync"
            )
        return config

    def _new_identity(self, config: Config, outcome: Outcome) -> Config:
        """Another machine writes as this device (the data dir was copied): become a new one.
        Everything merged so far stays; operations not sent yet go out under the new id."""
        old = config.device
        config = Config(new_device_id(), config.name, config.folder, secrets.token_hex(8))
        self.files.save_config(config)
        local = self.files.load()
        local.state.vv.pop(old, None)
        renumbered = []
        for seq, doc in enumerate(local.outbox, start=1):
            renumbered.append({**doc, "q": seq})
        local.outbox = renumbered
        local.seq = len(renumbered)
        local.snapshot_seq = 0
        local.state.vv[config.device] = local.seq
        self.files.save(local)
        outcome.notes.append(
            f"this data dir was copied from another machine; it now syncs as device {config.device}"
        )
        return config

    @staticmethod
    def _recover_seq(local: Local, remote: fs.Remote) -> None:
        """Never reuse a sequence number already published (a lost local state file)."""
        published = max((last for _, last, _ in remote.own_segments), default=0)
        if remote.own is not None:
            published = max(published, remote.own.seq)
        local.seq = max(local.seq, published)

    def _record(self, local: Local, clock: Clock, user: UserView) -> int:
        me = clock.device
        ops = diff(user, local.state, clock)
        for op in ops:
            local.seq += 1
            local.state.apply(op)
            local.outbox.append(op_to_doc(op, local.seq))
        local.state.vv[me] = local.seq
        return len(ops)

    def _user_view(self) -> UserView:
        user = self.store.user
        view = UserView()
        for show in user.shows_with_marks():
            marks = user.marks(show)
            if marks:
                view.marks[show] = {m.key: m for m in marks}
        times = user.status_times()
        view.statuses = {
            show: (status.value, times.get(show, ""))
            for show, status in user.statuses().items()
            if status is not WatchStatus.NONE
        }
        view.read = dict.fromkeys(user.read_ids(), "")
        view.settings = user.settings()
        view.feeds = {f.url: {"title": f.title, "enabled": f.enabled} for f in user.feeds()}
        wanted = set(view.marks) | set(view.statuses)
        for summary in self.store.catalog.summaries():
            if summary.id in wanted:
                view.identities[summary.id] = {
                    "name": summary.name,
                    "tvmaze_id": summary.tvmaze_id,
                    "imdb_id": summary.imdb_id,
                }
        return view

    def _write_back(self, changes: Plan, user: UserView) -> int:
        self.applying = True
        try:
            return write_back(self.library, changes, user.marks)
        finally:
            self.applying = False

    # -- the folder ------------------------------------------------------------------------------

    def _publish(
        self, config: Config, local: Local, remote: fs.Remote, clock: Clock, outcome: Outcome
    ) -> None:
        me = config.device
        try:
            if remote.own is None and not remote.own_snapshot and local.snapshot_seq:
                outcome.notes.append("this device's files had gone from the folder; written again")
            if local.outbox:
                fs.write_segment(config.folder, me, local.outbox)
                outcome.sent = len(local.outbox)
                local.outbox = []
            if self._snapshot_due(local, remote):
                fs.write_snapshot(config.folder, me, local.state)
                local.snapshot_seq = local.seq
                local.snapshot_at = self.now()
                outcome.compacted = True
            self._prune(config, local, remote)
            fs.write_device_info(
                config.folder,
                fs.DeviceInfo(
                    id=me,
                    name=config.name,
                    written_at=self.now(),
                    clock=clock.last,
                    vv=dict(local.state.vv),
                    seq=local.seq,
                    instance=config.instance,
                ),
            )
        except SyncError as error:
            outcome.problems.append(str(error))

    def _snapshot_due(self, local: Local, remote: fs.Remote) -> bool:
        if not remote.own_snapshot or local.snapshot_seq == 0:
            return True
        if local.seq - local.snapshot_seq >= SNAPSHOT_EVERY_OPS:
            return True
        if len(remote.own_segments) + 1 >= SNAPSHOT_EVERY_FILES:
            return True
        taken = parse_utc(local.snapshot_at)
        now = parse_utc(self.now())
        stale = taken is None or now is None or now - taken >= SNAPSHOT_EVERY
        return stale and local.seq > local.snapshot_seq

    def _prune(self, config: Config, local: Local, remote: fs.Remote) -> None:
        """Delete our log files that our snapshot holds and every known device has merged."""
        now = parse_utc(self.now()) or datetime.now(UTC)
        merged_by_all = local.snapshot_seq
        for info in remote.devices.values():
            written = parse_utc(info.written_at)
            if written is not None and now - written > QUIET_DEVICE:
                continue  # months away: it will merge from a snapshot when it returns
            merged_by_all = min(merged_by_all, info.vv.get(config.device, 0))
        for _, last, path in remote.own_segments:
            if last <= merged_by_all:
                fs.remove(path)

    # -- reading -----------------------------------------------------------------------------------

    def pending(self, state: State | None = None) -> list[str]:
        """Shows with marks or a status from sync that the catalog does not hold yet."""
        if state is None:
            state = self.files.load().state
        known = {s.id for s in self.store.catalog.summaries()}
        shows = {p.show for p in state.plays.values()}
        shows |= {show for show, value in state.registers_with(STATUS) if value}
        out = []
        for show in sorted(shows - known):
            identity = state.register(SHOW + show)
            name = identity.get("name") if isinstance(identity, dict) else None
            out.append(str(name) if name else show)
        return out

    def status(self) -> Status:
        """This device, the others seen, and what is not merged yet (``sync status``)."""
        from fancompanion.sync.status import status_of

        return status_of(self)
