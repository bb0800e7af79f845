"""Parse the command line and dispatch to a command module; errors become one line."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn, TextIO

from fancompanion import __version__
from fancompanion.cli.context import CommandError, Context
from fancompanion.core.store.errors import StoreError

# Each module defines ``register(subparsers, common)`` for the commands named here (and sets
# ``handler`` on their parsers). A command line that starts with one of them builds only its
# module's parsers (argparse costs ~1 ms a parser); one with no command (the app starts) builds
# none; ``--help`` and anything else build them all.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "fancompanion.cli.library_cmds": ("shows",),
    "fancompanion.cli.news_cmds": ("news",),
    "fancompanion.cli.track_cmds": ("watch", "unwatch", "status", "remove"),
    "fancompanion.cli.fetch_cmds": ("search", "add", "fetch", "feeds"),
    "fancompanion.cli.exchange_cmds": ("export", "import", "calendar", "stats"),
    "fancompanion.cli.doctor_cmds": ("doctor",),
    "fancompanion.cli.sync_cmds": ("sync",),
    "fancompanion.cli.digest_cmds": ("digest",),
}

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


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: every command, or only the module that defines ``command``
    (none for ``""``: a line with no command)."""
    common = _common()
    parser = Parser(
        prog="fancompanion",
        description="A terminal fan companion for TV series. With no command, starts the app.",
        parents=[common],
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, commands in COMMAND_MODULES.items():
        if command is None or command in commands:
            importlib.import_module(name).register(subparsers, common)
    return parser


def command_word(argv: Sequence[str]) -> str | None:
    """The command a command line runs, when only ``--data-dir``/``--debug`` come before it;
    ``""`` when they are all there is (no command: the app starts).

    Its parser is then the whole parser's for these words (the same options before it, the same
    subparser after), so parsing with its module alone gives the same result and errors.
    """
    at = 0
    while at < len(argv):
        if argv[at] == "--data-dir":
            at += 2
        elif argv[at].startswith("--data-dir=") or argv[at] == "--debug":
            at += 1
        else:
            break
    if at == len(argv):
        return ""
    word = argv[at] if at < len(argv) else None
    return word if any(word in names for names in COMMAND_MODULES.values()) else None


def run(argv: list[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    parser = build_parser(command_word(argv))
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
