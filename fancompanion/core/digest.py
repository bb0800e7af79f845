"""What changed since the fan last looked: the digest (the ``D`` screen, ``fancompanion digest``).

Four kinds of news, each line knowing where it leads in the app:

- episodes that aired since then for shows being watched, with the next one to watch;
- what refreshes changed about library shows (the catalog's change log, see
  :mod:`fancompanion.core.changes`): seasons and episodes announced, air dates moved, shows
  ended or renewed;
- unread news about library shows published since then (items the spoiler shield hides are
  counted, never shown);
- feeds whose last refresh failed.

"Last looked" is the user setting ``last_looked`` (UTC ISO), set when the app opens and when
the fan marks the digest seen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from fancompanion.core.changes import ShowChange
from fancompanion.core.library import Library
from fancompanion.core.models import Episode, NewsItem, ShowSummary, WatchStatus
from fancompanion.core.shield import shield
from fancompanion.core.timeutil import STORE_FORMAT, aired_by, has_aired, to_store

LAST_LOOKED = "last_looked"  # setting: when the fan last looked (UTC ISO)
ON_START = "digest_on_start"  # setting: False keeps the app from opening the digest at start
FIRST_LOOK_DAYS = 7  # with no "last looked" yet, the digest covers this many days


@dataclass(frozen=True, slots=True)
class Aired:
    """Episodes of a show being watched that aired in the digest's window."""

    show_id: str
    show_name: str
    episodes: tuple[Episode, ...]
    next_to_watch: Episode | None

    @property
    def lands_on(self) -> str:
        """The episode ``enter`` goes to: the next to watch, else the newest that aired."""
        if self.next_to_watch is not None:
            return self.next_to_watch.key
        return self.episodes[-1].key if self.episodes else ""

    @property
    def text(self) -> str:
        count = len(self.episodes)
        codes = ", ".join(e.code for e in self.episodes[:4])
        more = f" and {count - 4} more" if count > 4 else ""
        aired = f"{count} new episode{'s' if count != 1 else ''} aired: {codes}{more}"
        if self.next_to_watch is None:
            return f"{aired} · all watched"
        return f"{aired} · next: {self.next_to_watch.code} {self.next_to_watch.name}".rstrip()


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the digest and where ``enter`` takes the fan: a show's tab (on the episode
    the line is about, when it names one), or the news screen (on an item, or on the list for
    failed feeds)."""

    section: str  # "aired" | "changes" | "news" | "feeds"
    title: str  # the show or the news source
    text: str
    show_id: str = ""
    tab: str = "overview"
    news_id: str = ""
    episode: str = ""  # the episode key the Seasons cursor lands on


@dataclass(frozen=True, slots=True)
class Digest:
    since: str
    now: str
    aired: tuple[Aired, ...] = ()
    changes: tuple[ShowChange, ...] = ()
    news: tuple[NewsItem, ...] = ()
    shielded: int = 0  # unread news items hidden by the spoiler shield
    failed_feeds: tuple[tuple[str, str], ...] = ()
    show_names: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.aired or self.changes or self.news or self.shielded or self.failed_feeds)

    def shows_of(self, item: NewsItem) -> list[str]:
        """The names of the library shows an item is about (a show it names that has left the
        library is not named, and never by its id)."""
        return [self.show_names[s] for s in item.show_ids if s in self.show_names]

    def lines(self) -> list[Line]:
        out = [
            Line("aired", a.show_name, a.text, a.show_id, "seasons", episode=a.lands_on)
            for a in self.aired
        ]
        out += [
            Line(
                "changes",
                c.show_name,
                c.text,
                c.show_id,
                "seasons" if c.season else "overview",
                episode=c.episode,
            )
            for c in self.changes
        ]
        for item in self.news:
            about = ", ".join(self.shows_of(item)[:2])
            out.append(Line("news", about or item.source, item.title, news_id=item.id))
        if self.shielded:
            plural = "s" if self.shielded != 1 else ""
            hidden = f"{self.shielded} more unread item{plural} hidden by the spoiler shield"
            out.append(Line("news", "Spoiler shield", hidden, news_id=""))
        out += [Line("feeds", title, error) for title, error in self.failed_feeds]
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "since": self.since,
            "now": self.now,
            "aired": [
                {
                    "show_id": a.show_id,
                    "show": a.show_name,
                    "episodes": [e.code for e in a.episodes],
                    "next": a.next_to_watch.code if a.next_to_watch else None,
                }
                for a in self.aired
            ],
            "changes": [
                {
                    "show_id": c.show_id,
                    "show": c.show_name,
                    "kind": c.kind,
                    "text": c.text,
                    "at": c.at,
                    "season": c.season or None,
                    "episode": c.episode or None,
                }
                for c in self.changes
            ],
            "news": [
                {
                    "id": n.id,
                    "title": n.title,
                    "published": n.published,
                    "source": n.source,
                    "shows": self.shows_of(n),
                }
                for n in self.news
            ],
            "shielded_news": self.shielded,
            "failed_feeds": [{"feed": t, "error": e} for t, e in self.failed_feeds],
        }


def last_looked(library: Library) -> str | None:
    value = library.store.user.settings().get(LAST_LOOKED)
    return value if isinstance(value, str) and to_store(value) else None


def default_since(library: Library, now: str) -> str:
    """Last looked, else a week before ``now``."""
    looked = last_looked(library)
    if looked is not None:
        return looked
    moment = datetime.strptime(now, STORE_FORMAT).replace(tzinfo=UTC)
    return (moment - timedelta(days=FIRST_LOOK_DAYS)).strftime(STORE_FORMAT)


def _may_have_aired(library: Library, summary: ShowSummary, since: str, now: str) -> bool:
    """Whether an episode of the show can have aired in ``(since, now]``, from its index row,
    without reading the show (at start the digest looks at every show being watched).

    A show file written before an episode aired lists its air time in the row's ``pending``; a
    file written since ``since`` (a refresh) may hold episodes that aired before it was
    written, so it is read."""
    if summary.ended and summary.ended < since[:10]:
        return False  # ended before the window: nothing can have aired in it
    if any(aired_by(stamp, now) and not aired_by(stamp, since) for stamp in summary.pending):
        return True
    return library.store.catalog.written_since(summary.id, since)


def digest(library: Library, since: str, now: str) -> Digest:
    """Everything new between ``since`` and ``now`` (both UTC ISO)."""
    summaries = library.summaries()
    names = {s.id: s.name for s in summaries}
    statuses = library.statuses()
    aired: list[Aired] = []
    for summary in summaries:
        if statuses.get(summary.id) is not WatchStatus.WATCHING:
            continue
        if not _may_have_aired(library, summary, since, now):
            continue
        view = library.show(summary.id, now)
        if view is None:
            continue
        new = tuple(
            e
            for e in view.record.episodes
            if e.number is not None and has_aired(e, now) and not has_aired(e, since)
        )
        if new:
            aired.append(Aired(summary.id, summary.name, new, view.next_to_watch))
    changes = tuple(c for c in library.store.catalog.changes(since) if c.show_id in names)
    read = library.read_ids()
    unread = [
        n
        for n in library.news_between(since, now)
        if n.id not in read and any(s in names for s in n.show_ids)
    ]
    shielded = shield(library, unread, now).shielded
    return Digest(
        since=since,
        now=now,
        aired=tuple(aired),
        changes=changes,
        news=tuple(n for n in unread if n.id not in shielded),
        shielded=sum(1 for n in unread if n.id in shielded),
        failed_feeds=tuple(library.feed_errors()),
        show_names=names,
    )
