"""``fancompanion sync init PATH``, ``sync`` and ``sync status``: history on every machine,
through a folder the fan already syncs (see README, "Sync between machines")."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from fancompanion.cli.context import CommandError, Context
from fancompanion.core.timeutil import local_display


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    sync = subparsers.add_parser(
        "sync",
        parents=[common],
        help="sync your history through a folder (Syncthing, Dropbox, …): init, status, or now",
        description="With no subcommand: exchange changes with the other devices now.",
    )
    sync.set_defaults(handler=cmd_sync)
    commands = sync.add_subparsers(dest="sync_command", metavar="SUBCOMMAND")
    init = commands.add_parser(
        "init", parents=[common], help="name the synced folder this machine writes into"
    )
    init.add_argument("path", metavar="PATH", help="a folder your sync engine keeps in step")
    init.add_argument("--name", help="this device's name (default: the host name)")
    init.set_defaults(handler=cmd_init)
    status = commands.add_parser(
        "status", parents=[common], help="this device, the others seen, what is not merged yet"
    )
    status.set_defaults(handler=cmd_status)


def _sync(context: Context) -> Any:
    from fancompanion.sync.engine import Sync

    return Sync(context.library)


def _fail(error: Exception) -> CommandError:
    return CommandError(str(error))


def cmd_init(context: Context) -> int:
    from fancompanion.sync.engine import SyncError

    sync = _sync(context)
    try:
        config = sync.init(Path(context.args.path), context.args.name)
        context.print(f"This device is {config.name} (id {config.device}).")
        context.print(f"Sync folder: {config.folder}")
        outcome = sync.run()
    except SyncError as error:
        raise _fail(error) from None
    _report(context, outcome)
    return 0 if not outcome.problems else 1


def cmd_sync(context: Context) -> int:
    from fancompanion.sync.engine import SyncError

    try:
        outcome = _sync(context).run()
    except SyncError as error:
        raise _fail(error) from None
    _report(context, outcome)
    return 0 if not outcome.unsent else 1


def _report(context: Context, outcome: Any) -> None:
    context.print(outcome.line())
    for note in outcome.notes:
        context.print(note)
    if outcome.pending:
        names = ", ".join(outcome.pending[:5]) + (" …" if len(outcome.pending) > 5 else "")
        context.print(
            f"{len(outcome.pending)} show(s) marked on another device are not in the library "
            f"yet (added at the next `fancompanion fetch`): {names}"
        )
    for problem in outcome.problems:
        context.warn(problem)


def cmd_status(context: Context) -> int:
    from fancompanion.sync.engine import SyncError

    try:
        status = _sync(context).status()
    except SyncError as error:
        raise _fail(error) from None
    config = status.config
    context.print(f"This device: {config.name} (id {config.device})")
    context.print(f"Folder: {config.folder}")
    last = local_display(status.last_sync, with_time=True) or "never"
    context.print(f"Last sync: {last}")
    if not status.devices:
        context.print("Other devices: none seen yet (set up sync on another machine)")
    else:
        context.print("Other devices:")
    for device in status.devices:
        wrote = local_display(device.last_write, with_time=True) or "never"
        merged = (
            "has merged everything from here"
            if device.has_merged_ours
            else f"has not merged {device.behind} change(s) from here yet"
        )
        note = f"; {device.clock_note}" if device.clock_note else ""
        context.print(f"  {device.name} (id {device.id}): last wrote {wrote}; {merged}{note}")
    if status.unmerged:
        context.print(
            f"Not merged here yet: {status.unmerged} change(s) in the folder "
            "(run `fancompanion sync`)"
        )
    if status.unsent:
        context.print(f"Not sent yet: {status.unsent} change(s) from here")
    if not status.unmerged and not status.unsent:
        context.print("Nothing waiting: this device and the folder are in step")
    if status.pending:
        context.print(
            f"Pending (marked elsewhere, not in the library yet): {', '.join(status.pending)}"
        )
    for problem in status.problems:
        context.warn(problem)
    return 0
