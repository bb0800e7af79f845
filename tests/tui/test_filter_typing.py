"""Typing in the filter: the best match's show is read once typing rests, and a key pressed
right after typing acts on the show under the cursor or not at all, never on the show left
behind (the list's cursor starts on Daredevil, the first show)."""

from __future__ import annotations

from textual.app import App
from textual.pilot import Pilot

from fancompanion.core.models import WatchStatus
from fancompanion.core.store import Store
from fancompanion.tui.widgets.filter_box import FilterInput
from tests.tui.library_pilot import (
    DAREDEVIL,
    JESSICA,
    LUKE,
    library_screen,
    make_app,
    send_burst,
    shows_list,
    text_of,
    typing,
)
from tests.tui.screen_harness import settle

PUNISHER = "imdb-tt5675620"


async def pane_shows(pilot: Pilot[None], name: str) -> bool:
    """Wait (up to 5 s) until the show pane shows ``name``."""
    for _ in range(100):
        await settle(pilot)
        view = library_screen(pilot.app).view
        if view is not None and text_of(pilot.app, "#overview-name") == name:
            return True
        await pilot.pause(0.05)
    return False


def status_of(store: Store, show_id: str) -> WatchStatus:
    return store.user.statuses().get(show_id, WatchStatus.NONE)


async def test_typing_then_resting_shows_the_best_match_and_stays_in_the_box(store: Store) -> None:
    app: App[None] = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert text_of(app, "#overview-name") == "Daredevil"
        await pilot.press("slash", *"luke")
        assert shows_list(app).current_id == LUKE
        assert await pane_shows(pilot, "Luke Cage")
        assert isinstance(app.focused, FilterInput)
        assert store.user.settings().get("last_show") == LUKE


async def test_a_key_right_after_typing_never_acts_on_the_show_left_behind(store: Store) -> None:
    """`/luke enter w` in one burst: `w` (next status) finds Luke Cage still being read and
    does nothing, or acts on Luke Cage; Daredevil, shown before, is never touched."""
    app: App[None] = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert text_of(app, "#overview-name") == "Daredevil"
        await pilot.press("slash", *"luke", "enter", "w")
        await settle(pilot)
        assert status_of(store, DAREDEVIL) is WatchStatus.NONE
        assert await pane_shows(pilot, "Luke Cage")
        before = status_of(store, LUKE)
        await pilot.press("w")  # now Luke Cage is on screen: w acts on it
        await settle(pilot)
        assert status_of(store, LUKE) is not before
        assert status_of(store, DAREDEVIL) is WatchStatus.NONE


async def test_keys_sent_in_one_burst_never_act_on_the_show_left_behind(store: Store) -> None:
    """tmux or a fast typist sends `/luke`, `enter` and `w` before any is handled. The letters
    reach the box (the app hands them over from the list, ``FanCompanionApp.on_key``); whatever
    `w` does, it never sets the status of Daredevil, the show on screen before the burst."""
    app: App[None] = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        send_burst(app, "slash", *"luke", "enter", "w")
        await settle(pilot)
        assert status_of(store, DAREDEVIL) is WatchStatus.NONE
        assert shows_list(app).current_id != DAREDEVIL


async def test_leaving_the_box_in_the_same_burst_never_acts_on_the_show_left_behind(
    store: Store,
) -> None:
    """`/pun`, `tab`, `w` sent at once (a paste, tmux send-keys): the letters are typed before
    the keys behind them are handled, so `w` finds the cursor on The Punisher and the pane
    not there yet, and waits for it; it never sets the status of Daredevil, the show on
    screen before the burst (it did: the letters reached the box after `tab` and `w` had
    acted)."""
    app: App[None] = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        send_burst(app, "slash", *"pun", "tab", "w")
        await settle(pilot)
        assert shows_list(app).filter_text == "pun"
        assert status_of(store, DAREDEVIL) is WatchStatus.NONE
        assert await pane_shows(pilot, "The Punisher")


async def test_enter_in_a_burst_leaves_the_box_before_the_next_key(store: Store) -> None:
    """`/jes`, `enter`, `w` sent at once (tmux send-keys): `enter` moves the focus to the list
    while it is handled, so `w` goes to the list, not into the box (it was typed there: the
    box read `jesw` and no show matched), and sets the status of Jessica Jones once her show
    is read (it was refused while she was still opening)."""
    app: App[None] = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        send_burst(app, "slash", *"jes", "enter", "w")
        await settle(pilot)
        assert library_screen(app).query_one(FilterInput).value == "jes"
        assert shows_list(app).current_id == JESSICA
        assert app.focused is shows_list(app)
        assert await pane_shows(pilot, "Jessica Jones")
        for _ in range(100):  # saved in a worker, then the pane reads the show again
            await settle(pilot)
            if "Watching" in text_of(app, "#overview-status"):
                break
            await pilot.pause(0.05)
        assert "Watching" in text_of(app, "#overview-status")
        assert status_of(store, JESSICA) is WatchStatus.WATCHING


async def test_escape_in_a_burst_leaves_the_box_before_the_next_key(store: Store) -> None:
    """`/jes`, `esc`, `w` sent at once: `esc` empties the box and goes to the list while it is
    handled, so `w` is not typed into the box as a new filter."""
    app: App[None] = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        send_burst(app, "slash", *"jes", "escape", "w")
        await settle(pilot)
        assert library_screen(app).query_one(FilterInput).value == ""
        assert app.focused is shows_list(app)


async def test_w_in_a_burst_acts_on_the_show_the_filter_ended_on(store: Store) -> None:
    """`/the p`, `enter`, `w` at once: on the way the cursor passes other shows (`the` finds
    The Defenders first); `w` waits for The Punisher, where the typing ended, and sets its
    status, and no other show's."""
    app: App[None] = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        send_burst(app, "slash", *typing("the p"), "enter", "w")
        for _ in range(100):  # saved in a worker, then the pane reads the show again
            await settle(pilot)
            if "Watching" in text_of(app, "#overview-status"):
                break
            await pilot.pause(0.05)
        assert text_of(app, "#overview-name") == "The Punisher"
        assert "Watching" in text_of(app, "#overview-status")
        assert store.user.statuses() == {PUNISHER: WatchStatus.WATCHING}
