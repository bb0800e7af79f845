"""TVmaze JSON shapes to models, defensively.

Used for live API responses (``fancompanion.fetch``) and for the bundled library (``data/``),
which is written in the same shape. Every field may be null, empty, missing, of the wrong type
or new; a bad record is skipped and reported through ``problems``, never raised.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fancompanion.core import ids
from fancompanion.core.models import Credit, Episode, Person, Season, Show, ShowRecord
from fancompanion.core.text import clean_line, clean_text, clean_url
from fancompanion.core.timeutil import to_store

_INT_LIMIT = 2**53  # ids and counts beyond this are nonsense, and orjson stores only 64 bits


def _int(value: object) -> int | None:
    """An integer within a sane range, or None (never raises: "²" and 5,000 digits included)."""
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer() and abs(value) < _INT_LIMIT:
        number = int(value)
    elif isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit() and len(text) <= 15:
            number = int(text)
    if number is not None and -_INT_LIMIT < number < _INT_LIMIT:
        return number
    return None


def _date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) or None; TVmaze sends "" for unknown dates."""
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        head = value[:10]
        if head.isascii() and head.replace("-", "").isdigit():
            return head
    return None


def _stamp(value: object) -> str | None:
    """An ISO-8601 timestamp normalised to UTC ``YYYY-MM-DDTHH:MM:SSZ``, or None."""
    return to_store(value)


def _map(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _name_of(value: object) -> str:
    return clean_line(_map(value).get("name"))


def parse_show(data: object) -> Show | None:
    """A TVmaze show object to a :class:`Show`; None when it has no usable name."""
    raw = _map(data)
    name = clean_line(raw.get("name"))
    if not name:
        return None
    tvmaze_id = _int(raw.get("id"))
    externals = _map(raw.get("externals"))
    imdb = clean_line(externals.get("imdb"), limit=20) or None
    thetvdb = _int(externals.get("thetvdb"))
    network = _map(raw.get("network")) or _map(raw.get("webChannel"))
    country = _map(network.get("country")) if network else {}
    genres_raw = raw.get("genres")
    genres = tuple(
        g
        for g in (
            clean_line(x, limit=40)
            for x in (genres_raw if isinstance(genres_raw, list) else ())
            if isinstance(x, str)
        )
        if g
    )
    aliases = tuple(  # our extension, or TVmaze's /akas shape [{"name": ...}]
        a
        for a in (
            clean_line(x if isinstance(x, str) else _map(x).get("name"), limit=200)
            for x in _list(raw.get("aliases"))
        )
        if a
    )
    image = _map(raw.get("image"))
    return Show(
        id=ids.show_id(tvmaze_id, imdb, name),
        name=name,
        tvmaze_id=tvmaze_id,
        imdb_id=imdb,
        thetvdb_id=thetvdb if thetvdb is not None and thetvdb > 0 else None,
        premiered=_date(raw.get("premiered")),
        ended=_date(raw.get("ended")),
        status=clean_line(raw.get("status"), limit=40) or None,
        network=_name_of(network) or None,
        country=clean_line(country.get("name"), limit=80) or None,
        genres=genres,
        runtime=_int(raw.get("runtime")) or _int(raw.get("averageRuntime")),
        summary=clean_text(raw.get("summary"), limit=20_000),
        image_url=clean_url(image.get("original") or image.get("medium")),
        official_site=clean_url(raw.get("officialSite")),
        aliases=aliases,
        updated=_int(raw.get("updated")),
    )


def parse_episode(show_id: str, data: object) -> Episode | None:
    raw = _map(data)
    season = _int(raw.get("season"))
    if season is None:
        return None
    number = _int(raw.get("number"))
    if raw.get("type") in ("significant_special", "insignificant_special"):
        number = None
    airstamp = _stamp(raw.get("airstamp"))
    airdate = _date(raw.get("airdate")) or (airstamp[:10] if airstamp else None)
    return Episode(
        show_id=show_id,
        season=season,
        number=number,
        name=clean_line(raw.get("name")) or ("Special" if number is None else f"Episode {number}"),
        tvmaze_id=_int(raw.get("id")),
        airdate=airdate,
        airstamp=airstamp,
        runtime=_int(raw.get("runtime")),
        summary=clean_text(raw.get("summary"), limit=20_000),
    )


def parse_season(data: object) -> Season | None:
    raw = _map(data)
    number = _int(raw.get("number"))
    if number is None:
        return None
    return Season(
        number=number,
        episode_count=_int(raw.get("episodeOrder")),
        premiere=_date(raw.get("premiereDate")),
        end=_date(raw.get("endDate")),
        name=clean_line(raw.get("name")),
    )


def parse_person(data: object) -> Person | None:
    raw = _map(data)
    name = clean_line(raw.get("name"))
    if not name:
        return None
    tvmaze_id = _int(raw.get("id"))
    return Person(
        id=ids.person_id(tvmaze_id, name),
        name=name,
        tvmaze_id=tvmaze_id,
        country=_name_of(raw.get("country")) or None,
        birthday=_date(raw.get("birthday")),
        deathday=_date(raw.get("deathday")),
    )


def parse_show_record(
    data: object, episodes: object = None, problems: list[str] | None = None
) -> ShowRecord | None:
    """An embedded show (``/shows/:id?embed[]=episodes&embed[]=cast&...``) to a record.

    ``episodes`` may be passed separately (``/shows/:id/episodes``) and wins over the embed.
    """
    notes = problems if problems is not None else []
    show = parse_show(data)
    if show is None:
        notes.append("skipped a show with no name")
        return None
    embedded = _map(_map(data).get("_embedded"))
    raw_episodes = episodes
    if raw_episodes is None:  # ``embed[]=episodeswithspecials`` carries the specials too
        raw_episodes = embedded.get("episodeswithspecials")
    if raw_episodes is None:
        raw_episodes = embedded.get("episodes")
    parsed_eps: dict[str, Episode] = {}
    for raw in raw_episodes if isinstance(raw_episodes, list) else ():
        episode = parse_episode(show.id, raw)
        if episode is None:
            notes.append(f"{show.name}: skipped an episode with no season")
            continue
        parsed_eps.setdefault(episode.key, episode)  # first wins on a duplicate key
    eps = sorted(parsed_eps.values(), key=_episode_order)
    seasons: dict[int, Season] = {}
    for raw in _list(embedded.get("seasons")):
        season = parse_season(raw)
        if season is not None:
            seasons.setdefault(season.number, season)
    for episode in eps:  # seasons implied by episodes but missing from the embed
        seasons.setdefault(episode.season, Season(number=episode.season))
    people: dict[str, Person] = {}
    credits: list[Credit] = []
    for order, raw in enumerate(_list(embedded.get("cast"))):
        entry = _map(raw)
        person = parse_person(entry.get("person"))
        if person is None:
            continue
        people.setdefault(person.id, person)
        character = _name_of(entry.get("character"))
        if entry.get("voice") is True and character:
            character += " (voice)"
        credits.append(
            Credit(
                show_id=show.id,
                person_id=person.id,
                kind="cast",
                role=character,
                seasons=clean_line(entry.get("seasons"), limit=40),
                order=order,
            )
        )
    for order, raw in enumerate(_list(embedded.get("crew"))):
        entry = _map(raw)
        person = parse_person(entry.get("person"))
        if person is None:
            continue
        people.setdefault(person.id, person)
        credits.append(
            Credit(
                show_id=show.id,
                person_id=person.id,
                kind="crew",
                role=clean_line(entry.get("type"), limit=80),
                seasons=clean_line(entry.get("seasons"), limit=40),
                order=order,
            )
        )
    return ShowRecord(
        show=show,
        seasons=tuple(sorted(seasons.values(), key=lambda s: s.number)),
        episodes=tuple(eps),
        credits=tuple(credits),
        people=tuple(people.values()),
    )


def _episode_order(episode: Episode) -> tuple[int, int, str]:
    number = episode.number if episode.number is not None else 10_000
    return (episode.season, number, episode.airstamp or episode.airdate or "")
