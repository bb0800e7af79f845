"""The help screen lists every key of the app, grouped, and closes with esc or ?."""

from __future__ import annotations

from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Label

from fancompanion.core.library import Library
from fancompanion.tui.keys import COMMANDS
from fancompanion.tui.screens.help import HelpScreen
from fancompanion.tui.screens.help import groups as help_groups
from tests.tui.screen_harness import HarnessApp, SnapCompare


def texts(screen: HelpScreen, selector: str) -> list[str]:
    out = []
    for label in screen.query(selector).results(Label):
        content = label.content
        assert isinstance(content, Content)
        out.append(content.plain)
    return out


async def test_help_lists_every_command_under_its_group(library: Library) -> None:
    app = HarnessApp(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = HelpScreen()
        await app.push_screen(screen)
        await pilot.pause()
        listed = [c.description for commands in help_groups().values() for c in commands]
        assert texts(screen, ".help-name") == listed
        assert {c.description for c in COMMANDS} == set(listed)  # none left out
        assert texts(screen, ".help-key")[0] == "?"
        groups = texts(screen, ".help-group")
        assert groups[:4] == ["Anywhere", "Library", "Episodes", "News"]
        assert len(groups) == len(set(groups))


async def test_escape_and_question_mark_close_help(library: Library) -> None:
    app = HarnessApp(library)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("escape", "question_mark"):
            await app.push_screen(HelpScreen())
            await pilot.pause()
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, HelpScreen)


class TestHelpScreenSnapshots:
    """How the help screen looks, narrow and wide."""

    @staticmethod
    async def show_help(pilot: Pilot[None]) -> None:
        await pilot.app.push_screen(HelpScreen())
        await pilot.pause()

    def test_80x24(self, library: Library, snap_compare: SnapCompare) -> None:
        assert snap_compare(HarnessApp(library), terminal_size=(80, 24), run_before=self.show_help)

    def test_160x48(self, library: Library, snap_compare: SnapCompare) -> None:
        assert snap_compare(HarnessApp(library), terminal_size=(160, 48), run_before=self.show_help)
