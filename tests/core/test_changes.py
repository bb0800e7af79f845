"""The change log a refresh keeps (fancompanion.core.changes via Catalog.put_shows)."""

from __future__ import annotations

from pathlib import Path

from msgspec.structs import replace

from fancompanion.core.models import Episode, Season, Show, ShowRecord
from fancompanion.core.store import Store

SHOW = Show("tvmaze-1", "Slow Horses", tvmaze_id=1, status="Running")


def record(show: Show, *episodes: Episode) -> ShowRecord:
    seasons = tuple(Season(n) for n in sorted({e.season for e in episodes}))
    return ShowRecord(show, seasons, episodes)


def ep(season: int, number: int, airdate: str, tvmaze_id: int) -> Episode:
    return Episode(SHOW.id, season, number, f"Episode {number}", tvmaze_id, airdate)


def test_a_refresh_logs_a_new_season_a_moved_date_and_the_end(tmp_path: Path) -> None:
    store = Store(tmp_path)
    first = record(SHOW, ep(1, 1, "2022-04-01", 11), ep(1, 2, "2022-04-08", 12))
    store.catalog.put_shows([first])
    assert store.catalog.changes() == []  # a show added is not a change to it

    second = record(
        replace(SHOW, status="Ended"),
        ep(1, 1, "2022-04-01", 11),
        ep(1, 2, "2022-04-15", 12),
        ep(2, 1, "2023-12-01", 21),
        ep(2, 2, "2023-12-08", 22),
    )
    store.catalog.put_shows([second])
    texts = [(c.kind, c.text, c.season, c.episode) for c in store.catalog.changes()]
    assert texts == [
        ("status", "has ended (or was cancelled)", 0, ""),
        ("date", "S01E02 (Episode 2) moved from 2022-04-08 to 2022-04-15", 1, "S1E2"),
        ("season", "Season 2 announced: 2 episodes, from 2023-12-01", 2, ""),
    ]
    later = store.catalog.changes()[-1].at
    assert store.catalog.changes(since=later + "Z") == []  # strictly after: none

    store.catalog.put_shows([replace(second, show=replace(SHOW, status="Running"))])
    assert store.catalog.changes()[-1].text == "was renewed: running again"


def test_each_digest_line_lands_on_the_episode_it_is_about() -> None:
    from fancompanion.core.changes import ShowChange
    from fancompanion.core.digest import Aired, Digest

    e1, e2, e3 = ep(1, 1, "2026-11-20", 11), ep(1, 2, "2026-11-21", 12), ep(1, 3, "", 13)
    behind = Aired(SHOW.id, SHOW.name, (e1, e2), next_to_watch=e1)
    caught_up = Aired("tvmaze-2", "Severance", (e1, e2), next_to_watch=None)
    moved = ShowChange("2026-11-22T10:00:00", SHOW.id, SHOW.name, "date", "moved", 1, e3.key)
    season = ShowChange("2026-11-22T10:00:00", SHOW.id, SHOW.name, "season", "announced", 2)
    window = ("2026-11-18T00:00:00Z", "2026-11-28T00:00:00Z")
    digest = Digest(*window, aired=(behind, caught_up), changes=(moved, season))
    places = [(line.tab, line.episode) for line in digest.lines()]
    assert places == [
        ("seasons", "S1E1"),  # the next to watch
        ("seasons", "S1E2"),  # all watched: the newest that aired
        ("seasons", "S1E3"),  # the episode whose date moved
        ("seasons", ""),  # a new season: the tab, no episode
    ]


def test_a_news_line_names_only_shows_still_in_the_library() -> None:
    """News about Iron Fist and The Defenders, Iron Fist since removed: named by the show left,
    never by the removed one's id."""
    from fancompanion.core.digest import Digest
    from fancompanion.core.models import NewsItem

    item = NewsItem(
        "n1", "notes", "Iron Fist season 1 is out", show_ids=("imdb-tt3322310", "tvmaze-2176")
    )
    window = ("2026-11-18T00:00:00Z", "2026-11-28T00:00:00Z")
    digest = Digest(*window, news=(item,), show_names={"tvmaze-2176": "The Defenders"})
    assert [(line.title, line.text) for line in digest.lines()] == [
        ("The Defenders", "Iron Fist season 1 is out")
    ]
    assert digest.to_json()["news"][0]["shows"] == ["The Defenders"]
