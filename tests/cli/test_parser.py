"""A command line builds only its own command's parsers, and reads exactly as the whole parser.

``fancompanion watch …`` must start fast, so :func:`build_parser` registers one command
module when the command is known; these tests hold the table of which module defines which
command to what the modules really register, and show the two parsers agree.
"""

from __future__ import annotations

import argparse
import importlib

import pytest

from fancompanion.cli.main import COMMAND_MODULES, UsageError, build_parser, command_word


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:  # argparse keeps its subparsers in a private list
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


@pytest.mark.parametrize("module", sorted(COMMAND_MODULES))
def test_each_module_registers_exactly_the_commands_the_table_names(module: str) -> None:
    subparsers = argparse.ArgumentParser().add_subparsers()
    importlib.import_module(module).register(subparsers, argparse.ArgumentParser(add_help=False))
    assert set(subparsers.choices) == set(COMMAND_MODULES[module])


def test_the_whole_parser_has_every_command_once() -> None:
    named = [c for commands in COMMAND_MODULES.values() for c in commands]
    assert len(named) == len(set(named))
    assert _commands(build_parser()) == set(named)


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["watch", "Anchor", "Bay", "S01E01"], "watch"),
        (["--data-dir", "/tmp/x", "watch", "x", "S01E01"], "watch"),
        (["--data-dir=/tmp/x", "--debug", "status", "x", "none"], "status"),
        (["--data-dir", "watch", "news"], "news"),  # a directory named like a command
        (["--debug", "--help", "watch"], None),  # the top-level help lists every command
        (["-h"], None),
        (["--data-dir"], None),
        ([], ""),  # no command: the app starts
        (["--data-dir", "/tmp/x", "--debug"], ""),
        (["wach", "x"], None),  # a typo: the whole parser says what the commands are
    ],
)
def test_the_command_word(argv: list[str], word: str | None) -> None:
    assert command_word(argv) == word


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", "/tmp/x", "watch", "Jessica", "Jones", "S01E01-S01E03", "--date", "today"],
        ["unwatch", "--json", "x", "1x02"],
        ["--debug", "status", "The", "Wire", "completed", "--json"],
        ["remove", "--yes", "Lost"],
        ["news", "show", "abcd"],
        ["feeds", "add", "http://127.0.0.1/feed", "--title", "x"],
        ["--data-dir=/tmp/y", "shows", "--json"],
    ],
)
def test_one_commands_parser_reads_a_line_as_the_whole_parser_does(argv: list[str]) -> None:
    word = command_word(argv)
    assert word is not None
    assert _commands(build_parser(word)) < _commands(build_parser())
    assert build_parser(word).parse_args(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize("argv", [[], ["--data-dir", "/tmp/x"], ["--debug", "--data-dir=/tmp/x"]])
def test_a_line_with_no_command_builds_no_command_and_reads_as_the_whole_parser(
    argv: list[str],
) -> None:
    assert command_word(argv) == ""
    assert _commands(build_parser("")) == set()
    args = build_parser("").parse_args(argv)
    assert args == build_parser().parse_args(argv)
    assert getattr(args, "handler", None) is None  # the app starts


@pytest.mark.parametrize(
    "argv",
    [
        ["watch"],
        ["watch", "x", "S01E01", "--date"],
        ["status", "--nope", "x", "none"],
        ["--data-dir", "/tmp/x", "news", "--limit", "0"],
    ],
)
def test_one_commands_parser_refuses_what_the_whole_parser_refuses(argv: list[str]) -> None:
    word = command_word(argv)
    assert word is not None
    messages = []
    for parser in (build_parser(word), build_parser()):
        with pytest.raises(UsageError) as refused:
            parser.parse_args(argv)
        messages.append(str(refused.value))
    assert messages[0] == messages[1]
