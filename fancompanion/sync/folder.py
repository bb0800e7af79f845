"""The shared folder: each device writes only ``devices/<its id>/``, atomically; reading
tolerates what sync engines leave behind.

Layout (``PATH`` is the folder named by ``fancompanion sync init PATH``)::

    PATH/devices/<id>/device.json          who this is, its clock, what it has merged (vv)
    PATH/devices/<id>/snapshot.json.gz     the merged state when it last compacted
    PATH/devices/<id>/log/<first>-<last>.jsonl   its operations since, one file per batch

Every file is written once under a temporary dot-name and renamed, so no reader and no sync
engine sees half of it. Temporary files of sync engines (``.syncthing.*.tmp``, ``~syncthing~``,
``*.tmp``/``*.part``) are skipped; conflict copies (``… (conflict …)``, ``.sync-conflict-…``,
Dropbox's ``conflicted copy``) of logs and snapshots are read like the originals — merging is
idempotent, so reading one twice costs nothing and a change in either is kept; a damaged or
half-written file is skipped with one line, and read again at the next sync.
"""

from __future__ import annotations

import gzip
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from fancompanion.core.store.errors import StoreError
from fancompanion.core.store.files import atomic_write
from fancompanion.sync.model import Op, State, op_from_doc, state_from_doc, state_to_doc

DEVICES = "devices"
DEVICE_FILE = "device.json"
SNAPSHOT = "snapshot.json.gz"
LOG = "log"
_SEGMENT = re.compile(r"^(\d{10})-(\d{10})\.jsonl$")
_TEMPORARY = re.compile(r"^[.~]|\.(tmp|part|partial|crdownload|download)$", re.IGNORECASE)
_CONFLICT = re.compile(r"sync-conflict|\(conflict|conflicted copy|\(\d+\)|-conflict-", re.I)


class SyncError(Exception):
    """A sync failure, as one line for the fan; nothing was lost."""


def is_temporary(name: str) -> bool:
    return bool(_TEMPORARY.search(name))


def is_conflict_copy(name: str) -> bool:
    return bool(_CONFLICT.search(name))


@dataclass(slots=True)
class DeviceInfo:
    id: str
    name: str = ""
    written_at: str = ""  # wall time of its last write (its own clock)
    clock: str = ""  # its hybrid clock then
    vv: dict[str, int] = field(default_factory=dict)
    seq: int = 0  # its own operations so far
    instance: str = ""  # which copy of a data dir wrote it (a copied one gets a new id)


@dataclass(slots=True)
class Remote:
    """Everything read from the other devices' folders."""

    state: State = field(default_factory=State)
    devices: dict[str, DeviceInfo] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    own: DeviceInfo | None = None  # our own device.json as the folder has it
    own_segments: list[tuple[int, int, Path]] = field(default_factory=list)
    own_snapshot: bool = False


def device_dir(folder: Path, device: str) -> Path:
    return folder / DEVICES / device


def _load_json(path: Path) -> Any:
    return orjson.loads(path.read_bytes())


def read_device_info(path: Path, device: str) -> DeviceInfo | None:
    try:
        doc = _load_json(path)
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(doc, dict):
        return None
    vv = doc.get("vv")
    seq = doc.get("seq")
    return DeviceInfo(
        id=device,
        name=str(doc.get("name") or ""),
        written_at=str(doc.get("written_at") or ""),
        clock=str(doc.get("clock") or ""),
        vv={str(k): v for k, v in vv.items() if isinstance(v, int)} if isinstance(vv, dict) else {},
        seq=seq if isinstance(seq, int) else 0,
        instance=str(doc.get("instance") or ""),
    )


def read_segment(path: Path, problems: list[str]) -> list[tuple[int, Op]]:
    """The operations of one log file; a damaged line (a half-transferred end) is skipped."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.append(f"could not read {path.name}: {error.strerror or error}")
        return []
    out: list[tuple[int, Op]] = []
    bad = 0
    for line in raw.split(b"\n"):
        if not line.strip():
            continue
        try:
            parsed = op_from_doc(orjson.loads(line))
        except orjson.JSONDecodeError:
            parsed = None
        if parsed is None:
            bad += 1
        else:
            out.append(parsed)
    if bad:
        problems.append(f"{path.parent.parent.name}/{path.name}: skipped {bad} damaged line(s)")
    return out


def read_snapshot(path: Path, problems: list[str]) -> State | None:
    try:
        doc = orjson.loads(gzip.decompress(path.read_bytes()))
    except (OSError, EOFError, zlib.error, orjson.JSONDecodeError) as error:
        reason = getattr(error, "strerror", None) or "half-written or damaged"
        problems.append(f"{path.parent.name}/{path.name}: skipped ({reason}); read again next sync")
        return None
    return state_from_doc(doc)


def read_folder(folder: Path, me: str) -> Remote:
    """Read every device's files (ours only for what we wrote there)."""
    remote = Remote()
    root = folder / DEVICES
    try:
        entries = sorted(p for p in root.iterdir() if p.is_dir() and not is_temporary(p.name))
    except FileNotFoundError:
        return remote
    except OSError as error:
        reason = error.strerror or error
        raise SyncError(f"cannot read the sync folder {folder}: {reason}") from error
    for directory in entries:
        if is_conflict_copy(directory.name):
            device = _CONFLICT.split(directory.name)[0].strip(" .-_(") or directory.name
        else:
            device = directory.name
        try:
            _read_device(directory, device, me, remote)
        except OSError as error:
            remote.problems.append(f"could not read {directory.name}: {error.strerror or error}")
    return remote


def _read_device(directory: Path, device: str, me: str, remote: Remote) -> None:
    info = read_device_info(directory / DEVICE_FILE, device)
    if device == me:
        remote.own = info
        remote.own_snapshot = (directory / SNAPSHOT).is_file()
        log = directory / LOG
        if log.is_dir():
            for path in log.iterdir():
                match = _SEGMENT.match(path.name)
                if match:
                    remote.own_segments.append((int(match[1]), int(match[2]), path))
        return
    if info is None:
        info = DeviceInfo(id=device)
    remote.devices.setdefault(device, info)
    state = remote.state
    snapshots = [p for p in directory.iterdir() if p.name.startswith("snapshot") and p.is_file()]
    for path in sorted(snapshots):
        if is_temporary(path.name) or not path.name.endswith(".gz"):
            continue
        snapshot = read_snapshot(path, remote.problems)
        if snapshot is not None:
            state.join(snapshot)
    log = directory / LOG
    ops: list[tuple[int, Op]] = []
    if log.is_dir():
        for path in sorted(log.iterdir()):
            if path.is_file() and not is_temporary(path.name) and path.suffix == ".jsonl":
                ops.extend(read_segment(path, remote.problems))
    ops.sort(key=lambda item: item[0])
    have = state.vv.get(device, 0)
    for seq, op in ops:
        state.apply(op)
        if seq == have + 1:
            have = seq
    if have > state.vv.get(device, 0):
        state.vv[device] = have


# -- writing our own files -------------------------------------------------------------------


def _write(path: Path, data: bytes) -> None:
    try:
        atomic_write(path, data)
    except StoreError as error:
        message = str(error).replace("; nothing was changed", "")
        raise SyncError(f"{message}; changes are kept here and sent at the next sync") from error


def write_segment(folder: Path, me: str, ops: list[dict[str, Any]]) -> Path:
    first, last = ops[0]["q"], ops[-1]["q"]
    path = device_dir(folder, me) / LOG / f"{first:010d}-{last:010d}.jsonl"
    _write(path, b"".join(orjson.dumps(doc) + b"\n" for doc in ops))
    return path


def write_snapshot(folder: Path, me: str, state: State) -> int:
    data = gzip.compress(orjson.dumps(state_to_doc(state)), compresslevel=6, mtime=0)
    _write(device_dir(folder, me) / SNAPSHOT, data)
    return len(data)


def write_device_info(folder: Path, info: DeviceInfo) -> None:
    doc = {
        "format": 1,
        "app": "fancompanion",
        "id": info.id,
        "name": info.name,
        "written_at": info.written_at,
        "clock": info.clock,
        "seq": info.seq,
        "vv": info.vv,
        "instance": info.instance,
    }
    _write(device_dir(folder, info.id) / DEVICE_FILE, orjson.dumps(doc, option=orjson.OPT_INDENT_2))


def remove(path: Path) -> None:
    """Delete one of our own files (pruning); a failure leaves it for the next time."""
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as error:
        raise SyncError(f"cannot prune {path}: {error.strerror or error}") from error
