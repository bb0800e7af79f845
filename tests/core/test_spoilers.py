"""The spoiler shield's rules (fancompanion.core.spoilers), one named test per rule, on
real-looking headlines, plus the bundled library story of issue 16."""

from __future__ import annotations

import pytest
from msgspec.structs import replace

from fancompanion.core.library import Library
from fancompanion.core.models import Credit, Episode, NewsItem, Show, ShowRecord, WatchStatus
from fancompanion.core.shield import Horizon, horizon, judge, shield, shield_settings
from fancompanion.core.spoilers import READING_VERSION, read_item, show_facts
from tests.marks import unwatch, watch

JJ = "tvmaze-1370"
DAREDEVIL = "imdb-tt3322312"
NOW = "2026-11-28T12:00:00Z"

_S1 = [
    "AKA Ladies Night", "AKA Crush Syndrome", "AKA It's Called Whiskey", "AKA 99 Friends",
    "AKA The Sandwich Saved Me", "AKA You're a Winner!", "AKA Top Shelf Perverts",
    "AKA WWJD?", "AKA Sin Bin", "AKA 1,000 Cuts", "AKA I've Got the Blues",
    "AKA Take a Bloody Number", "AKA Smile",
]  # fmt: skip
EPISODES = [
    *(Episode(JJ, 1, n, name, airdate="2015-11-20") for n, name in enumerate(_S1, 1)),
    Episode(JJ, 2, 1, "AKA Start at the Beginning", airdate="2018-03-08"),
    Episode(JJ, 2, 2, "AKA Freak Accident", airdate="2018-03-08"),
    Episode(JJ, 2, 13, "AKA Playland", airdate="2018-03-08"),
    Episode(JJ, 3, 1, "A.K.A The Perfect Burger", airdate="2019-06-14"),
    Episode(JJ, 3, 11, "Hellcat", airdate="2019-06-14"),
]
CREDITS = [
    Credit(JJ, "p1", "cast", "Jessica Jones"),
    Credit(JJ, "p2", "cast", "Trish Walker"),
    Credit(JJ, "p3", "cast", "Kilgrave"),
]


FACTS = show_facts(
    ShowRecord(
        Show(JJ, "Jessica Jones", aliases=("Marvel's Jessica Jones",)),
        episodes=tuple(EPISODES),
        credits=tuple(CREDITS),
    )
)


def at(season: int, number: int) -> Horizon:
    """A fan whose next unwatched Jessica Jones episode is SxxEyy."""
    nxt = next(e for e in EPISODES if (e.season, e.number) == (season, number))
    found = horizon(JJ, "Jessica Jones", nxt)
    assert found is not None
    return found


def item(title: str, summary: str = "", published: str | None = "2015-11-20T09:00:00Z") -> NewsItem:
    return NewsItem("n1", "feed", title, published=published, summary=summary, show_ids=(JJ,))


def rule(news: NewsItem, here: Horizon) -> str | None:
    """The rule that shields the item (read as link_news reads it), or None."""
    readings = (READING_VERSION, *read_item(news, {JJ: FACTS}))
    verdict = judge(news, {JJ: here}, readings)
    return verdict.rule if verdict else None


@pytest.mark.parametrize(
    "title",
    [
        "Jessica Jones season 3 will be the last",
        "Krysten Ritter teases Jessica Jones S3",
        "Jessica Jones S03 trailer breakdown",
        "What the third season of Jessica Jones got right",
        "Jessica Jones 3rd season set photos",
        "Netflix confirms Jessica Jones season three",
        "Jessica Jones series 2 review",
        "Ranking seasons 1 and 2 of Jessica Jones",
    ],
)
def test_later_season_named_in_any_usual_form_is_shielded(title: str) -> None:
    assert rule(item(title), at(1, 8)) == "later season"


def test_the_current_season_is_not_a_spoiler() -> None:
    assert rule(item("Jessica Jones season 1: first reactions are in"), at(1, 8)) is None
    assert rule(item("Jessica Jones season 2 is in production", published=None), at(2, 1)) is None


@pytest.mark.parametrize(
    "title",
    [
        "Jessica Jones S01E09 recap: Sin Bin",
        "Jessica Jones 1x10 review",
        "Jessica Jones season 1, episode 12 in pictures",
        "The best scene of episode 13",
    ],
)
def test_later_episode_by_number_is_shielded(title: str) -> None:
    assert rule(item(title), at(1, 8)) == "later episode"


def test_the_next_episode_itself_is_not_a_spoiler() -> None:
    assert rule(item("Jessica Jones S01E08 review: AKA WWJD?"), at(1, 8)) is None


def test_later_episode_by_title_is_shielded() -> None:
    assert rule(item("Why AKA Smile is the perfect ending to Kilgrave's story"), at(1, 7)) in {
        "later episode",
        "finale",
        "death or return",
    }
    assert rule(item("The quiet power of 'AKA Smile'"), at(1, 7)) == "later episode"
    # titles before the fan's place are fine
    assert rule(item("The quiet power of 'AKA Ladies Night'"), at(1, 7)) is None


def test_a_one_word_title_counts_only_in_quotes() -> None:
    assert rule(item('Patsy\'s big moment in "Hellcat"'), at(2, 1)) == "later episode"
    assert rule(item("Costume designer talks hellcat suits", published=None), at(2, 1)) is None


def test_a_finale_of_an_unfinished_season_is_shielded() -> None:
    assert rule(item("Jessica Jones finale explained"), at(1, 8)) == "finale"
    assert rule(item("The season 1 finale, explained"), at(1, 8)) == "finale"


def test_a_finale_of_a_finished_season_is_not_shielded() -> None:
    assert rule(item("The season 1 finale, explained", published=None), at(2, 1)) is None


def test_a_death_or_return_of_a_character_is_shielded() -> None:
    assert rule(item("Kilgrave returns, and it is not what you think"), at(1, 8)) == (
        "death or return"
    )
    assert rule(item("Does Trish Walker die? We break it down", "Trish is killed"), at(1, 8)) == (
        "death or return"
    )


def test_a_show_returning_is_not_a_character_returning() -> None:
    assert rule(item("Jessica Jones returns to Netflix", published=None), at(1, 8)) is None


def test_published_after_the_next_episode_aired_with_the_show_in_the_title() -> None:
    late = "2016-01-05T10:00:00Z"
    assert rule(item("Jessica Jones: what we know", published=late), at(1, 8)) == (
        "published later"
    )
    # same day as the next episode: written before more aired
    assert rule(item("Jessica Jones: what we know"), at(1, 8)) is None
    # the show is not in the title
    assert rule(item("Krysten Ritter on her favourite scene", published=late), at(1, 8)) is None


def test_another_show_in_the_title_owns_its_season_numbers() -> None:
    news = NewsItem(
        "n2",
        "feed",
        "Luke Cage season 2 is out today",
        published="2015-11-20T00:00:00Z",
        show_ids=(JJ, "luke-cage"),
    )
    luke_cage = show_facts(ShowRecord(Show("luke-cage", "Luke Cage")))
    readings = ("v1", *read_item(news, {JJ: FACTS, "luke-cage": luke_cage}))
    assert judge(news, {JJ: at(1, 8)}, readings) is None
    alone = replace(news, title="Season 2 is out today", show_ids=(JJ,))
    assert rule(alone, at(1, 8)) == "later season"


def test_the_label_names_the_show_and_the_fans_place() -> None:
    news = item("Jessica Jones season 3 trailer")
    verdict = judge(news, {JJ: at(1, 8)}, ("v1", *read_item(news, {JJ: FACTS})))
    assert verdict is not None
    assert verdict.label() == "Spoiler shield · Jessica Jones · beyond S01E08"


def test_settings_turn_the_shield_off_globally_and_per_show() -> None:
    assert shield_settings({}) == (True, frozenset())
    assert shield_settings({"news_shield": False})[0] is False
    assert shield_settings({"news_shield_off": [JJ]}) == (True, frozenset({JJ}))


# -- the bundled library (issue 16's story) ------------------------------------------------------


def _titles(library: Library) -> dict[str, str | None]:
    result = shield(library, library.news(), NOW)
    return {n.title: (v.label() if (v := result.verdict(n.id)) else None) for n in library.news()}


def test_bundled_library_jessica_jones_up_to_s01e07(library: Library) -> None:
    # every bundled item was read when it was linked at first start
    assert all(n.spoils[:1] == (READING_VERSION,) for n in library.news())
    record = library.store.catalog.record(JJ)
    assert record is not None
    watch(library.store, JJ, record.episodes[:7])
    seen = _titles(library)
    beyond = "Spoiler shield · Jessica Jones · beyond S01E08"
    assert seen["Jessica Jones season 2 is in production"] == beyond
    assert seen["Jessica Jones season 2 is out today on Netflix"] == beyond
    assert seen["Jessica Jones season 3 is out today on Netflix"] == beyond
    assert seen["Jessica Jones season 1 is out today on Netflix"] is None
    assert seen["Daredevil season 3 is out today on Netflix"] is None  # Daredevil not started

    watch(library.store, JJ, record.episodes[:13])  # season 1 done: next is S02E01
    seen = _titles(library)
    assert seen["Jessica Jones season 2 is out today on Netflix"] is None
    assert seen["Jessica Jones season 2 is in production"] is None
    assert seen["Jessica Jones season 3 is out today on Netflix"] == (
        "Spoiler shield · Jessica Jones · beyond S02E01"
    )


def test_a_show_not_started_is_never_shielded(library: Library) -> None:
    library.store.user.set_status(DAREDEVIL, WatchStatus.PLAN)
    assert all(label is None for label in _titles(library).values())


def test_a_show_whose_marks_were_all_taken_back_is_not_started(library: Library) -> None:
    """A mark undone (or unmarked) leaves the show's marks file behind, empty: the show is
    not started, and its news is not shielded (it was: "beyond S01E01" for a show never seen)."""
    record = library.store.catalog.record(DAREDEVIL)
    assert record is not None
    watch(library.store, DAREDEVIL, record.episodes[:1])
    unwatch(library.store, DAREDEVIL, record.episodes[:1])
    assert library.store.user.marks(DAREDEVIL) == []
    assert all(label is None for label in _titles(library).values())


def test_watching_with_no_marks_counts_as_started(library: Library) -> None:
    library.store.user.set_status(DAREDEVIL, WatchStatus.WATCHING)
    seen = _titles(library)
    assert seen["Daredevil season 2 is out today on Netflix"] == (
        "Spoiler shield · Daredevil · beyond S01E01"
    )
    assert seen["Daredevil season 1 is out today on Netflix"] is None


def test_the_shield_turned_off_shows_everything(library: Library) -> None:
    library.store.user.set_status(JJ, WatchStatus.WATCHING)
    library.store.user.set_setting("news_shield_off", [JJ])
    assert all(label is None for label in _titles(library).values())
    library.store.user.set_setting("news_shield_off", [])
    library.store.user.set_setting("news_shield", False)
    assert all(label is None for label in _titles(library).values())
