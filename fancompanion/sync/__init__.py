"""Sync between machines through a folder the fan already syncs (Syncthing, Dropbox, …).

See docs/sync.md: each device writes only its own files; the merge is a join of per-device
operation logs (plays with tombstones, last-writer-wins registers under a hybrid logical clock).
No Textual, no httpx: the TUI and the CLI call :class:`fancompanion.sync.engine.Sync`.
"""

from pathlib import Path

LOCAL_DIR = "sync"  # this device's sync state, inside the data directory
CONFIG_NAME = "config.json"  # in LOCAL_DIR: the device and the folder; absent until `sync init`


def config_path(data_root: Path) -> Path:
    """Where ``sync init`` writes this device's settings: without that file there is no sync,
    and nothing of the sync engine needs loading to know it."""
    return data_root / LOCAL_DIR / CONFIG_NAME
