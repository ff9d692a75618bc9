"""RSS and Atom feed files: one article per item."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import feedparser

from communique.errors import FormatError
from communique.ingest.html import html_to_text
from communique.records import RawArticle


def read_feed(content: str, source: str) -> Iterator[RawArticle | FormatError]:
    parsed = feedparser.parse(content)
    if parsed.bozo and not parsed.entries:
        raise FormatError(f"feed cannot be parsed: {parsed.bozo_exception}", source=source)
    for number, entry in enumerate(parsed.entries, start=1):
        item_source = f"{source}#item{number}"
        body = _body(entry)
        if not body.strip():
            yield FormatError("feed item has no text", source=item_source)
            continue
        yield RawArticle(
            source=item_source,
            text=body,
            published=_published(entry),
            title=entry.get("title") or None,
            url=entry.get("link") or None,
            format="feed",
        )


def _body(entry: Any) -> str:
    contents = entry.get("content") or []
    html = contents[0].get("value", "") if contents else entry.get("summary", "")
    return html_to_text(html) if html else ""


def _published(entry: Any) -> str | None:
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None
