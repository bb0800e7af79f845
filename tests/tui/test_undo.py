"""Undo and redo in the app: every change says what it did and that ctrl+z undoes it; undo
puts back exactly what was there (plays, first and last watch times), across screens."""

from __future__ import annotations

from textual.app import App

from fancompanion.core.commands import Rewatch, Watch
from fancompanion.core.library import Library
from fancompanion.core.models import Episode, Mark
from fancompanion.core.store import Store
from tests.marks import put_marks
from tests.tui.library_pilot import JESSICA, NOW, make_app, said, screen_text, small_show, text_of
from tests.tui.screen_harness import settle
from tests.tui.test_library_tracking import cursor_label, open_seasons, row_of


async def test_ctrl_z_brings_back_a_rewatched_season_exactly(store: Store) -> None:
    """A fully watched season with rewatches, unmarked by one space: one ctrl+z away."""
    library = Library(store)
    view = library.show(JESSICA)
    assert view is not None
    season_one = tuple(e for e in view.record.episodes if e.season == 1 and e.number)
    library.apply(Watch(JESSICA, season_one, at="2026-01-02T20:00:00Z"))
    library.apply(Rewatch(JESSICA, season_one[0], at="2026-02-03T21:00:00Z"))
    library.apply(Rewatch(JESSICA, season_one[0], at="2026-03-04T22:00:00Z"))
    before = sorted(store.user.marks(JESSICA), key=lambda m: m.key)
    app = make_app(store)
    toasts = said(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_seasons(pilot, "jess")
        await pilot.press("up", "up")  # Season 2's next episode -> its season, then Season 1
        while "Season 1" not in cursor_label(app):
            await pilot.press("up")
        await pilot.press("space")
        await settle(pilot)
        assert row_of(app, "Jessica Jones")[-1] == "0/39"
        assert "Unmarked 13 episodes of season 1 · ctrl+z undoes it" in toasts
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert row_of(app, "Jessica Jones")[-1] == "13/39"
        assert any(t.startswith("Undone: Unmarked 13 episodes") for t in toasts)
        assert sorted(store.user.marks(JESSICA), key=lambda m: m.key) == before
        await pilot.press("ctrl+y")  # and redo
        await settle(pilot)
        assert row_of(app, "Jessica Jones")[-1] == "0/39"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert sorted(store.user.marks(JESSICA), key=lambda m: m.key) == before
        assert "×3" in cursor_label(app) or row_of(app, "Jessica Jones")[-1] == "13/39"


async def test_ctrl_z_undoes_many_changes_across_screens_in_order(store: Store) -> None:
    app = make_app(store)
    toasts = said(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_seasons(pilot, "jess")
        for _ in range(5):  # S01E01 to S01E05, one by one
            await pilot.press("space", "down")
            await settle(pilot)
        await pilot.press("w")  # a status
        await settle(pilot)
        await pilot.press("u", "space")  # Up next marks the next one (S01E06)
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("enter", "m")  # a news item opened, then marked unread again
        await settle(pilot)
        assert "Marked S01E06 watched · ctrl+z undoes it" in toasts
        assert any("news item" in t and "ctrl+z undoes it" in t for t in toasts)
        assert len(store.user.marks(JESSICA)) == 6
        # back in the library, every one of those changes undone, newest first
        await pilot.press("escape")
        await settle(pilot)
        for _ in range(8):
            await pilot.press("ctrl+z")
            await settle(pilot)
        assert store.user.marks(JESSICA) == []
        assert JESSICA not in store.user.statuses()
        assert row_of(app, "Jessica Jones")[-1] == "0/39"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert toasts[-1] == "Nothing to undo yet."
        await pilot.press("ctrl+shift+z")
        await settle(pilot)
        assert len(store.user.marks(JESSICA)) == 1


async def test_an_episode_not_aired_yet_is_refused_and_never_counted(store: Store) -> None:
    """Airs tomorrow: space says why not; a mark of it from an old import never counts."""
    store.catalog.put_shows(
        [
            small_show(
                "soon",
                "Soon Show",
                Episode("soon", 1, 1, "Pilot", airdate="2026-11-01"),
                Episode("soon", 1, 2, "Next", airdate="2027-06-01"),  # after "now"
            )
        ]
    )
    app = make_app(store)
    toasts = said(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_seasons(pilot, "soon")
        assert cursor_label(app).startswith("  E01")
        await pilot.press("down", "space")
        await settle(pilot)
        assert any("S01E02 has not aired yet" in t for t in toasts), toasts
        assert store.user.marks("soon") == []
        assert row_of(app, "Soon Show")[-1] == "0/1"
    # a mark written by an older version or an import, then a fresh start
    view = Library(store).show("soon")
    assert view is not None
    put_marks(store, "soon", [Mark.first(e, NOW) for e in view.record.episodes])
    app = make_app(store)
    toasts = said(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_seasons(pilot, "soon")
        assert row_of(app, "Soon Show")[-1] == "1/1"
        assert "1/1 aired episodes watched" in text_of(app, "#overview-status")
        assert "Season 1  1/1 ✓" in screen_text(app)


def toast_lines(app: App[None]) -> list[str]:
    """The screen's lines, each cut to the notification part (right of its edge `▌`)."""
    return [row.rpartition("▌")[2].strip() for row in screen_text(app).splitlines() if "▌" in row]


async def test_a_change_and_its_undo_name_the_show_on_one_line_at_80_columns(
    store: Store,
) -> None:
    """`down down 2 space` marks Jessica Jones' next episode, `ctrl+z` undoes, `ctrl+y`
    redoes: each notification is titled with the show and says what it did and the key that
    takes it back on one line of an 80-column terminal."""
    app = make_app(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "2", "space")
        await settle(pilot)
        lines = toast_lines(app)
        said_at = lines.index("Marked S01E01 watched · ctrl+z undoes it")
        assert lines[said_at - 1] == "Jessica Jones"
        await pilot.press("ctrl+z")
        await settle(pilot)
        lines = toast_lines(app)
        said_at = lines.index("Undone: Marked S01E01 watched · ctrl+y redoes it")
        assert lines[said_at - 1] == "Jessica Jones"
        assert store.user.marks(JESSICA) == []
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert "Redone: Marked S01E01 watched · ctrl+z undoes it" in toast_lines(app)


async def test_marks_and_their_undo_run_on_the_apps_clock(store: Store) -> None:
    """The app's "now" (frozen here, days before the wall clock) decides what has aired and
    when a mark was made, for a change and for its undo and redo alike."""
    store.catalog.put_shows(
        [
            small_show(
                "soon",
                "Soon Show",
                Episode("soon", 1, 1, "Pilot", airdate="2026-11-01"),
                Episode("soon", 1, 2, "Next", airdate="2026-11-26"),  # after the app's now
            )
        ]
    )
    app = make_app(store)
    toasts = said(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_seasons(pilot, "soon")
        await pilot.press("space")  # S01E01
        await settle(pilot)
        [mark] = store.user.marks("soon")
        assert (mark.first_at, mark.last_at) == (NOW, NOW)
        await pilot.press("down", "space")  # S01E02: not aired on the app's clock
        await settle(pilot)
        assert any("S01E02 has not aired yet" in t for t in toasts), toasts
        assert len(store.user.marks("soon")) == 1
        await pilot.press("w")  # a status, undone and redone: stamped with the app's now
        await settle(pilot)
        await pilot.press("ctrl+z", "ctrl+y")
        await settle(pilot)
    assert store.user.marks("soon") == [mark]
    assert store.user.status_times()["soon"] == NOW
