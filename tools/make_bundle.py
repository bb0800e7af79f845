#!/usr/bin/env python3
"""Generate the bundled show library (data/shows/*.json and data/manifest.json).

The show files are built only from the cross-checked reference tables in tools/reference/
(marvel-netflix-shows.tsv, marvel-netflix-episodes.tsv, marvel-netflix-cast.tsv: a copy of the
team's shared/reference/), so running this script again reproduces them byte for byte.
Each fact has one source: nothing about shows, episodes or cast is written by hand here.
Each file uses the shape of TVmaze's
``GET /shows/:id?embed[]=episodes&embed[]=cast&embed[]=seasons&embed[]=crew`` answer,
so the app reads it with the same parser as live TVmaze data.

What is kept out (see docs/bundle.md):
- Any TVmaze, IMDb or TheTVDB id that its row's ``sources`` column backs with fewer than two
  sources (the TVmaze ids of Daredevil, The Defenders and The Punisher): ``null``.
- Episode and cast rows marked ``confirmed=no``.
- Showrunner credits listed in EXCLUDED_CREW (single-source or never served).

The script refuses to write (exit 1) when the tables contradict themselves: counts or dates
that disagree, a person twice in one show's cast, a confirmed row with an unconfirmed id.

data/news.json and data/feeds.json are hand-written and not touched here.

Usage:  python3 tools/make_bundle.py [REFERENCE_DIR] [--out DATA_DIR] [--check]
REFERENCE_DIR defaults to tools/reference (copy a newer shared/reference/ there first);
--check compares the generated text with the files on disk and writes nothing.
Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = REPO_ROOT / "tools" / "reference"
DEFAULT_OUT = REPO_ROOT / "data"

CREDIT = (
    "Show, episode and cast facts cross-checked from public listings; "
    "identifiers originating from TVmaze are CC BY-SA 4.0 (tvmaze.com)."
)

# Bundle order and file slugs.
SHOWS = [
    ("Daredevil", "daredevil"),
    ("Jessica Jones", "jessica-jones"),
    ("Luke Cage", "luke-cage"),
    ("Iron Fist", "iron-fist"),
    ("The Defenders", "the-defenders"),
    ("The Punisher", "the-punisher"),
]

# Our own short premise lines (plain, widely known facts; HTML like TVmaze's summaries).
SUMMARIES = {
    "Daredevil": (
        "<p>Matt Murdock, a lawyer who was blinded as a child, spends his nights as the masked "
        "vigilante Daredevil, fighting crime in the New York neighbourhood of Hell's Kitchen.</p>"
    ),
    "Jessica Jones": (
        "<p>Jessica Jones, a woman with super strength, works as a private investigator "
        "in New York City in this noir-toned drama.</p>"
    ),
    "Luke Cage": (
        "<p>Luke Cage, a man with unbreakable skin and great strength, stands up for his "
        "neighbourhood of Harlem in New York City.</p>"
    ),
    "Iron Fist": (
        "<p>Danny Rand comes back to New York City years after he was presumed dead, carrying "
        "the martial-arts power of the Iron Fist, and tries to reclaim his family's company.</p>"
    ),
    "The Defenders": (
        "<p>An eight-episode team-up in which Daredevil, Jessica Jones, Luke Cage and "
        "Iron Fist join forces in New York City against a shared enemy, the Hand.</p>"
    ),
    "The Punisher": (
        "<p>Frank Castle, a former Marine whose family was killed, wages a one-man war as the "
        "vigilante known as the Punisher; the character first appeared in the second season "
        "of Daredevil.</p>"
    ),
}

# Showrunner credits from the reference that the bundle leaves out, with the reason.
EXCLUDED_CREW = {
    ("Jessica Jones", "Scott Reynolds"): "single-source (reference README)",
    ("The Defenders", "Douglas Petrie"): "left before filming; not a serving showrunner",
}

# Raised whenever the show files (or the hand-written library notes) change, so an existing
# store merges the new catalog in (fancompanion.core.bundle.seed_if_needed); user state is
# never touched by that merge. 3: the library notes are dated by day ("2018-06-22").
BUNDLE_VERSION = 3

# Id columns of marvel-netflix-shows.tsv and the label each has in its ``sources`` column.
ID_COLUMNS = (("tvmaze_id", "tvmaze"), ("imdb_id", "imdb"), ("thetvdb_id", "thetvdb"))
_SOURCE_TAG_RE = re.compile(r"\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*\b")

_SEASONS_RE = re.compile(r"^S(\d+)(?:-(\d+))?$")


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def confirmed(row: dict[str, str]) -> bool:
    return row.get("confirmed", "").strip().lower() == "yes"


def season_range(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def parse_showrunners(show: str, text: str, season_count: int) -> list[tuple[str, str, str]]:
    """``"A (S1); B & C (S2)"`` -> [(type, name, seasons)], dropping EXCLUDED_CREW."""
    out: list[tuple[str, str, str]] = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        match = re.fullmatch(r"(.*?)\s*(?:\(([^)]*)\))?", part)
        assert match is not None
        names_text, qualifier = match.group(1), (match.group(2) or "").strip()
        names = [n.strip() for n in names_text.split("&") if n.strip()]
        kept = [n for n in names if (show, n) not in EXCLUDED_CREW]
        if not kept:
            continue
        job = "Showrunner"
        if qualifier.lower().startswith("co-showrunner"):
            job = "Co-showrunner"
            qualifier = qualifier[len("co-showrunner") :].strip()
        if not qualifier:
            seasons = season_range(1, season_count)
        else:
            m = _SEASONS_RE.match(qualifier)
            if not m:
                raise SystemExit(f"{show}: cannot read showrunner qualifier {qualifier!r}")
            seasons = season_range(int(m.group(1)), int(m.group(2) or m.group(1)))
        out.extend((job, name, seasons) for name in kept)
    return out


def id_sources(row: dict[str, str]) -> dict[str, list[str]]:
    """The source tags the ``sources`` column gives each id: ``"imdb: SON, SWIL"`` -> SON, SWIL.

    "SON only" counts one; "not found" and "original listing only (...)" count none.
    """
    out: dict[str, list[str]] = {}
    for part in row.get("sources", "").split(";"):
        label, _, value = part.partition(":")
        tags = _SOURCE_TAG_RE.findall(value)
        out[label.strip().lower()] = list(dict.fromkeys(tags))
    return out


def proven_ids(row: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The ids of a show row that rest on at least two sources, and any contradictions.

    A row is ``confirmed=yes`` only when every id it carries has two sources, so a ``yes`` row
    with a single-source id (or a ``no`` row whose ids are all proven) is reported.
    """
    sources = id_sources(row)
    kept: dict[str, str] = {}
    weak: list[str] = []
    for column, label in ID_COLUMNS:
        value = row.get(column, "").strip()
        if not value:
            continue
        if len(sources.get(label, [])) >= 2:
            kept[column] = value
        else:
            weak.append(column)
    problems = []
    if confirmed(row) and weak:
        problems.append(f"{row['show']}: confirmed, but {', '.join(weak)} has one source")
    if not confirmed(row) and not weak:
        problems.append(f"{row['show']}: every id has two sources, but the row is not confirmed")
    return kept, problems


def cast_rows(show: str, cast: list[dict[str, str]]) -> tuple[list[dict[str, str]], list[str]]:
    """The show's confirmed cast rows in reference order; a person listed twice is a problem."""
    rows = [c for c in cast if c["show"] == show and confirmed(c)]
    problems = []
    seen: set[str] = set()
    for c in rows:
        actor = c["actor"].strip()
        if actor.casefold() in seen:
            problems.append(f"{show}: {actor} is in the cast twice")
        seen.add(actor.casefold())
        if not c["seasons"].strip():
            problems.append(f"{show}: {actor} has no seasons")
    return rows, problems


def build_show(
    row: dict[str, str],
    episodes: list[dict[str, str]],
    cast: list[dict[str, str]],
) -> dict[str, Any]:
    name = row["show"]
    ids, _ = proven_ids(row)
    tvmaze_id = int(ids["tvmaze_id"]) if "tvmaze_id" in ids else None
    thetvdb_id = int(ids["thetvdb_id"]) if "thetvdb_id" in ids else None

    eps = sorted(
        (e for e in episodes if e["show"] == name and confirmed(e)),
        key=lambda e: (int(e["season"]), int(e["episode"])),
    )

    seasons = []
    for number in sorted({int(e["season"]) for e in eps}):
        in_season = [e for e in eps if int(e["season"]) == number]
        dates = sorted({e["release_date"] for e in in_season})
        seasons.append(
            {
                "id": None,
                "url": None,
                "number": number,
                "name": "",
                "episodeOrder": len(in_season),
                "premiereDate": dates[0],
                "endDate": dates[-1],
                "network": None,
                "webChannel": {"name": row["network"]},
                "image": None,
                "summary": None,
            }
        )

    episode_objs = []
    for e in eps:
        runtime = e["runtime_min"].strip()
        episode_objs.append(
            {
                "id": None,
                "url": None,
                "name": e["title"],
                "season": int(e["season"]),
                "number": int(e["episode"]),
                "type": "regular",
                "airdate": e["release_date"],
                "airtime": "",
                "airstamp": None,
                "runtime": int(runtime) if runtime else None,
                "image": None,
                "summary": None,
            }
        )

    cast_objs = []
    for c in cast_rows(name, cast)[0]:
        character = c["character"].strip()
        cast_objs.append(
            {
                "person": {"id": None, "name": c["actor"].strip()},
                "character": {"id": None, "name": character} if character else None,
                "self": False,
                "voice": False,
                "seasons": c["seasons"].strip(),
            }
        )

    crew_objs = [
        {"type": job, "person": {"id": None, "name": person}, "seasons": seasons_text}
        for job, person, seasons_text in parse_showrunners(
            name, row["showrunners"], int(row["seasons"])
        )
    ]

    return {
        "id": tvmaze_id,
        "url": None,
        "name": name,
        "type": "Scripted",
        "language": "English",
        "genres": [],
        "status": "Ended",
        "runtime": None,
        "averageRuntime": None,
        "premiered": row["premiered"] or None,
        "ended": row["ended"] or None,
        "officialSite": None,
        "schedule": {"time": "", "days": []},
        "network": None,
        "webChannel": {"id": None, "name": row["network"], "country": None},
        "externals": {"tvrage": None, "thetvdb": thetvdb_id, "imdb": ids.get("imdb_id")},
        "image": None,
        "summary": SUMMARIES[name],
        "updated": None,
        "_embedded": {
            "seasons": seasons,
            "episodes": episode_objs,
            "cast": cast_objs,
            "crew": crew_objs,
        },
    }


def check_show(row: dict[str, str], show: dict[str, Any], cast: list[dict[str, str]]) -> list[str]:
    """Cross-check a built show against its reference row (ids, counts, dates) and its cast."""
    emb = show["_embedded"]
    name = row["show"]
    problems = proven_ids(row)[1] + cast_rows(name, cast)[1]
    if len(emb["seasons"]) != int(row["seasons"]):
        problems.append(f"{name}: {len(emb['seasons'])} seasons, reference: {row['seasons']}")
    if len(emb["episodes"]) != int(row["episodes"]):
        problems.append(f"{name}: {len(emb['episodes'])} episodes, reference: {row['episodes']}")
    if emb["seasons"]:
        if emb["seasons"][0]["premiereDate"] != row["premiered"]:
            problems.append(f"{name}: first season date differs from premiered")
        if emb["seasons"][-1]["endDate"] != row["ended"]:
            problems.append(f"{name}: last season date differs from ended")
    for season in emb["seasons"]:
        if season["premiereDate"] != season["endDate"]:
            problems.append(f"{name} S{season['number']}: episodes released on different days")
        numbers = [e["number"] for e in emb["episodes"] if e["season"] == season["number"]]
        if numbers != list(range(1, len(numbers) + 1)):
            problems.append(f"{name} S{season['number']}: episode numbers not 1..n")
    return problems


def dump(obj: object) -> str:
    return json.dumps(obj, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Generate data/shows/*.json and data/manifest.json."
    )
    parser.add_argument("reference", nargs="?", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="compare with files on disk only")
    args = parser.parse_args(argv)

    ref: Path = args.reference.resolve()
    show_rows = {r["show"]: r for r in read_tsv(ref / "marvel-netflix-shows.tsv")}
    episodes = read_tsv(ref / "marvel-netflix-episodes.tsv")
    cast = read_tsv(ref / "marvel-netflix-cast.tsv")

    outputs: dict[Path, str] = {}
    problems: list[str] = []
    total = 0
    for name, slug in SHOWS:
        row = show_rows[name]
        show = build_show(row, episodes, cast)
        problems += check_show(row, show, cast)
        total += len(show["_embedded"]["episodes"])
        outputs[args.out / "shows" / f"{slug}.json"] = dump(show)
    if total != sum(1 for e in episodes if confirmed(e)):
        problems.append(f"{total} episodes written, reference has a different confirmed count")

    manifest = {
        "bundle_version": BUNDLE_VERSION,
        "credit": CREDIT,
        "shows": [f"{slug}.json" for _, slug in SHOWS],
        "news": "news.json",
        "feeds": "feeds.json",
    }
    outputs[args.out / "manifest.json"] = dump(manifest)

    if problems:
        for problem in problems:
            print("error:", problem, file=sys.stderr)
        return 1

    if args.check:
        stale = [
            p
            for p, text in outputs.items()
            if not p.exists() or p.read_text(encoding="utf-8") != text
        ]
        for p in stale:
            print("out of date:", p, file=sys.stderr)
        return 1 if stale else 0

    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(SHOWS)} shows ({total} episodes) and manifest.json to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
