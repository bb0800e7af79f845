"""Sync between machines through a folder the fan already syncs (Syncthing, Dropbox, …).

See docs/sync.md: each device writes only its own files; the merge is a join of per-device
operation logs (plays with tombstones, last-writer-wins registers under a hybrid logical clock).
No Textual, no httpx: the TUI and the CLI call :class:`fancompanion.sync.engine.Sync`.
"""
