"""HTML to plain text for :func:`fancompanion.core.text.html_to_text` (its only caller).

Apart so that what only strips controls (every command line's output) does not load the HTML
parser and its entity tables.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset(
    {
        *("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("tr", "table", "blockquote", "pre", "section", "article", "header", "footer"),
        *("figure", "figcaption", "hr", "dd", "dt", "dl"),
    }
)
_DROP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "head", "iframe", "object", "svg", "math"}
)


class _PlainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP_TAGS:
            self._dropping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag in ("p", "div", "blockquote") else "\n")
            if tag == "li":
                self.parts.append("• ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP_TAGS:
            self._dropping = max(0, self._dropping - 1)
        elif tag in _BLOCK_TAGS and tag != "br":  # <br/> is one line break, not two
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._dropping:
            self.parts.append(data)


def plain_text(value: str) -> str:
    """Tags removed (a block tag is a line break), entities decoded, scripts and styles dropped."""
    parser = _PlainText()
    try:
        parser.feed(value)
        parser.close()
    except Exception:  # HTMLParser is lenient; if it still fails, fall back to unescaping
        return html.unescape(re.sub(r"<[^>]*>", " ", value))
    return "".join(parser.parts)
