"""Shared helpers for exchange tests: run the CLI, describe user state, add an airing show."""

from __future__ import annotations

import io
from typing import Any

from fancompanion.cli.main import run
from fancompanion.core.models import Episode, Show, ShowRecord
from fancompanion.core.store import Store


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def user_state(store: Store) -> dict[str, Any]:
    """Everything a fan would call "my data", in comparable form."""
    user = store.user
    return {
        "statuses": {k: v.value for k, v in user.statuses().items()},
        "status_times": user.status_times(),
        "marks": {
            show: sorted(
                (m.key, m.season, m.number, m.tvmaze_id, m.plays, m.first_at, m.last_at)
                for m in user.marks(show)
            )
            for show in sorted(user.shows_with_marks())
        },
        "read": sorted(user.read_ids()),
        "feeds": sorted((f.url, f.title, f.enabled) for f in user.feeds()),
        "settings": user.settings(),
    }


AIRING_SHOW = "Law, Order; Special\\Victims"


def add_airing_show(store: Store, stamps: list[str | None], dates: list[str | None]) -> str:
    """A show (name full of characters ICS must escape) with one episode per stamp/date."""
    show = Show(id="tvmaze-9001", name=AIRING_SHOW, tvmaze_id=9001, runtime=42)
    episodes = tuple(
        Episode(
            show_id=show.id,
            season=1,
            number=i + 1,
            name="A" * 200 if i == 0 else f"Episode {i + 1}",
            tvmaze_id=90010 + i,
            airstamp=stamp,
            airdate=day,
        )
        for i, (stamp, day) in enumerate(zip(stamps, dates, strict=True))
    )
    [show_id] = store.catalog.put_shows([ShowRecord(show=show, episodes=episodes)])
    return show_id
