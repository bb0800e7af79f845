"""The command line shows progress as a bar on a terminal and as plain lines elsewhere."""

from __future__ import annotations

import argparse
import io

from fancompanion.cli.context import Context
from fancompanion.cli.fetch_cmds import ProgressPrinter
from fancompanion.fetch.progress import RefreshReport, Step


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def printer(err: io.StringIO) -> ProgressPrinter:
    return ProgressPrinter(Context(argparse.Namespace(), io.StringIO(), err))


def test_plain_lines_when_not_a_terminal() -> None:
    err = io.StringIO()
    show = printer(err)
    show(Step("shows", "Daredevil", 0, 2))
    show(Step("shows", "Luke Cage", 1, 2))
    show(Step("shows", "shows done", 2, 2))
    assert err.getvalue().splitlines() == ["shows 1/2: Daredevil", "shows 2/2: Luke Cage"]


def test_a_bar_redrawn_in_place_on_a_terminal() -> None:
    err = Terminal()
    show = printer(err)
    show(Step("news", "Deadline", 1, 4))
    assert err.getvalue().startswith("\r[#####...............] 1/4 news: Deadline")
    show.finish()
    assert "\n" not in err.getvalue()
    assert err.getvalue().endswith("\r")


def test_summary_line_counts() -> None:
    summary = RefreshReport(shows_updated=3, news_added=12, errors=["feed x: HTTP 500"])
    assert summary.line() == "3 shows updated, 12 new news items, 1 error"
    assert not summary.ok
    assert RefreshReport(shows_updated=1, news_added=1).line() == (
        "1 show updated, 1 new news item, 0 errors"
    )
