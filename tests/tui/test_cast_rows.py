"""The Cast & Crew tab of every bundled series at 80×24: each principal, whole, one block each.

A fan walks the cast list with the keyboard; every row drawn on the way is collected. Every
confirmed cast member of the reference must appear with their name whole at the start of a row,
and a row that wraps must continue indented under the name, never at the left edge where it
would read as a new, nameless entry.
"""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from fancompanion.core.store import Store
from tests.bundle.reference import confirmed_cast, shows
from tests.tui.library_pilot import library_screen, make_app, select
from tests.tui.screen_harness import settle


@pytest.mark.parametrize("show", shows())
async def test_every_principal_is_listed_whole_and_wrapped_rows_are_indented(
    store: Store, show: str
) -> None:
    show_id = next(s.id for s in store.catalog.summaries() if s.name == show)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await select(pilot, show_id, "cast")
        people = library_screen(app).query_one("#cast-people", OptionList)
        width = people.size.width
        await pilot.click("#cast-people")
        drawn: dict[int, str] = {}
        for _ in range(people.option_count):
            top = round(people.scroll_offset.y)
            for y in range(people.size.height):
                drawn[top + y] = people.render_line(y).text.rstrip()
            await pilot.press("down")
            await pilot.pause()
        rows = [drawn[y] for y in sorted(drawn)]

    print("\n".join(rows))
    cast_rows = rows[rows.index("Cast") + 1 : rows.index("Showrunner")]
    assert all(len(r) <= width for r in rows)
    blocks: list[list[str]] = []
    for row in cast_rows:
        if row.startswith("  ") and not row.startswith("   "):
            blocks.append([row])  # a name at the start of the row
        else:
            assert row.startswith("    "), f"{row!r} wraps to the left edge"
            assert blocks, f"{row!r} continues nothing"
            blocks[-1].append(row)
    expected = confirmed_cast(show)
    assert len(blocks) == len(expected)
    for (actor, character, seasons), block in zip(expected, blocks, strict=True):
        assert block[0].startswith(f"  {actor}  ")  # the name whole, at the start of its row
        word = "season" if seasons.isdigit() else "seasons"
        assert " ".join(" ".join(block).split()) == f"{actor} as {character} ({word} {seasons})"
