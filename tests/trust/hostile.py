"""Hostile values a TV database, a feed or an edited store file could hold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MARKUP = '[bold]x[/] [@click=app.quit]Quit[/] [link="file:///etc/passwd"]x[/] [/] ['
CSI = "clear\x1b[2Jscreen \x1b[31mred\x1b[0m"
OSC8 = "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\"
OSC52 = "copy\x1b]52;c;aGk=\x07this"
CARRIAGE = "honest\rEVIL"
BACKSPACE = "abc\x08\x08\x08XYZ"
NUL = "nul\x00byte"
C1 = "c1\x9b2Jcsi \x85nel \x9d0;title\x9c end"
BIDI = "\u202eevil\u202c and \u2066isolated\u2069"
ZERO_WIDTH = "zero\u200bwidth\u200c\ufeffjoin"
WIDE = "進撃の巨人 🦸\u200d♀️ café cafe\u0301"
ENTITY_ESCAPE = "entity &#x1b;[2J &#27;]52;c;aGk=&#7; &amp; &lt;b&gt;"
HTML = "<script>alert('owned')</script><style>p{color:red}</style><p>Plain <b>bold</b></p>"
LONG_TITLE = "T" * 10_000
HUGE = "<p>" + "A" * 1_000_000 + "</p>"

NAMED = {
    "markup": MARKUP,
    "csi": CSI,
    "osc8": OSC8,
    "osc52": OSC52,
    "carriage": CARRIAGE,
    "backspace": BACKSPACE,
    "nul": NUL,
    "c1": C1,
    "bidi": BIDI,
    "zero_width": ZERO_WIDTH,
    "wide": WIDE,
    "entity_escape": ENTITY_ESCAPE,
    "html": HTML,
    "long_title": LONG_TITLE,
}

# What must never reach a terminal: every C0 but newline, DEL, C1, bidi controls, invisibles.
FORBIDDEN = {chr(c) for c in range(0x20) if c != 0x0A} | {chr(c) for c in range(0x7F, 0xA0)}
FORBIDDEN |= set("\u200b\u200c\u200e\u200f\u202a\u202b\u202c\u202d\u202e")
FORBIDDEN |= set("\u2066\u2067\u2068\u2069\ufeff")


def forbidden_in(text: str) -> set[str]:
    return {ch for ch in text if ch in FORBIDDEN}


def write_bundle(root: Path) -> Path:
    """A bundled library made only of hostile values, in the real bundle format."""
    shows = []
    for n, (label, value) in enumerate(NAMED.items(), start=1):
        shows.append(
            {
                "id": 70_000 + n,
                "name": value,
                "status": value,
                "premiered": "2020-01-01",
                "network": {"name": value},
                "summary": HTML + HUGE if label == "html" else value,
                "genres": [value],
                "externals": {"imdb": f"tt{70_000 + n}"},
                "officialSite": "javascript:alert(1)",
                "_embedded": {
                    "episodes": [
                        {"id": 80_000 + n, "season": 1, "number": 1, "name": value},
                        {"id": 90_000 + n, "season": 1, "number": None, "name": value},
                    ],
                    "cast": [{"person": {"id": 60_000 + n, "name": value}, "character": {}}],
                },
            }
        )
    news: list[dict[str, Any]] = [
        {
            "id": f"hostile-{label}",
            "feed": value,
            "url": "javascript:alert(1)" if label == "markup" else "https://example.org/x",
            "title": value,
            "published": "2024-01-01T00:00:00Z",
            "author": value,
            "summary": value,
            "text": HTML + HUGE if label == "long_title" else value,
        }
        for label, value in NAMED.items()
    ]
    root.mkdir(parents=True)
    (root / "shows").mkdir()
    names = []
    for n, show in enumerate(shows):
        name = f"show-{n}.json"
        (root / "shows" / name).write_text(json.dumps(show), encoding="utf-8")
        names.append(name)
    (root / "news.json").write_text(json.dumps(news), encoding="utf-8")
    (root / "feeds.json").write_text(
        json.dumps([{"url": "https://example.org/feed", "title": OSC52}]), encoding="utf-8"
    )
    manifest = {"bundle_version": 1000, "shows": names, "news": "news.json", "feeds": "feeds.json"}
    (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return root
