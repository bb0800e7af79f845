"""Three devices (own data dirs, one shared folder) making random interleaved changes and
syncing in random orders, with skewed clocks and half-transferred files: they all converge,
and no play is lost or resurrected.

The oracle models plays as events: a watch of an unwatched episode or a rewatch creates one on
its device; an unwatch kills the live ones its device has seen; a sync publishes what a device
knows and takes in what the folder holds. After everyone has synced twice around, each
episode must show exactly the plays created and not killed.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fancompanion.core.commands import Result
from fancompanion.core.models import WatchStatus
from fancompanion.sync import folder as fs
from tests.sync.devices import DAY_MS, Device

SHOWS = ("tvmaze-1", "tvmaze-2")
STATUSES = (WatchStatus.WATCHING, WatchStatus.COMPLETED, WatchStatus.DROPPED)

action = st.one_of(
    st.tuples(st.just("watch"), st.integers(0, 2), st.sampled_from(SHOWS), st.integers(1, 3)),
    st.tuples(st.just("rewatch"), st.integers(0, 2), st.sampled_from(SHOWS), st.integers(1, 3)),
    st.tuples(st.just("unwatch"), st.integers(0, 2), st.sampled_from(SHOWS), st.integers(1, 3)),
    st.tuples(st.just("status"), st.integers(0, 2), st.sampled_from(SHOWS), st.integers(0, 2)),
    st.tuples(st.just("read"), st.integers(0, 2), st.sampled_from(("n1", "n2")), st.booleans()),
    st.tuples(st.just("sync"), st.integers(0, 2), st.just(""), st.just(0)),
    st.tuples(st.just("partial"), st.integers(0, 2), st.just(""), st.integers(0, 2)),
    st.tuples(st.just("undo"), st.integers(0, 2), st.just(""), st.just(0)),
)


@dataclass
class Oracle:
    known: list[set[int]] = field(default_factory=lambda: [set(), set(), set()])
    dead: list[set[int]] = field(default_factory=lambda: [set(), set(), set()])
    folder_known: set[int] = field(default_factory=set)
    folder_dead: set[int] = field(default_factory=set)
    episode_of: dict[int, tuple[str, int]] = field(default_factory=dict)
    # a device's last change, undoable while it has not synced since: (known, dead, result)
    undo: dict[int, tuple[set[int], set[int], Result]] = field(default_factory=dict)

    def changed(self, device: int, before: tuple[set[int], set[int]], result: Result) -> None:
        self.undo[device] = (before[0], before[1], result)

    def live(self, device: int, show: str, number: int) -> set[int]:
        return {
            e
            for e in self.known[device] - self.dead[device]
            if self.episode_of[e] == (show, number)
        }

    def play(self, device: int, show: str, number: int) -> None:
        event = len(self.episode_of)
        self.episode_of[event] = (show, number)
        self.known[device].add(event)

    def sync(self, device: int) -> None:
        self.undo.pop(device, None)
        self.known[device] |= self.folder_known
        self.dead[device] |= self.folder_dead
        self.folder_known |= self.known[device]
        self.folder_dead |= self.dead[device]

    def expected(self) -> dict[tuple[str, str], int]:
        out: dict[tuple[str, str], int] = {}
        for event in self.folder_known - self.folder_dead:
            show, number = self.episode_of[event]
            out[(show, f"S1E{number}")] = out.get((show, f"S1E{number}"), 0) + 1
        return out


def _truncate_newest_log(folder: Path, device: Device) -> tuple[Path, bytes] | None:
    config = device.sync.config()
    assert config is not None
    logs = sorted((fs.device_dir(folder, config.device) / fs.LOG).glob("*.jsonl"))
    if not logs:
        return None
    raw = logs[-1].read_bytes()
    logs[-1].write_bytes(raw[: max(0, len(raw) - 9)])  # the sync engine is mid-transfer
    return logs[-1], raw


@settings(
    max_examples=int(os.environ.get("SYNC_EXAMPLES", "25")),  # more: SYNC_EXAMPLES=500
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    actions=st.lists(action, min_size=1, max_size=30),
    skews=st.tuples(
        st.just(0), st.sampled_from([0, DAY_MS, -DAY_MS]), st.sampled_from([0, 3600_000])
    ),
    final_order=st.permutations([0, 1, 2]),
)
def test_three_devices_converge_and_no_play_is_lost_or_resurrected(
    actions: list[tuple[str, int, str, object]],
    skews: tuple[int, int, int],
    final_order: list[int],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "Sync"
        devices = [
            Device(root / f"d{i}", folder, f"device {i}", skew_ms=skews[i]) for i in range(3)
        ]
        oracle = Oracle()
        for minute, (kind, index, target, value) in enumerate(actions, start=1):
            device = devices[index]
            at = f"2024-01-01T{minute // 60:02d}:{minute % 60:02d}:00Z"  # every play its own time
            before = (set(oracle.known[index]), set(oracle.dead[index]))
            if kind in ("watch", "rewatch"):
                assert isinstance(value, int)
                make = device.watch if kind == "watch" else device.rewatch
                result = make(target, value, at)
                if result.changed:
                    oracle.play(index, target, value)
                    oracle.changed(index, before, result)
            elif kind == "unwatch":
                assert isinstance(value, int)
                oracle.dead[index] |= oracle.live(index, target, value)
                result = device.unwatch(target, value)
                if result.changed:
                    oracle.changed(index, before, result)
            elif kind == "status":
                assert isinstance(value, int)
                oracle.changed(index, before, device.set_status(target, STATUSES[value]))
            elif kind == "read":
                oracle.changed(index, before, device.set_read(target, bool(value)))
            elif kind == "undo":  # undo is just another change (before this device syncs)
                last = oracle.undo.pop(index, None)
                inverse = getattr(last[2], "inverse", None) if last else None
                if last is not None and inverse is not None:
                    device.library.apply(inverse)
                    oracle.known[index], oracle.dead[index] = last[0], last[1]
            elif kind == "sync":
                device.run()
                oracle.sync(index)
            else:  # another device's newest log is half transferred while this one syncs
                assert isinstance(value, int)
                cut = _truncate_newest_log(folder, devices[value]) if value != index else None
                device.run()
                if cut is not None:
                    cut[0].write_bytes(cut[1])
                device.run()  # the transfer completed
                oracle.sync(index)
        for _ in range(2):
            for index in final_order:
                devices[index].run()
                oracle.sync(index)
        seen = [device.seen() for device in devices]
        assert seen[0] == seen[1] == seen[2]
        plays = {key: value[0] for key, value in devices[0].plays().items()}
        assert plays == oracle.expected()
