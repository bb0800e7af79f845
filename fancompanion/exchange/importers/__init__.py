"""Readers of history files: ours (JSON, CSV) and other trackers' exports (Trakt, TV Time).

Each reader turns a file into a :class:`~fancompanion.exchange.history.History`, passing every
text value through the core's text cleaners. :func:`load` picks the reader.
"""

from __future__ import annotations

from pathlib import Path

from fancompanion.exchange.history import History

FORMATS = ("auto", "json", "csv", "trakt", "tvtime")


class ImportFormatError(Exception):
    """The file is not in the format asked for (or no known format): one line for the user."""


def detect(path: Path) -> str:
    """Our own formats by name and first bytes (TV Time and Trakt are sniffed before this, in
    :mod:`fancompanion.exchange.archive` and their readers)."""
    if path.is_dir() or path.name.lower().endswith(".csv"):
        return "csv"
    try:
        head = path.read_bytes()[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError as error:
        raise ImportFormatError(f"cannot read {path}: {error.strerror}") from error
    if head.startswith(b"{"):
        return "json"
    raise ImportFormatError(
        f"{path.name}: not a FanCompanion export, a TV Time GDPR export or a Trakt export "
        "(use --format)"
    )


def load(path: Path, fmt: str = "auto") -> History:
    """Our own JSON or CSV export."""
    kind = detect(path) if fmt == "auto" else fmt
    if kind == "json":
        from fancompanion.exchange.importers.ours_json import read_json_export

        return read_json_export(path)
    if kind == "csv":
        from fancompanion.exchange.importers.ours_csv import read_csv_export

        return read_csv_export(path)
    raise ImportFormatError(f"unknown format {kind!r} (choose from {', '.join(FORMATS)})")


def read_json_file(path: Path) -> object:
    import orjson

    try:
        return orjson.loads(path.read_bytes())
    except OSError as error:
        raise ImportFormatError(f"cannot read {path}: {error.strerror}") from error
    except orjson.JSONDecodeError as error:
        raise ImportFormatError(f"{path.name} is not valid JSON ({error.msg})") from error
