"""Stable string ids for shows, people and news items.

A show is ``tvmaze-<id>`` when TVmaze's id is known, else ``imdb-<tt id>``, else a slug of its
name. A person is ``tvmaze-p<id>`` or ``name-<slug>``. Once the store holds a record its id never
changes: a later fetch that brings the TVmaze id of a bundled show updates that record in place
(see :meth:`fancompanion.core.store.catalog.Catalog.resolve_show_id`), so user marks stay put.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def _sha1(text: str) -> str:
    import hashlib  # loading OpenSSL costs ~5 ms: only the ids that need a digest pay it

    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def slug(value: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    text = _NON_WORD.sub("-", ascii_text.lower()).strip("-")
    if text:
        return text[:60]
    return "x" + _sha1(value)[:12]


def show_id(tvmaze_id: int | None, imdb_id: str | None, name: str) -> str:
    if tvmaze_id is not None:
        return f"tvmaze-{tvmaze_id}"
    if imdb_id:
        return f"imdb-{slug(imdb_id)}"
    return f"show-{slug(name)}"


def person_id(tvmaze_id: int | None, name: str) -> str:
    if tvmaze_id is not None:
        return f"tvmaze-p{tvmaze_id}"
    return f"name-{slug(name)}"


def news_id(feed: str, guid: str) -> str:
    """A short stable id for a feed entry (the guid or link is the identity)."""
    return _sha1(f"{feed}\n{guid}")[:20]


def safe_filename(record_id: str) -> str:
    """Ids are already slugs; this guards the filesystem against anything else."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]", "_", record_id)[:120]
    return cleaned if cleaned.strip("._") else "_" + _sha1(record_id)
