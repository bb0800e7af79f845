"""An article page to readable plain text, fetched once when its news item is new.

trafilatura finds the main text (dropping menus, ads and comments); it is imported only here.
When the page cannot be fetched or yields nothing, the feed entry's own text is kept, so the
item is still readable offline.
"""

from __future__ import annotations

from fancompanion.core.text import clean_text, clean_url
from fancompanion.fetch.http import FetchError, Http

ARTICLE_TYPES = ("text/html", "application/xhtml+xml")
MIN_USEFUL = 200  # shorter "main text" is usually a cookie wall or a teaser


def extract_text(html: bytes, url: str | None = None) -> str:
    """The main text of an HTML page as clean plain text ("" if none found)."""
    import trafilatura

    # HTML out, so paragraphs stay paragraphs: the plain-text output ends each paragraph and
    # each line break alike with one newline. clean_text turns it into plain text.
    text = trafilatura.extract(
        html,
        url=url,
        output_format="html",
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    return clean_text(text) if text else ""


def article_text(http: Http, url: str | None, fallback: str) -> tuple[str, str | None]:
    """(text, problem): the article's main text, else ``fallback`` and why."""
    link = clean_url(url)
    if link is None:
        return fallback, None
    try:
        reply = http.get(link, accept=ARTICLE_TYPES)
    except FetchError as error:
        return fallback, str(error)
    text = extract_text(reply.body, link)
    if len(text) < MIN_USEFUL and len(fallback) > len(text):
        return fallback, None
    return text, None
