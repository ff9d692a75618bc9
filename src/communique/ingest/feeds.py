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
        try:
            yield _item(entry, item_source)
        except FormatError as e:
            yield e
        except Exception as e:  # one odd item must not cost the items after it
            yield FormatError(
                f"feed item cannot be read: {type(e).__name__}: {e}", source=item_source
            )


def _item(entry: Any, source: str) -> RawArticle:
    body = _body(entry)
    if not body.strip():
        raise FormatError("feed item has no text", source=source)
    return RawArticle(
        source=source,
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
    """The item's date as ``YYYY-MM-DD``; None when it has none or a year of other than 4 digits.

    feedparser normalises what it parses (``9999-12-31T23:59-23:59`` becomes
    the year 10000), and a readout's ``published`` has a 4-digit year.
    """
    parsed: time.struct_time | None = entry.get("published_parsed")
    if not parsed and "updated_parsed" in entry:  # (get() would warn when it is absent)
        parsed = entry["updated_parsed"]
    if not parsed or not 1000 <= parsed.tm_year <= 9999:
        return None
    return time.strftime("%Y-%m-%d", parsed)
