"""The shapes of the synthetic stores (issue 6) and the smaller ones ``--quick`` uses."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StoreSize:
    """How big one synthetic store is; every count is exact in the generated store."""

    name: str
    shows: int
    episodes: int
    people: int
    news: int
    news_text: bool  # news items carry a full article body (text/<id>.txt)
    watched_shows: int  # shows with a watch history (a marks file and a watchlist status)
    big_show_episodes: int  # one show with this many episodes (0: none)
    seed: int = 6

    @property
    def key(self) -> str:
        return (
            f"{self.name}-{self.shows}s-{self.episodes}e-{self.people}p-{self.news}n"
            f"{'t' if self.news_text else ''}-{self.watched_shows}w-{self.big_show_episodes}b"
            f"-seed{self.seed}"
        )


TYPICAL = StoreSize("typical", 500, 15_000, 2_000, 5_000, False, 300, 0)
HEAVY = StoreSize("heavy", 10_000, 300_000, 40_000, 50_000, True, 2_000, 10_000)
QUICK_TYPICAL = StoreSize("typical", 200, 6_000, 800, 1_000, False, 120, 0)
QUICK_HEAVY = StoreSize("heavy", 2_000, 60_000, 8_000, 2_000, True, 400, 10_000)


def sizes(quick: bool) -> tuple[StoreSize, StoreSize]:
    """(typical, heavy) for a full or a quick run."""
    return (QUICK_TYPICAL, QUICK_HEAVY) if quick else (TYPICAL, HEAVY)
