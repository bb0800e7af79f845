"""Tracking from the library: episodes, seasons, "up to here", rewatches, watchlist status,
spoiler protection, and marks that survive quitting."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from fancompanion.core.models import Episode, WatchStatus
from fancompanion.core.store import Store
from fancompanion.tui import compat
from fancompanion.tui.widgets.seasons import Node, Seasons
from tests.tui.library_pilot import (
    DEFENDERS,
    JESSICA,
    filter_to,
    library_screen,
    list_rows,
    make_app,
    screen_text,
    select,
    shows_list,
    small_show,
    text_of,
)
from tests.tui.screen_harness import settle


def seasons_tree(app: App[None]) -> Tree[Node]:
    tree: Tree[Node] = library_screen(app).query_one("#seasons-tree", Tree)
    return tree


def cursor_code(app: App[None]) -> str:
    """The episode code under the seasons tree's cursor ("" on a season line)."""
    node = seasons_tree(app).cursor_node
    data = node.data if node is not None else None
    return data.episode.code if data is not None and data.episode is not None else ""


def line_text(app: App[None], node: TreeNode[Node] | None) -> str:
    """A seasons tree line as drawn (after its toggle arrow; written when the line is drawn)."""
    if node is None or node.data is None:
        return ""
    return library_screen(app).query_one(Seasons).label_of(node.data).plain


def cursor_label(app: App[None], *, parent: bool = False) -> str:
    """The seasons tree line under the cursor (or its season's line), as text."""
    node = seasons_tree(app).cursor_node
    if node is not None and parent:
        node = node.parent
    return line_text(app, node)


def row_of(app: App[None], name: str) -> list[str]:
    """A show's row in the list, split into words (name words, then the figure)."""
    return next(r.split() for r in list_rows(app) if r.startswith(name))


def toasts(app: App[None]) -> str:
    """Every notification shown so far (Textual keeps them on the app while they are up)."""
    return "\n".join(n.message for n in compat.notifications(app))


async def open_seasons(pilot: Pilot[None], query: str) -> None:
    """Filter to a show, open its Seasons tab and put the focus in the tree."""
    await filter_to(pilot, query)
    await pilot.press("2", "enter")
    await settle(pilot)


async def test_space_marks_an_episode_and_progress_updates_everywhere(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_seasons(pilot, "jess")
        tree = seasons_tree(app)
        assert tree.has_focus
        assert cursor_code(app) == "S01E01"  # the next one to watch
        await pilot.press("space")
        await settle(pilot)
        assert row_of(app, "Jessica Jones") == ["Jessica", "Jones", "1/39"]
        assert "1/39 aired episodes watched" in text_of(app, "#overview-status")
        assert cursor_label(app).startswith("✓ E01")
        assert "Season 1  1/13" in cursor_label(app, parent=True)
        await pilot.press("space")  # and unmarks it
        await settle(pilot)
        assert row_of(app, "Jessica Jones") == ["Jessica", "Jones", "0/39"]


async def test_space_on_a_season_marks_all_of_it_and_again_unmarks(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_seasons(pilot, "jess")
        await pilot.press("up", "space")  # from S01E01 up to "Season 1"
        await settle(pilot)
        assert row_of(app, "Jessica Jones") == ["Jessica", "Jones", "13/39"]
        assert "Season 1  13/13 ✓" in cursor_label(app)
        assert "Marked 13 episodes of season 1 watched" in toasts(app)
        await pilot.press("space")
        await settle(pilot)
        assert row_of(app, "Jessica Jones") == ["Jessica", "Jones", "0/39"]


async def test_capital_w_marks_everything_up_to_here(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_seasons(pilot, "jess")
        # S01E01 .. S01E13, then "Season 2" (collapsed): open it and go to its third episode
        await pilot.press(*["down"] * 13, "enter", "down", "down", "down")
        assert cursor_code(app) == "S02E03"
        await pilot.press("W")
        await settle(pilot)
        assert row_of(app, "Jessica Jones") == ["Jessica", "Jones", "16/39"]
        assert "Next to watch: S02E04" in text_of(app, "#overview-next")
        assert "Marked 16 episodes up to S02E03 watched" in toasts(app)


async def test_plus_counts_a_rewatch(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_seasons(pilot, "jess")
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("plus")
        await settle(pilot)
        assert "×2" in cursor_label(app)
        assert "2 plays" in text_of(app, "#episode-detail")
        assert row_of(app, "Jessica Jones") == ["Jessica", "Jones", "1/39"]  # still one episode


async def test_w_cycles_the_watchlist_status_and_regroups_the_list(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await select(pilot, JESSICA)
        await pilot.press("w")
        await settle(pilot)
        rows = list_rows(app)
        assert rows[0] == "Watching (1)"
        assert rows[1].split() == ["Jessica", "Jones", "0/39"]
        assert rows[2] == "No status (5)"
        assert "Status: Watching" in text_of(app, "#overview-status")
        await pilot.press("w")
        await settle(pilot)
        assert list_rows(app)[0] == "Plan to watch (1)"
        assert store.user.statuses()[JESSICA] is WatchStatus.PLAN
        assert shows_list(app).current_id == JESSICA


async def test_watching_every_aired_episode_offers_completed(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_seasons(pilot, "defenders")
        await pilot.press("up", "space")
        await settle(pilot)
        assert row_of(app, "The Defenders") == ["The", "Defenders", "8/8"]
        assert "press w to mark it Completed" in toasts(app)
        assert shows_list(app).current_id == DEFENDERS
        await pilot.press("w")  # straight to Completed, not the next status in the cycle
        await settle(pilot)
        assert list_rows(app)[0] == "Completed (1)"
        assert store.user.statuses()[DEFENDERS] is WatchStatus.COMPLETED


async def test_the_palette_sets_any_watchlist_status(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await select(pilot, JESSICA)
        await pilot.press("ctrl+p", *"status: on hold")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert list_rows(app)[0] == "On hold (1)"
        assert store.user.statuses()[JESSICA] is WatchStatus.ON_HOLD


async def test_summaries_of_unwatched_episodes_stay_hidden_until_revealed(store: Store) -> None:
    secret = "Bruce dies at the end."
    store.catalog.put_shows(
        [
            small_show(
                "spoilers",
                "Spoiler Show",
                Episode("spoilers", 1, 1, "Pilot", airdate="2020-01-01", summary=secret),
                Episode("spoilers", 1, 2, "Finale", airdate="2020-01-08", summary="Twist!"),
            )
        ]
    )
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_seasons(pilot, "spoiler")
        detail = text_of(app, "#episode-detail")
        assert secret not in detail
        assert "Summary hidden until watched — press s to reveal" in detail
        await pilot.press("s")
        assert secret in text_of(app, "#episode-detail")
        await pilot.press("down")  # the next one is still hidden; watching it shows it
        assert "Twist!" not in text_of(app, "#episode-detail")
        await pilot.press("space")
        await settle(pilot)
        assert "Twist!" in text_of(app, "#episode-detail")


async def test_the_hide_spoilers_setting_turns_protection_off(store: Store) -> None:
    store.catalog.put_shows(
        [
            small_show(
                "spoilers",
                "Spoiler Show",
                Episode("spoilers", 1, 1, "Pilot", airdate="2020-01-01", summary="It was a dream."),
            )
        ]
    )
    store.user.set_setting("hide_spoilers", False)
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_seasons(pilot, "spoiler")
        assert "It was a dream." in text_of(app, "#episode-detail")


async def test_quitting_and_starting_again_keeps_marks_status_and_show(
    store: Store, data_dir: Path
) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_seasons(pilot, "jess")
        await pilot.press("space", "w")
        await settle(pilot)
        await pilot.press("q")
    again = make_app(Store(data_dir))
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert shows_list(again).current_id == JESSICA  # the last show, restored
        assert list_rows(again)[0] == "Watching (1)"
        assert row_of(again, "Jessica Jones") == ["Jessica", "Jones", "1/39"]


async def test_specials_are_listed_apart_and_never_counted(store: Store) -> None:
    store.catalog.put_shows(
        [
            small_show(
                "specials",
                "Special Show",
                Episode("specials", 1, 1, "Pilot", airdate="2020-01-01"),
                Episode(
                    "specials", 1, None, "Behind the Scenes", tvmaze_id=99, airdate="2020-02-01"
                ),
                Episode("specials", 2, 1, "Next Year", airdate="2027-01-01"),
            )
        ]
    )
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_seasons(pilot, "special show")
        assert row_of(app, "Special Show") == ["Special", "Show", "0/1"]  # future and special out
        tree = seasons_tree(app)
        headings = [line_text(app, node) for node in tree.root.children]
        assert headings == ["Season 1  0/1", "Season 2  not aired yet", "Specials  not counted"]
        tree.root.children[2].expand()
        await pilot.pause()
        tree.move_cursor(tree.root.children[2].children[0])
        await pilot.press("space")
        await settle(pilot)
        assert cursor_label(app).startswith("✓ SP  Behind the Scenes")
        assert row_of(app, "Special Show") == ["Special", "Show", "0/1"]


async def test_the_palette_turns_spoiler_protection_off_and_it_stays_off(store: Store) -> None:
    store.catalog.put_shows(
        [
            small_show(
                "spoilers",
                "Spoiler Show",
                Episode("spoilers", 1, 1, "Pilot", airdate="2020-01-01", summary="It was a dream."),
            )
        ]
    )
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_seasons(pilot, "spoiler")
        assert "It was a dream." not in text_of(app, "#episode-detail")
        await pilot.press("ctrl+p", *"spoilers: show")
        await settle(pilot)  # the palette searches in a worker
        await pilot.press("enter")
        await settle(pilot)
        assert "It was a dream." in text_of(app, "#episode-detail")
    assert store.user.settings()["hide_spoilers"] is False


async def test_a_filter_that_matches_nothing_leaves_no_show_for_keys_to_act_on(
    store: Store,
) -> None:
    """QA found: `/zzzq` `enter` `esc` brought the list back with the pane empty, and `w` then
    changed the status of the show shown before the filter."""
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await select(pilot, JESSICA)
        await pilot.press("slash", "z", "z", "z", "q")
        await settle(pilot)
        assert shows_list(app).current_id is None
        await pilot.press("w")  # typed into the box: nothing else may happen
        await pilot.press("enter", "w")
        await settle(pilot)
        assert JESSICA not in store.user.statuses()
        await pilot.press("escape")
        await settle(pilot)
        shown = shows_list(app).current_id
        assert shown is not None
        name = shows_list(app).name_of(shown)
        assert name is not None
        assert name in text_of(app, "#overview-name")  # the pane shows the highlighted show
        await pilot.press("w")
        await settle(pilot)
        assert store.user.statuses() == {shown: WatchStatus.WATCHING}


async def test_zzzq_enter_esc_then_w_and_del_act_on_the_show_on_screen(store: Store) -> None:
    """The QA report's exact keys from a fresh start: `down down` (Jessica Jones), `/zzzq`
    `enter`, then `w` and `del` with nothing listed do nothing; `esc` brings back the list
    with the cursor on Jessica Jones and her in the pane, the footer no longer offers to
    clear a filter, and `w` / `del` act on her, the show on screen."""
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "slash", *"zzzq", "enter")
        await settle(pilot)
        assert "No show matches the filter." in screen_text(app)
        await pilot.press("w", "delete")
        await settle(pilot)
        assert app.screen is library_screen(app)  # no remove dialog for no show
        assert store.user.statuses() == {}
        await pilot.press("escape")
        await settle(pilot)
        assert shows_list(app).current_id == JESSICA
        assert text_of(app, "#overview-name") == "Jessica Jones"
        assert "Clear filter" not in screen_text(app).splitlines()[-1]
        await pilot.press("w")
        await settle(pilot)
        assert store.user.statuses() == {JESSICA: WatchStatus.WATCHING}
        assert "Status: Watching" in text_of(app, "#overview-status")
        await pilot.press("delete")
        await settle(pilot)
        assert "Remove Jessica Jones?" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert shows_list(app).current_id == JESSICA
        assert text_of(app, "#overview-name") == "Jessica Jones"
