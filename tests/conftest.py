"""Shared fixtures: a fresh data directory seeded from the real bundled library."""

from __future__ import annotations

from pathlib import Path

import pytest

from fancompanion.core.library import Library
from fancompanion.core.opening import open_store
from fancompanion.core.store import Store
from fancompanion.paths import bundle_dir

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data dir; ``FANCOMPANION_DATA_DIR`` points at it for CLI calls."""
    path = tmp_path / "data"
    monkeypatch.setenv("FANCOMPANION_DATA_DIR", str(path))
    return path


@pytest.fixture
def store(data_dir: Path) -> Store:
    """A store seeded from ``data/`` exactly as on a user's first start."""
    return open_store(data_dir, bundle=bundle_dir())


@pytest.fixture
def library(store: Store) -> Library:
    return Library(store)
