"""Watchlist statuses read back the same however they were stored or typed."""

from __future__ import annotations

import pytest

from fancompanion.core.models import WatchStatus


@pytest.mark.parametrize("status", list(WatchStatus))
def test_every_stored_status_reads_back_as_itself(status: WatchStatus) -> None:
    assert WatchStatus.parse(status.value) is status
    assert WatchStatus.parse(status.label) is status or status is WatchStatus.NONE


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (" Watching ", WatchStatus.WATCHING),
        ("plan-to-watch", WatchStatus.PLAN),
        ("Plan to watch", WatchStatus.PLAN),
        ("ON HOLD", WatchStatus.ON_HOLD),
        ("onhold", WatchStatus.ON_HOLD),
        ("hold", WatchStatus.ON_HOLD),
        ("completed", WatchStatus.COMPLETED),
        ("binging", WatchStatus.NONE),
        ("", WatchStatus.NONE),
        (None, WatchStatus.NONE),
        (3, WatchStatus.NONE),
    ],
)
def test_typed_and_odd_statuses(typed: object, expected: WatchStatus) -> None:
    assert WatchStatus.parse(typed) is expected
