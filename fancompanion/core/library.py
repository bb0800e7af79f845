"""What the screens and commands ask of the core: library rows, a show, up next, upcoming,
people's work, news — and the commands that change user state.

The TUI and the CLI both go through :class:`Library`; neither touches the store's files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta

import msgspec

from fancompanion.core.commands import (
    Change,
    Result,
    SetRead,
    SetStatus,
    Unwatch,
    Watch,
    apply,
)
from fancompanion.core.models import (
    STATUS_ORDER,
    Episode,
    NewsItem,
    Progress,
    ShowRecord,
    ShowSummary,
    WatchStatus,
)
from fancompanion.core.progress import (
    MarkIndex,
    aired_count,
    next_air_time,
    standing,
    unwatched_after,
)
from fancompanion.core.store.errors import StoreError as StoreError  # what callers catch
from fancompanion.core.store.errors import each_readable
from fancompanion.core.store.store import Store
from fancompanion.core.timeutil import air_time, now_iso


class ShowView(msgspec.Struct, frozen=True):
    """One show as a screen shows it: catalog record, the fan's marks, derived figures."""

    record: ShowRecord
    status: WatchStatus
    marks: MarkIndex
    progress: Progress
    next_to_watch: Episode | None
    next_to_air: Episode | None

    @property
    def id(self) -> str:
        return self.record.show.id


UP_NEXT_AHEAD = 10  # episodes after each up next row's, for marks made faster than a read


class UpNext(msgspec.Struct, frozen=True):
    """A show's next episode to watch; ``then``: the ones after it, in the order it becomes
    them as they are marked (:func:`unwatched_after`)."""

    summary: ShowSummary
    episode: Episode
    progress: Progress
    then: tuple[Episode, ...] = ()

    def marked(self) -> UpNext | None:
        """The row once its episode is marked, without reading the show again; None when the
        next is not known from here (none after it: an earlier one, or the show is done)."""
        if not self.then:
            return None
        progress = msgspec.structs.replace(self.progress, watched=self.progress.watched + 1)
        return UpNext(self.summary, self.then[0], progress, self.then[1:])


class Airing(msgspec.Struct, frozen=True):
    show_id: str
    show_name: str
    episode: Episode
    stamp: str


class Work(msgspec.Struct, frozen=True):
    show_id: str
    show_name: str
    kind: str
    role: str


class Library:
    def __init__(self, store: Store) -> None:
        self.store = store
        # Called with every change that changed something (sync records them here).
        self.observers: list[Callable[[Result], object]] = []

    # -- the library list ---------------------------------------------------------------------

    def summaries(self) -> list[ShowSummary]:
        return sorted(self.store.catalog.summaries(), key=lambda s: s.name.casefold())

    def statuses(self) -> dict[str, WatchStatus]:
        return self.store.user.statuses()

    def stamp(self) -> tuple[tuple[int, int, int], ...]:
        """A cheap fingerprint of what the screens show: (inode, size, mtime) of the catalog
        files, the user state and the marks folder. Every store write replaces a file by a
        rename, so a change made by another process (import, fetch, a second app) changes it;
        nothing is read."""
        catalog, user = self.store.catalog, self.store.user
        paths = (
            catalog.index_path,
            catalog.people_path,
            catalog.news_path,
            user.state_path,
            user.read_path,
            user.watched_dir,
        )
        out = []
        for path in paths:
            try:
                info = os.stat(path)
            except OSError:
                out.append((0, 0, 0))
            else:
                out.append((info.st_ino, info.st_size, info.st_mtime_ns))
        return tuple(out)

    def watched_count(self, summary: ShowSummary, now: str | None = None) -> int:
        """Aired regular episodes the fan watched: the figure every screen and command shows.

        A mark of an episode that has not aired (an import, a sync, an old version) never
        counts. While every regular episode has aired, the marks file alone answers; otherwise
        the show is opened and counted the way its Overview counts (:func:`standing`).
        """
        when = now or now_iso()
        marks = self.store.user.marks(summary.id)
        regular = sum(1 for m in marks if m.number is not None)
        if not regular:
            return 0
        if summary.undated == 0 and next_air_time(summary, when) is None:
            return min(regular, aired_count(summary, when))
        view = self.show(summary.id, when)
        return view.progress.watched if view is not None else 0

    def watched_counts(self, summaries: Sequence[ShowSummary], now: str | None = None) -> list[int]:
        """:meth:`watched_count` of many shows: the marks folder is listed once, and only the
        shows with a marks file are read (``shows`` at 10,000 shows: 2,000 files, not 10,000)."""
        when = now or now_iso()
        user = self.store.user
        names = user.marks_names()
        return [
            self.watched_count(s, when) if user.marks_name(s.id) in names else 0 for s in summaries
        ]

    # -- one show -----------------------------------------------------------------------------

    def show(
        self,
        show_id: str,
        now: str | None = None,
        statuses: Mapping[str, WatchStatus] | None = None,
    ) -> ShowView | None:
        """One show with the fan's marks and figures; ``statuses``: the fan's statuses when the
        caller has read them already (a screen of many shows reads them once, not per show)."""
        record = self.store.catalog.record(show_id)
        if record is None:
            return None
        return self._view(record, now or now_iso(), statuses)

    def _view(
        self, record: ShowRecord, now: str, statuses: Mapping[str, WatchStatus] | None = None
    ) -> ShowView:
        marks = MarkIndex(self.store.user.marks(record.show.id))
        figures, to_watch, to_air = standing(record.episodes, marks, now)
        status_of = self.statuses() if statuses is None else statuses
        return ShowView(
            record=record,
            status=status_of.get(record.show.id, WatchStatus.NONE),
            marks=marks,
            progress=figures,
            next_to_watch=to_watch,
            next_to_air=to_air,
        )

    # -- commands: every change to the fan's history ------------------------------------------

    def apply(self, change: Change, now: str | None = None) -> Result:
        """Carry out a change (:mod:`fancompanion.core.commands`) and tell the observers."""
        result = apply(self.store, change, now)
        if result.changed:
            for observer in list(self.observers):
                observer(result)
        return result

    def toggle_watched(self, view: ShowView, episode: Episode, now: str | None = None) -> Result:
        """Watched ↔ unwatched."""
        if view.marks.watched(episode):
            return self.apply(Unwatch(view.id, (episode,)), now)
        return self.apply(Watch(view.id, (episode,)), now)

    def set_status(self, show_id: str, status: WatchStatus) -> Result:
        return self.apply(SetStatus(show_id, status))

    def next_status(self, current: WatchStatus) -> WatchStatus:
        order = list(STATUS_ORDER)
        return order[(order.index(current) + 1) % len(order)]

    # -- up next and upcoming -----------------------------------------------------------------

    def up_next(self, now: str | None = None, problems: list[str] | None = None) -> list[UpNext]:
        """For every show being watched, the next unwatched aired episode. With ``problems``,
        a show whose files cannot be read is left out and its one-line error added there (the
        other shows are still listed); without, the error is raised."""
        when = now or now_iso()
        statuses = self.statuses()  # once: state.json holds every show's status
        watching = [s for s in self.summaries() if statuses.get(s.id) is WatchStatus.WATCHING]
        out = []
        views = each_readable(watching, lambda s: self.show(s.id, when, statuses), problems)
        for summary, view in views:
            row = self._up_next_row(summary, view, when)
            if row is not None:
                out.append(row)
        return out

    def up_next_of(self, summary: ShowSummary, now: str | None = None) -> UpNext | None:
        """One show's :meth:`up_next` row, read again (None: no longer watched, or nothing
        left to watch); a mark made in the up next screen rereads its row, not every show."""
        when = now or now_iso()
        if self.statuses().get(summary.id) is not WatchStatus.WATCHING:
            return None
        return self._up_next_row(summary, self.show(summary.id, when), when)

    @staticmethod
    def _up_next_row(summary: ShowSummary, view: ShowView | None, now: str) -> UpNext | None:
        if view is None or view.next_to_watch is None:
            return None
        episodes, first = view.record.episodes, view.next_to_watch
        then = unwatched_after(episodes, view.marks, first, now, UP_NEXT_AHEAD)
        return UpNext(summary, first, view.progress, then)

    def upcoming(
        self,
        days: int = 30,
        now: str | None = None,
        statuses: Sequence[WatchStatus] | None = None,
    ) -> list[Airing]:
        """Episodes airing from now to ``days`` ahead, soonest first.

        Only shows whose index row has a pending air time in the window are opened.
        """
        when = now or now_iso()
        start = datetime.fromisoformat(when.replace("Z", "+00:00"))
        until = (start + timedelta(days=days)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        wanted = set(statuses) if statuses is not None else None
        status_of = self.statuses()
        out: list[Airing] = []
        for summary in self.summaries():
            if wanted is not None and status_of.get(summary.id, WatchStatus.NONE) not in wanted:
                continue
            if not any(when < stamp <= until for stamp in summary.pending):
                continue
            record = self.store.catalog.record(summary.id)
            for episode in record.episodes if record else ():
                stamp = air_time(episode)
                if stamp is not None and when < stamp <= until:
                    out.append(Airing(summary.id, summary.name, episode, stamp))
        return sorted(out, key=lambda a: (a.stamp, a.show_name, a.episode.key))

    # -- people -------------------------------------------------------------------------------

    def work_of(self, person_id: str) -> list[Work]:
        """Everything a person is credited in, in the library."""
        entry = self.store.catalog.people().get(person_id)
        if entry is None:
            return []
        names = {s.id: s.name for s in self.store.catalog.summaries()}
        seen: dict[tuple[str, str, str], None] = {}
        for credit in entry.credits:
            seen.setdefault(credit, None)
        return sorted(
            (Work(show, names.get(show, show), kind, role) for show, kind, role in seen),
            key=lambda w: (w.show_name.casefold(), w.kind, w.role),
        )

    # -- news ---------------------------------------------------------------------------------

    def news(self) -> list[NewsItem]:
        """All news items, newest first (undated last)."""
        return _newest_first(self.store.catalog.news())

    def news_between(self, since: str, until: str) -> list[NewsItem]:
        """Items published in ``(since, until]``, newest first."""
        return _newest_first(self.store.catalog.news_between(since, until))

    def news_for_show(self, show_id: str) -> list[NewsItem]:
        """One show's news, newest first (undated last)."""
        return _newest_first(self.store.catalog.news_for_show(show_id))

    def news_text(self, news_id: str) -> str:
        return self.store.catalog.news_text(news_id)

    def read_ids(self) -> set[str]:
        return self.store.user.read_ids()

    def feed_errors(self) -> list[tuple[str, str]]:
        """(feed title or URL, its last error) for each enabled feed whose last fetch failed."""
        states = self.store.catalog.feed_states()
        out = []
        for feed in self.store.user.feeds():
            state = states.get(feed.url)
            if feed.enabled and state is not None and state.last_error:
                out.append((feed.title or state.title or feed.url, state.last_error))
        return out

    def set_read(self, news_id: str, read: bool = True) -> Result:
        return self.apply(SetRead((news_id,), read))


def _newest_first(items: list[NewsItem]) -> list[NewsItem]:
    return sorted(items, key=lambda n: (n.published is not None, n.published or ""), reverse=True)
