"""This device's sync files in the data dir (``<data>/sync/``), never in the shared folder.

``config.json`` names the device and the folder; ``state.json`` holds the state merged here
(the base every diff is taken against), this device's operation counter and clock, and the
*outbox*: operations not yet written to the folder (a read-only or full folder loses nothing;
they go out at the next sync that can write).
"""

from __future__ import annotations

import secrets
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from fancompanion.core.store.errors import CorruptFileError
from fancompanion.core.store.files import StoreLock, atomic_write, dumps, read_json
from fancompanion.sync import CONFIG_NAME
from fancompanion.sync.model import State, state_from_doc, state_to_doc


def new_device_id() -> str:
    return secrets.token_hex(5)


def default_name() -> str:
    name = "".join(c for c in socket.gethostname() if c.isprintable()).strip()
    return name[:40] or "this machine"


@dataclass(slots=True)
class Config:
    device: str
    name: str
    folder: Path
    instance: str  # tells a copied data dir (same device id on two machines) from this one


@dataclass(slots=True)
class Local:
    state: State = field(default_factory=State)
    seq: int = 0
    clock: str = ""
    outbox: list[dict[str, Any]] = field(default_factory=list)
    last_sync: str = ""
    snapshot_seq: int = 0
    snapshot_at: str = ""
    merged_from: dict[str, str] = field(default_factory=dict)  # device -> when last merged


class LocalFiles:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.config_path = root / CONFIG_NAME
        self.state_path = root / "state.json"
        self.lock = StoreLock(root / ".lock")

    def config(self) -> Config | None:
        doc = read_json(self.config_path)
        if not isinstance(doc, dict) or not doc.get("folder") or not doc.get("device"):
            return None
        return Config(
            device=str(doc["device"]),
            name=str(doc.get("name") or default_name()),
            folder=Path(str(doc["folder"])),
            instance=str(doc.get("instance") or ""),
        )

    def save_config(self, config: Config) -> None:
        doc = {
            "device": config.device,
            "name": config.name,
            "folder": str(config.folder),
            "instance": config.instance,
        }
        atomic_write(self.config_path, orjson.dumps(doc, option=orjson.OPT_INDENT_2))

    def load(self) -> Local:
        try:
            doc = read_json(self.state_path)
        except CorruptFileError:
            # The merged state can be rebuilt: the user state is the truth here and every
            # other device's operations are still in the folder. Start again from them.
            return Local()
        if not isinstance(doc, dict):
            return Local()
        outbox = doc.get("outbox")
        merged = doc.get("merged_from")
        return Local(
            state=state_from_doc(doc.get("state")),
            seq=_int(doc.get("seq")),
            clock=str(doc.get("clock") or ""),
            outbox=[d for d in outbox if isinstance(d, dict)] if isinstance(outbox, list) else [],
            last_sync=str(doc.get("last_sync") or ""),
            snapshot_seq=_int(doc.get("snapshot_seq")),
            snapshot_at=str(doc.get("snapshot_at") or ""),
            merged_from={str(k): str(v) for k, v in merged.items()}
            if isinstance(merged, dict)
            else {},
        )

    def save(self, local: Local) -> None:
        doc = {
            "format": 1,
            "seq": local.seq,
            "clock": local.clock,
            "last_sync": local.last_sync,
            "snapshot_seq": local.snapshot_seq,
            "snapshot_at": local.snapshot_at,
            "merged_from": local.merged_from,
            "outbox": local.outbox,
            "state": state_to_doc(local.state),
        }
        atomic_write(self.state_path, dumps(doc))


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
