"""A feed corrects an item it published: the stored item takes the fix and keeps its body."""

from __future__ import annotations

from msgspec.structs import replace

from fancompanion.core.models import NewsItem
from fancompanion.core.store import Store


def test_revise_news_updates_fields_and_keeps_body_and_links(store: Store) -> None:
    item = NewsItem(id="n1", feed="https://f.example/rss", title="Tpyo", url="https://a.example/1")
    store.catalog.put_news([(item, "The body.")])
    store.catalog.set_news_links({"n1": (("show-x",), ())})

    fixed = replace(item, title="Typo", summary="Now with a summary")
    assert store.catalog.revise_news([fixed]) == ["n1"]
    assert store.catalog.revise_news([fixed]) == []  # nothing left to change

    [stored] = [n for n in store.catalog.news() if n.id == "n1"]
    assert (stored.title, stored.summary) == ("Typo", "Now with a summary")
    assert stored.show_ids == ("show-x",)
    assert stored.has_text
    assert store.catalog.news_text("n1") == "The body."


def test_revise_news_ignores_unknown_items(store: Store) -> None:
    before = store.catalog.news_path.read_bytes()
    ghost = NewsItem(id="never-stored", feed="https://f.example/rss", title="Ghost")
    assert store.catalog.revise_news([ghost]) == []
    assert store.catalog.news_path.read_bytes() == before
