"""The Overview tab: what the show is, where the fan is in it, what comes next.

Every value from the store is placed as ``Content`` (never markup), so a title like
``[@click=app.quit]`` is just characters.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import ProgressBar, Static

from fancompanion.core.library import ShowView
from fancompanion.core.models import Episode, WatchStatus
from fancompanion.tui.compat import set_bar_percentage
from fancompanion.tui.safe import content
from fancompanion.tui.styles import MUTED
from fancompanion.tui.widgets.episode_text import air_date, episode_title


class Overview(VerticalScroll):
    DEFAULT_CSS = """
    Overview {
        padding: 0 1;
        #overview-name { text-style: bold; color: $text-accent; }
        #overview-status { margin-top: 1; }
        #overview-progress { height: 1; margin: 0; }
        #overview-progress Bar { width: 40; }
        #overview-summary { margin-top: 1; }
        & > Static { width: 1fr; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="overview-name")
        yield Static(id="overview-facts")
        yield Static(id="overview-status")
        yield ProgressBar(total=1, show_eta=False, id="overview-progress")
        yield Static(id="overview-next")
        yield Static(id="overview-summary")

    def show_view(self, view: ShowView, now: str) -> None:
        show = view.record.show
        self.query_one("#overview-name", Static).update(content(show.name))
        facts = [
            show.years,
            show.status or "",
            show.network or "",
            ", ".join(show.genres),
            f"{show.runtime} min" if show.runtime else "",
        ]
        self.query_one("#overview-facts", Static).update(
            content(" · ".join(f for f in facts if f), MUTED)
        )
        self.update_progress(view, now)
        summary = show.summary or "No summary yet."
        self.query_one("#overview-summary", Static).update(content(summary, multiline=True))

    def update_progress(self, view: ShowView, now: str) -> None:
        """Status, progress bar and next episodes (after a mark or a status change)."""
        progress = view.progress
        status = view.status.label if view.status is not WatchStatus.NONE else "Not on a list"
        figure = f"{progress.watched}/{progress.aired} aired episodes watched"
        if progress.total > progress.aired:
            figure += f" ({progress.total - progress.aired} to come)"
        self.query_one("#overview-status", Static).update(
            Content.assemble(("Status: ", MUTED), (status, "bold"), "   ", figure)
        )
        bar = self.query_one("#overview-progress", ProgressBar)
        bar.update(total=max(progress.aired, 1), progress=progress.watched)
        self.call_after_refresh(self._snap_bar)
        self.query_one("#overview-next", Static).update(
            Content("\n").join(
                [
                    _next_line("Next to watch", view.next_to_watch, "all caught up"),
                    _next_line("Next to air", view.next_to_air, "nothing announced"),
                ]
            )
        )

    def _snap_bar(self) -> None:
        """Round the bar to its half cells once it has a width.

        Textual's ``Bar`` rounds a new percentage to half cells of its *current* width; a value
        set before the first layout (width 0) stays unrounded and draws a stray half cell.
        """
        bar = self.query_one("#overview-progress", ProgressBar)
        set_bar_percentage(bar, bar.percentage)


def _next_line(label: str, episode: Episode | None, none: str) -> Content:
    if episode is None:
        return Content.assemble((f"{label}: ", MUTED), (none, MUTED))
    return Content.assemble(
        (f"{label}: ", MUTED),
        (episode.code, "bold"),
        " ",
        episode_title(episode),
        (f"  {air_date(episode)}", MUTED),
    )
