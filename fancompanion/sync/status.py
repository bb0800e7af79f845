"""``fancompanion sync status``: this device, the other devices seen and when each last wrote,
whether each has merged this device's changes, and anything not merged here yet."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from fancompanion.core.timeutil import parse_utc
from fancompanion.sync import folder as fs
from fancompanion.sync.local import Config
from fancompanion.sync.model import State

if TYPE_CHECKING:
    from fancompanion.sync.engine import Sync


@dataclass(slots=True)
class DeviceLine:
    id: str
    name: str
    last_write: str
    has_merged_ours: bool
    behind: int  # our operations it has not merged yet
    clock_note: str = ""


@dataclass(slots=True)
class Status:
    config: Config
    devices: list[DeviceLine]
    unsent: int  # our operations not in the folder yet
    unmerged: int  # plays/registers in the folder not merged here yet
    last_sync: str
    pending: list[str]
    problems: list[str]


def status_of(sync: Sync) -> Status:
    config = sync.required_config()
    remote = fs.read_folder(config.folder, config.device)
    local = sync.files.load()
    lines = []
    for device, info in sorted(remote.devices.items(), key=lambda kv: kv[1].name or kv[0]):
        seen = info.vv.get(config.device, 0)
        lines.append(
            DeviceLine(
                id=device,
                name=info.name or "(no device file yet)",
                last_write=info.written_at,
                has_merged_ours=seen >= local.seq,
                behind=max(0, local.seq - seen),
                clock_note=_clock_note(info, sync.wall()),
            )
        )
    unmerged = _count_new(local.state, remote.state)
    return Status(
        config=config,
        devices=lines,
        unsent=len(local.outbox),
        unmerged=unmerged,
        last_sync=local.last_sync,
        pending=sync.pending(local.state),
        problems=remote.problems,
    )


def _count_new(mine: State, theirs: State) -> int:
    """Plays, tombstones and register values in ``theirs`` that ``mine`` has not merged."""
    count = sum(1 for pid in theirs.plays if not mine.knows(pid))
    count += len(theirs.dead - mine.dead)
    for name, (stamp, _) in theirs.registers.items():
        current = mine.registers.get(name)
        if current is None or stamp > current[0]:
            count += 1
    return count


def _clock_note(info: fs.DeviceInfo, wall: int) -> str:
    """A device that says it wrote in our future has a clock that is ahead (its writes then
    win only until another device has seen them; see docs/sync.md)."""
    written = parse_utc(info.written_at)
    if written is None:
        return ""
    ahead = int(written.timestamp() * 1000) - wall
    if ahead > 5 * 60 * 1000:
        return f"its clock was {_span(ahead)} ahead of this machine's"
    return ""


def _span(ms: int) -> str:
    minutes = ms // 60000
    if minutes < 120:
        return f"{minutes} min"
    hours = minutes // 60
    return f"{hours} h" if hours < 48 else f"{hours // 24} days"
