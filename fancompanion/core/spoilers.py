"""The spoiler shield for news: does an item reveal more than the fan has watched?

A fan's *horizon* in a show is the next episode they have not watched (the one Up next
offers). A news item linked to a show the fan has started (marks, or status Watching or On
hold) is **shielded** when it reveals anything past that episode. The rules, each with the
name a :class:`fancompanion.core.shield.Verdict` carries:

``later season``
    It names a season after the horizon's: ``season 3``, ``seasons 2 and 3``, ``S3``, ``S03``,
    ``third season``, ``3rd season``, ``season three``, ``series 3``.
``later episode``
    It names an episode after the horizon by number — ``S01E09``, ``1x09``, ``season 1
    episode 9``, or ``episode 9`` (read in the horizon's season) — or by title: the title of
    any later episode (``AKA Smile`` for a fan on S01E07). A title of one short word counts
    only in quotes (``"Stick"``), so ordinary words are not taken for titles; a title that is
    the show's own name never counts.
``finale``
    It speaks of a finale or an ending (``finale``, ``final episode``, ``ending``, ``ends``)
    of a season the fan has not finished: the season it names, else the show's latest
    season aired when the item was published.
``death or return``
    It tells of a death or a return (``dies``, ``death``, ``killed``, ``returns``,
    ``comeback``, ...) together with a character of the show (its cast list's roles), and the
    fan has not watched everything aired by the day it was published (all of it when undated;
    only up to the seasons it names, when it names some).
``published later``
    It names the show in its title and was published on a later day than the horizon's air
    date: written when more had aired than the fan has seen.

An item linked to several shows whose title names some of them is read as about those only:
"Luke Cage season 2 is out" is no spoiler for the Jessica Jones fan it also links to.

Two steps keep this cheap. :func:`read_item` reads an item once, when it is linked to shows
(:func:`fancompanion.core.library.link_news`, at fetch and refresh), into *readings* that do
not depend on progress — "reveals Jessica Jones up to S03E00 (later season)" — stored with
the item. :func:`fancompanion.core.shield.judge` then only compares readings with horizons:
integers, no text. The shield lifts by itself: verdicts are never stored, each screen judges
against the progress of the moment. Only title and summary are read, never the stored article
body. Judging, the fan's horizons and the shield's settings: :mod:`fancompanion.core.shield`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from fancompanion.core.models import NewsItem, ShowRecord

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_NUM = r"(\d{1,3}|" + "|".join(_WORDS) + r")(?:st|nd|rd|th)?"

# Season and episode references, on the lower-cased text.
_EPISODE_CODE = re.compile(r"\bs(\d{1,3}) ?e(\d{1,4})\b|\b(\d{1,2})x(\d{1,3})\b")
_SEASON_EPISODE = re.compile(
    r"\b(?:season|series) (\d{1,3}),? (?:episode|ep\.?|chapter) (\d{1,4})\b"
)
_EPISODE = re.compile(r"\b(?:episode|ep\.?) (\d{1,4})\b|\b" + _NUM + r" episode\b")
_SEASON = re.compile(
    r"\b(?:season|series)s? "
    + _NUM
    + r"(?:(?:,| and| &| to|-|–) ?"
    + _NUM
    + r")*"
    + r"|\b"
    + _NUM
    + r" (?:season|series)\b"
    + r"|\bs(?P<code>\d{1,2})\b(?! ?e\d)"
)
_SEASON_LIST_NUMBER = re.compile(_NUM)
_FINALE = re.compile(r"\b(?:finale|final episode|last episode|ending|ends)\b")
_DEATH_OR_RETURN = re.compile(
    r"\b(?:dies|died|death|dead|killed|kills|murdered|returns|returned|return of|comeback"
    r"|is back|comes back|brought back|resurrect\w*)\b"
)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_QUOTED = re.compile(r"(?:(?<![a-z0-9])'|[\"“‘])([^\"“”‘’']{2,40})(?:'(?![a-z0-9])|[\"”’])")
_GENERIC_TITLES = {"", "pilot", "finale", "episode", "untitled", "tba", "tbd", "special"}
_NUMBERED = ("episode ", "chapter ", "part ")


_COMMON_ROLE_WORDS = {
    "himself", "herself", "narrator", "voice", "young", "older", "agent", "sister", "brother",
    "mother", "father", "doctor", "detective", "officer",
}  # fmt: skip

Position = tuple[int, int]  # (season, number); season 0: the horizon's own season


@dataclass(frozen=True, slots=True)
class ShowFacts:
    """What reading an item needs to know about one show (from its record, no progress)."""

    show_id: str
    names: tuple[str, ...]  # the show's names as words between single spaces
    characters: tuple[str, ...] = ()
    titles: Mapping[str, tuple[tuple[str, Position], ...]] = field(default_factory=dict)
    short_titles: Mapping[str, Position] = field(default_factory=dict)  # one short word
    season_ends: Mapping[int, tuple[int, str]] = field(default_factory=dict)  # last no., date
    dated: tuple[tuple[str, Position], ...] = ()  # (airdate, position), in air order


def show_facts(record: ShowRecord) -> ShowFacts:
    show = record.show
    names = tuple(dict.fromkeys(_flatten(n) for n in (show.name, *show.aliases) if n.strip()))
    titles: dict[str, list[tuple[str, Position]]] = {}
    short: dict[str, Position] = {}
    season_ends: dict[int, tuple[int, str]] = {}
    dated: list[tuple[str, Position]] = []
    for episode in record.episodes:
        if episode.number is None:
            continue
        at = (episode.season, episode.number)
        day = (episode.airdate or episode.airstamp or "")[:10]
        last = season_ends.get(episode.season)
        if last is None or episode.number > last[0]:
            season_ends[episode.season] = (episode.number, day)
        if day:
            dated.append((day, at))
        title = _flatten(episode.name)
        if title in names or title in _GENERIC_TITLES or title.startswith(_NUMBERED):
            continue
        words = title.split()
        if len(words) == 1 and len(title) < 8:
            short[title] = max(at, short.get(title, at))
        else:
            titles.setdefault(words[0], []).append((title, at))
    name_words = {w for n in names for w in n.split()}
    characters: set[str] = set()
    for credit in record.credits:
        role = _flatten(credit.role)
        if credit.kind != "cast" or len(role) < 4 or role in names:
            continue
        characters.add(role)
        characters.update(
            w for w in role.split() if len(w) >= 5 and w not in name_words | _COMMON_ROLE_WORDS
        )
    dated.sort()
    return ShowFacts(
        show.id,
        names,
        tuple(sorted(characters)),
        {k: tuple(v) for k, v in titles.items()},
        short,
        season_ends,
        tuple(dated),
    )


def read_item(item: NewsItem, shows: Mapping[str, ShowFacts]) -> tuple[str, ...]:
    """What the item reveals of each linked show, as readings ``"<show id> <season> <number>
    <rule>"``: "reveals this show up to this episode, by this rule" (at most one per rule)."""
    text = _Text(item)
    linked = [shows[s] for s in item.show_ids if s in shows]
    named = {f.show_id for f in linked if any(map(text.in_title, f.names))}
    out: list[str] = []
    for facts in linked:
        found: dict[str, Position] = {}
        if not named or facts.show_id in named:
            _read_references(facts, text, found)
        at = _named_title(facts, text)
        if at is not None and at > found.get("later episode", (0, 0)):
            found["later episode"] = at
        if text.day and any(map(text.in_title, facts.names)):
            at = _last_aired(facts, text.day, before=True)
            if at is not None:
                found["published later"] = at
        out.extend(f"{facts.show_id} {s} {n} {rule}" for rule, (s, n) in found.items())
    return tuple(out)


READING_VERSION = "v1"  # first reading of every item read; bump it when the rules change


def read_linked(
    items: Iterable[NewsItem], record_of: Callable[[str], ShowRecord | None]
) -> dict[str, tuple[str, ...]]:
    """The readings of these items (by id), each show's record read once."""
    facts: dict[str, ShowFacts | None] = {}
    out: dict[str, tuple[str, ...]] = {}
    for item in items:
        for show_id in item.show_ids:
            if show_id not in facts:
                record = record_of(show_id)
                facts[show_id] = show_facts(record) if record is not None else None
        known = {s: f for s in item.show_ids if (f := facts[s]) is not None}
        out[item.id] = (READING_VERSION, *read_item(item, known))
    return out


def _read_references(facts: ShowFacts, text: _Text, found: dict[str, Position]) -> None:
    """Seasons, episode numbers, finales, deaths and returns named in the text."""
    if not any(trigger in text.flat for trigger in _TRIGGER_WORDS) and not _CODE_HINT.search(
        text.flat
    ):
        return
    seasons = _seasons(text.text)
    if seasons:
        found["later season"] = (max(seasons), 0)
    episode = _episode_number(text.text)
    if episode is not None:
        found["later episode"] = episode
    if _FINALE.search(text.text):
        ends = [
            (s, facts.season_ends[s][0])
            for s in (seasons or _latest_seasons(facts, text.day))
            if s in facts.season_ends
        ]
        if ends:
            found["finale"] = max(ends)
    if _DEATH_OR_RETURN.search(text.text) and any(map(text.has, facts.characters)):
        at = _last_aired(facts, text.day, before=False) if text.day else _last(facts)
        if at is not None and seasons:
            end = max(seasons)
            at = min(at, (end, facts.season_ends.get(end, (0, ""))[0]))
        if at is not None:
            found["death or return"] = at


_TRIGGER_WORDS = (
    " season", " series", " episode", " ep ", "fina", " end", " die", " death", " dead",
    " kill", " murder", " return", " comeback", " back ", " resurrect",
)  # fmt: skip
_CODE_HINT = re.compile(r" s\d|\dx\d")


def _latest_seasons(facts: ShowFacts, day: str) -> list[int]:
    aired = [s for s, (_, date) in facts.season_ends.items() if not day or (date and date <= day)]
    return [max(aired)] if aired else []


def _last(facts: ShowFacts) -> Position | None:
    return max((p for _, p in facts.dated), default=None)


def _last_aired(facts: ShowFacts, day: str, *, before: bool) -> Position | None:
    """The latest episode aired before ``day`` (or on it, unless ``before``)."""
    cut = (
        bisect.bisect_left(facts.dated, (day,))
        if before
        else bisect.bisect_right(facts.dated, (day, (10**9, 10**9)))
    )
    return max((p for _, p in facts.dated[:cut]), default=None)


def _named_title(facts: ShowFacts, text: _Text) -> Position | None:
    best: Position | None = None
    if facts.short_titles and any(q in text.text for q in "\"'“‘"):
        for quoted in _QUOTED.findall(text.text):
            at = facts.short_titles.get(_flatten(quoted))
            if at is not None and (best is None or at > best):
                best = at
    if facts.titles:
        flat = text.flat
        for word in set(flat.split()):
            for title, at in facts.titles.get(word, ()):
                if (best is None or at > best) and f" {title} " in flat:
                    best = at
    return best


class _Text:
    """An item's title and summary, lower-cased, and as words between single spaces (so a
    phrase matches on word boundaries with one substring search)."""

    __slots__ = ("day", "flat", "flat_title", "text", "title")

    def __init__(self, item: NewsItem) -> None:
        self.title = item.title.lower()
        self.text = f"{self.title}\n{item.summary.lower()}"
        self.day = (item.published or "")[:10]
        self.flat = f" {' '.join(_WORD.findall(self.text))} "
        self.flat_title = f" {' '.join(_WORD.findall(self.title))} "

    def has(self, phrase: str) -> bool:
        """``phrase`` (words between single spaces) is in the title or summary."""
        return f" {phrase} " in self.flat

    def in_title(self, phrase: str) -> bool:
        return f" {phrase} " in self.flat_title


def _flatten(phrase: str) -> str:
    return " ".join(_WORD.findall(phrase.lower()))


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _WORDS.get(text, 0)


def _seasons(text: str) -> list[int]:
    out = []
    for match in _SEASON.finditer(text):
        if match.group("code"):
            out.append(int(match.group("code")))  # "s3"
        else:
            out.extend(_number(n) for n in _SEASON_LIST_NUMBER.findall(match.group(0)))
    return [n for n in out if n > 0]


def _episode_number(text: str) -> Position | None:
    """The latest episode named by number (season 0: a bare "episode 9")."""
    found: list[Position] = []
    for match in _EPISODE_CODE.finditer(text):
        season, number = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
        found.append((int(season), int(number)))
    for match in _SEASON_EPISODE.finditer(text):
        found.append((int(match.group(1)), int(match.group(2))))
    if not found:
        for match in _EPISODE.finditer(text):
            number = _number(match.group(1) or match.group(2) or "")
            if number:
                found.append((0, number))
    return max(found, default=None)
