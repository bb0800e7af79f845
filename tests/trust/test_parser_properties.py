"""Parsers at the network boundary never raise on anything a server could send.

Any JSON shape goes through the TVmaze parser, and whatever it makes can be stored; any bytes go
through the feed parser, which may only refuse with its own one-line :class:`FetchError`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fancompanion.core.store import Store
from fancompanion.core.store.schema import to_doc
from fancompanion.core.tvmaze_json import parse_episode, parse_show, parse_show_record
from fancompanion.fetch.feeds import parse_feed
from fancompanion.fetch.http import FetchError
from tests.trust import hostile

TVMAZE_KEYS = [
    *("id", "name", "season", "number", "type", "airdate", "airstamp", "runtime"),
    *("summary", "premiered", "ended", "status", "network", "webChannel", "country"),
    *("externals", "imdb", "image", "original", "medium", "genres", "aliases", "updated"),
    *("_embedded", "episodes", "seasons", "cast", "crew", "person", "character", "voice"),
    *("episodeOrder", "premiereDate", "endDate", "birthday", "deathday", "officialSite"),
]
# Values that once made the parser raise or produced a show the store could not write.
ODD_VALUES: list[Any] = [
    "²",  # a digit to str.isdigit, not to int()
    "9" * 5000,  # past Python's int-from-string limit
    2**70,  # past what orjson can store
    1e300,
    "0001-01-01T00:00:00+05:00",  # a stamp that overflows when moved to UTC
    "９９９９-１２-３１",  # full-width digits
]
any_char = st.one_of(
    st.characters(),
    st.characters(categories=["Cs"]),  # lone surrogates: JSON can spell them
    st.sampled_from(sorted(hostile.FORBIDDEN)),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(any_char, max_size=30),
    st.sampled_from(["", "2020-01-01", "2020-13-45", "2020-01-01T20:00:00+00:00", "12"]),
    st.sampled_from(ODD_VALUES),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(TVMAZE_KEYS), st.text(max_size=5)), inner),
    ),
    max_leaves=30,
)


@settings(max_examples=200, deadline=None)
@given(json_values, json_values)
def test_any_json_shape_parses_without_raising_and_can_be_stored(show: Any, eps: Any) -> None:
    parse_show(show)
    parse_episode("tvmaze-1", eps)
    for episodes in (None, eps):
        record = parse_show_record(show, episodes, problems=[])
        if record is not None:
            for model in (record.show, *record.episodes, *record.people, *record.credits):
                orjson.dumps(to_doc(model))  # storable: no surrogates, only JSON types


def test_odd_numbers_and_dates_in_every_field_parse_and_store(tmp_path: Path) -> None:
    show_keys = ("id", "runtime", "premiered", "ended", "updated")
    episode_keys = ("id", "number", "airdate", "airstamp", "runtime")
    for n, value in enumerate(ODD_VALUES):
        episode = dict.fromkeys(episode_keys, value) | {"season": 1}
        show = dict.fromkeys(show_keys, value) | {"name": "Odd"}
        show["_embedded"] = {"episodes": [episode, dict.fromkeys(("season", *episode_keys), value)]}
        record = parse_show_record(show, problems=[])
        assert record is not None
        Store(tmp_path / str(n)).catalog.put_shows([record])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(TVMAZE_KEYS), json_values, min_size=1))
def test_whatever_the_parser_accepts_the_store_takes(show: dict[str, Any]) -> None:
    show.setdefault("name", "A show")
    record = parse_show_record(show, problems=[])
    if record is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp))
        (stored_id,) = store.catalog.put_shows([record])
        assert store.catalog.record(stored_id) == record


FEED_SHAPES = [
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title>'
    b"<item><title>%s</title><link>%s</link><description>%s</description></item>"
    b"</channel></rss>",
    b'<feed xmlns="http://www.w3.org/2005/Atom"><title>%s</title><entry><title>%s</title>'
    b'<link href="%s"/><content type="html">%s</content></entry></feed>',
]
feed_bytes = st.one_of(
    st.binary(max_size=2_000),
    st.builds(
        lambda shape, parts: shape % tuple(parts),
        st.sampled_from(FEED_SHAPES),
        st.lists(st.binary(max_size=60), min_size=4, max_size=4),
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(feed_bytes)
def test_any_bytes_as_a_feed_parse_or_fail_with_one_line(body: bytes) -> None:
    try:
        _, entries = parse_feed(body, "https://example.org/feed")
    except FetchError as error:
        entries, refusal = [], str(error)
    else:
        refusal = ""
    assert "\n" not in refusal
    for entry in entries:
        assert hostile.forbidden_in(entry.item.title) == set()
        orjson.dumps(to_doc(entry.item))


def test_an_entity_expansion_bomb_is_not_expanded() -> None:
    lol = b"".join(
        b'<!ENTITY lol%d "%s">' % (n, b"&lol%d;" % (n - 1) * 10 if n else b"lol") for n in range(10)
    )
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE rss [' + lol + b"]>"
        b'<rss version="2.0"><channel><title>&lol9;</title>'
        b"<item><title>&lol9;</title><link>https://example.org/a</link></item></channel></rss>"
    )
    try:
        title, entries = parse_feed(bomb, "https://example.org/feed")
    except FetchError:
        return
    assert len(title) < 10_000
    assert all(len(e.item.title) < 10_000 for e in entries)


def test_an_external_entity_cannot_read_local_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://'
        + str(secret).encode()
        + b'">]><rss version="2.0"><channel><title>t &xxe;</title><item><title>x &xxe;</title>'
        b"<link>https://example.org/a</link><description>&xxe;</description></item>"
        b"</channel></rss>"
    )
    try:
        title, entries = parse_feed(body, "https://example.org/feed")
    except FetchError:
        return
    seen = title + "".join(e.item.title + e.item.summary + e.fallback for e in entries)
    assert "TOP-SECRET-VALUE" not in seen
