"""A TVmaze-shaped embedded show response (``/shows/:id?embed[]=episodes&embed[]=cast``).

Deterministic and plausible: HTML summaries, airstamps, a cast with people, as the parser
meets them from the network.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from bench.generate import WORDS


def embedded_show(tvmaze_id: int, episodes: int, seed: int = 8) -> dict[str, Any]:
    rng = random.Random(seed)
    start = date(2001, 1, 7)

    def words(n: int) -> str:
        return " ".join(rng.choices(WORDS, k=n))

    eps = []
    for n in range(episodes):
        day = (start + timedelta(days=7 * n)).isoformat()
        eps.append(
            {
                "id": tvmaze_id * 10_000 + n,
                "url": f"https://www.tvmaze.com/episodes/{tvmaze_id * 10_000 + n}",
                "name": words(3).title(),
                "season": n // 25 + 1,
                "number": n % 25 + 1,
                "type": "regular",
                "airdate": day,
                "airtime": "21:00",
                "airstamp": f"{day}T01:00:00+00:00",
                "runtime": 60,
                "rating": {"average": 7.5},
                "image": None,
                "summary": f"<p>{words(30).capitalize()}.</p>",
            }
        )
    cast = [
        {
            "person": {
                "id": tvmaze_id * 100 + k,
                "name": f"Player {words(1).title()} {k}",
                "country": {"name": "United States"},
                "birthday": "1980-01-01",
            },
            "character": {"name": words(2).title()},
            "self": False,
            "voice": False,
        }
        for k in range(20)
    ]
    return {
        "id": tvmaze_id,
        "name": f"Added Show {tvmaze_id}",
        "type": "Scripted",
        "genres": ["Drama"],
        "status": "Ended",
        "runtime": 60,
        "premiered": start.isoformat(),
        "ended": eps[-1]["airdate"] if eps else None,
        "network": {"name": "NBC", "country": {"name": "United States"}},
        "externals": {"imdb": f"tt8{tvmaze_id:06d}"},
        "summary": f"<p>{words(60).capitalize()}.</p>",
        "updated": 1_700_000_000,
        "_embedded": {"episodeswithspecials": eps, "cast": cast},
    }
