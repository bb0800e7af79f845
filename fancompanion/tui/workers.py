"""Run store work in thread workers owned by the app, so every failure reaches one handler.

``Worker.StateChanged`` does not bubble: a worker started by a widget reports only to that
widget. Starting every worker on the app instead lets ``FanCompanionApp.on_worker_state_changed``
turn any store error into one notification (Harlequin's pattern), and ``exclusive`` groups
cancel stale reads (moving quickly through the list only finishes the last show opened).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.dom import DOMNode
from textual.worker import Worker, get_current_worker


def run_in_thread(
    node: DOMNode,
    work: Callable[[], None],
    *,
    group: str,
    description: str,
    exclusive: bool = True,
) -> Worker[None]:
    """Start ``work`` in a thread worker on the app (errors go to the app's handler)."""
    return node.app.run_worker(
        work,
        name=description,
        group=group,
        description=description,
        exclusive=exclusive,
        thread=True,
        exit_on_error=False,
    )


def cancelled() -> bool:
    """Inside a worker: has a newer request replaced this one?"""
    return get_current_worker().is_cancelled
