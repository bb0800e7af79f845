"""Parse the command line and dispatch to a command module; errors become one line."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from typing import NoReturn, TextIO

from fancompanion import __version__
from fancompanion.cli.context import CommandError, Context
from fancompanion.core.store.errors import StoreError

# Each module defines ``register(subparsers, common)`` and sets ``handler`` on its parser.
COMMAND_MODULES = (
    "fancompanion.cli.library_cmds",
    "fancompanion.cli.news_cmds",
    "fancompanion.cli.track_cmds",
    "fancompanion.cli.fetch_cmds",
    "fancompanion.cli.exchange_cmds",
    "fancompanion.cli.doctor_cmds",
    "fancompanion.cli.sync_cmds",
    "fancompanion.cli.digest_cmds",
)

Handler = Callable[[Context], int]


class UsageError(Exception):
    """A command line argparse cannot read: one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    """argparse with a one-line usage error (the usage is one ``--help`` away)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _common() -> argparse.ArgumentParser:
    common = Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="store directory (default: $FANCOMPANION_DATA_DIR or the user data dir)",
    )
    common.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks"
    )
    common.add_argument("--version", action="version", version=f"fancompanion {__version__}")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = Parser(
        prog="fancompanion",
        description="A terminal fan companion for TV series. With no command, starts the app.",
        parents=[common],
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    return parser


def run(argv: list[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as error:
        Context(argparse.Namespace(), out or sys.stdout, err or sys.stderr).warn(f"error: {error}")
        return 2
    context = Context(args, out or sys.stdout, err or sys.stderr)
    handler: Handler | None = getattr(args, "handler", None)
    try:
        if handler is None:
            from fancompanion.tui.launch import launch

            return int(launch(context))
        return handler(context)
    except (StoreError, CommandError) as error:
        if getattr(args, "debug", False):
            raise
        context.warn(f"error: {error}")
        return 1
    except KeyboardInterrupt:
        context.warn("interrupted")
        return 130
    except BrokenPipeError:
        return 0
