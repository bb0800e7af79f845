"""What a command line names: a show (by id, IMDb id, name or part of one) and its episodes.

A show may be typed without quotes (``watch jessica jones s1e1``): the words that are not
episode codes are the show. A name that fits several shows is an error listing them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fancompanion.cli.context import CommandError
from fancompanion.core.models import Episode, ShowRecord
from fancompanion.core.store.catalog import ShowName

_EPISODE = re.compile(
    r"^(?:s(?P<s1>\d{1,3})e(?P<e1>\d{1,4})|(?P<s2>\d{1,3})x(?P<e2>\d{1,4}))"
    r"(?:-(?:(?:s(?P<s3>\d{1,3}))?e(?P<e3>\d{1,4})|(?:(?P<s4>\d{1,3})x)?(?P<e4>\d{1,4})))?$",
    re.IGNORECASE,
)
_NOT_WORD = re.compile(r"[\W_]+")
MAX_LISTED = 6

Code = tuple[int, int]  # (season, number)


def is_episode_code(word: str) -> bool:
    return _EPISODE.match(word.strip()) is not None


def split_episodes(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """(show words, episode codes): the codes are the trailing words that look like one."""
    cut = len(words)
    while cut > 0 and is_episode_code(words[cut - 1]):
        cut -= 1
    return list(words[:cut]), list(words[cut:])


def parse_code(word: str) -> tuple[Code, Code]:
    """``S01E02`` → ((1, 2), (1, 2)); ``S01E02-S02E03``, ``S01E02-E05``, ``1x02-05`` → a range."""
    found = _EPISODE.match(word.strip())
    if found is None:
        raise CommandError(f"not an episode code: {word!r} (use S01E02 or S01E02-S01E05)")
    parts = found.groupdict()
    season = int(parts["s1"] or parts["s2"])
    first = (season, int(parts["e1"] or parts["e2"]))
    end = parts["e3"] or parts["e4"]
    if end is None:
        return first, first
    last = (int(parts["s3"] or parts["s4"] or season), int(end))
    if last < first:
        raise CommandError(f"{word}: the range runs backwards")
    return first, last


def _key(text: str) -> str:
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def _label(summary: ShowName) -> str:
    years = f" ({summary.premiered[:4]})" if summary.premiered else ""
    return f"{summary.name}{years} [{summary.id}]"


def find_show(summaries: Sequence[ShowName], words: Sequence[str]) -> ShowName:
    """The one show the words name: its id, IMDb id or TVmaze id, its name, or part of it.

    An exact name (or alias) wins over a name that starts with the words, which wins over a
    name with a word that starts with them; several at the first level that has any is an
    error listing them. One pass; only the shows that contain the longest typed word are
    normalised: 10,000 shows cost milliseconds.
    """
    query = " ".join(w.strip() for w in words if w.strip())
    if not query:
        raise CommandError("name a show (its name, or its id from `fancompanion shows --json`)")
    lowered = query.lower()
    for summary in summaries:
        if summary.id == lowered or (summary.imdb_id or "").lower() == lowered:
            return summary
    key = _key(query)
    spaced = f" {key}"
    # Every level below needs the key inside the normalised name (or an alias), so its longest
    # word is inside the casefolded text: a plain substring test passes over the other shows.
    probe = max(key.split(), key=len, default="")
    levels: tuple[list[ShowName], list[ShowName], list[ShowName]] = ([], [], [])
    for summary in summaries:
        if probe not in summary.name.casefold() and not (
            summary.aliases and any(probe in alias.casefold() for alias in summary.aliases)
        ):
            continue
        name = _key(summary.name)
        if name == key or (summary.aliases and key in [_key(a) for a in summary.aliases]):
            levels[0].append(summary)
        elif name.startswith(key):
            levels[1].append(summary)
        elif spaced in f" {name}":
            levels[2].append(summary)
    for matches in levels:
        if len(matches) == 1:
            return matches[0]
        if matches:
            listed = "; ".join(_label(s) for s in matches[:MAX_LISTED])
            more = f"; and {len(matches) - MAX_LISTED} more" if len(matches) > MAX_LISTED else ""
            raise CommandError(
                f"{query!r} fits {len(matches)} shows: {listed}{more} — give more of the name "
                "or the id in brackets"
            )
    if query.isdigit():
        for summary in summaries:
            if summary.tvmaze_id == int(query):
                return summary
    raise CommandError(f"no show {query!r} in the library; `fancompanion add` fetches one")


def pick_episodes(record: ShowRecord, codes: Sequence[str]) -> tuple[Episode, ...]:
    """The regular episodes the codes name, in order, each once; an unknown one is an error."""
    if not codes:
        raise CommandError("name at least one episode, e.g. S01E01 or S01E01-S01E05")
    regular = sorted(
        (e for e in record.episodes if e.number is not None),
        key=lambda e: (e.season, e.number or 0),
    )
    by_code = {(e.season, e.number or 0): e for e in regular}
    picked: dict[str, Episode] = {}
    for word in codes:
        first, last = parse_code(word)
        for end in {first, last}:
            if end not in by_code:
                raise CommandError(_missing(record, end, regular))
        for episode in regular:
            if first <= (episode.season, episode.number or 0) <= last:
                picked.setdefault(episode.key, episode)
    return tuple(picked.values())


def _missing(record: ShowRecord, code: Code, regular: Sequence[Episode]) -> str:
    name = f"S{code[0]:02d}E{code[1]:02d}"
    if not regular:
        return f"{record.show.name} has no episodes in the library yet"
    seasons = sorted({e.season for e in regular})
    in_season = [e.number or 0 for e in regular if e.season == code[0]]
    if in_season:
        where = f"season {code[0]} has episodes {min(in_season)}–{max(in_season)}"
    else:
        where = f"its seasons are {seasons[0]}–{seasons[-1]}"
    return f"{record.show.name} has no {name} ({where})"
