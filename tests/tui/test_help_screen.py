"""The help screen lists every key of the app, grouped, and closes with esc or ?."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Label

from fancompanion.core.library import Library
from fancompanion.core.store import Store
from fancompanion.tui.keys import COMMANDS
from fancompanion.tui.screens.help import HelpScreen
from fancompanion.tui.screens.help import groups as help_groups
from tests.tui.library_pilot import make_app
from tests.tui.screen_harness import HarnessApp, SnapCompare, settle


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


def help_rows(screen: HelpScreen) -> dict[str, list[str]]:
    """The help as drawn: each group's heading with its keys, in order."""
    rows: dict[str, list[str]] = {}
    group = ""
    for label in screen.query(".help-group, .help-key").results(Label):
        content = label.content
        assert isinstance(content, Content)
        if label.has_class("help-group"):
            group = content.plain
        else:
            rows.setdefault(group, []).append(content.plain)
    return rows


async def test_help_from_the_news_screen_lists_its_keys(store: Store) -> None:
    """`n` then `?`: the News screen's keys are all there, `/` and `s` included (the same
    keys mean something in the library too, and are listed there as well)."""
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = help_rows(app.screen)
        assert rows["News"] == ["o", "m", "t", "s", "/"]
        assert "/" in rows["Library"]
        assert "s" in rows["Episodes"]
        assert rows["Anywhere"].count("q") == 1


def every_binding() -> list[tuple[str, str]]:
    """(class, key) for every key bound by a screen, widget or the app in fancompanion.tui."""
    import fancompanion.tui

    found: list[tuple[str, str]] = []
    for info in pkgutil.walk_packages(fancompanion.tui.__path__, "fancompanion.tui."):
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != info.name or "BINDINGS" not in vars(cls):
                continue
            bound: list[BindingType] = vars(cls)["BINDINGS"]
            for binding in bound:
                key = binding.key if isinstance(binding, Binding) else binding[0]
                found += [(name, k.strip()) for k in key.split(",")]
    return found


def test_every_key_the_app_binds_is_in_the_help() -> None:
    """Nothing can drift: a key bound anywhere in the app has a row in the help."""
    listed = {
        k.strip() for commands in help_groups().values() for c in commands for k in c.key.split(",")
    }
    bound = every_binding()
    assert len(bound) > 30
    assert [(cls, key) for cls, key in bound if key not in listed] == []
