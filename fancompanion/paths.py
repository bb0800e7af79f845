"""Where things live: the data directory and the bundled library. No side effects on import."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "FANCOMPANION_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` wins, then ``$FANCOMPANION_DATA_DIR``, then the platform's user data dir."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir  # imported only when needed

    return Path(user_data_dir("fancompanion", appauthor=False))


def bundle_dir() -> Path:
    """The bundled library: ``data/`` at the top of the source tree (a clone, installed
    editable), else where a regular install put it, ``<prefix>/share/fancompanion/data``."""
    source = Path(__file__).resolve().parent.parent / "data"
    if (source / "manifest.json").is_file():
        return source
    import site
    import sys

    for prefix in (sys.prefix, site.getuserbase()):
        installed = Path(prefix) / "share" / "fancompanion" / "data"
        if (installed / "manifest.json").is_file():
            return installed
    return source  # none: the store starts without a bundled library
