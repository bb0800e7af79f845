"""The one worker style of the app: thread workers owned by the app, failures to one handler.

``Worker.StateChanged`` does not bubble: a worker started by a widget reports only to that
widget. Every worker is therefore started on the app (``exit_on_error=False``, a named group and
a description), so ``FanCompanionApp.on_worker_state_changed`` turns any failure into one
notification (Harlequin's pattern). Results travel back as messages posted by the work itself;
a failure is also told to the widget or screen that asked (:class:`WorkFailed`), so it can say
on screen what is missing instead of waiting forever. ``exclusive`` groups cancel stale reads
(moving quickly through the list only finishes the last show opened).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.dom import DOMNode
from textual.message import Message
from textual.widget import Widget
from textual.worker import Worker, get_current_worker

from fancompanion.tui.safe import line

_owners: weakref.WeakKeyDictionary[Worker[Any], DOMNode] = weakref.WeakKeyDictionary()


@dataclass
class WorkFailed(Message):
    """Posted to the node that started a worker when that worker failed (after the app's
    notification): ``message`` is the one line the app showed."""

    group: str
    message: str


def run_in_thread(
    node: DOMNode,
    work: Callable[[], object],
    *,
    group: str,
    description: str,
    exclusive: bool = True,
) -> Worker[object]:
    """Start ``work`` in a thread worker on the app (errors go to the app's handler)."""
    worker = node.app.run_worker(
        work,
        name=description,
        group=group,
        description=description,
        exclusive=exclusive,
        thread=True,
        exit_on_error=False,
    )
    _owners[worker] = node
    return worker


def owner(worker: Worker[Any]) -> DOMNode | None:
    """The widget or screen that started the worker (None once it is gone)."""
    node = _owners.get(worker)
    return node if node is not None and node.is_attached else None


def cancelled() -> bool:
    """Inside a worker: has a newer request replaced this one?"""
    return get_current_worker().is_cancelled


def name_damaged_once(node: Widget, said: set[str], problem: str) -> None:
    """Name a store file that cannot be read (its one-line error, which says how to repair it)
    in one notification, once per screen (``said``): the rest of the screen keeps working."""
    message = f"Reading your marks: {line(problem)}"
    if message not in said:
        said.add(message)
        node.notify(
            message, title="Something went wrong", severity="error", markup=False, timeout=10
        )
