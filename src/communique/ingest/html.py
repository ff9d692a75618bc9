"""HTML pages: title, publication date and body text via trafilatura."""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml import etree

from communique.errors import FormatError
from communique.records import Furniture, FurnitureKind, RawArticle

_BLANKS = re.compile(r"\n{2,}")
# Fewer words than this is a fragment (a broken or empty page), not an article.
_MIN_BODY_WORDS = 12


def read_html(markup: str, source: str) -> RawArticle:
    """Extract one article from an HTML page."""
    try:
        document = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, etree.LxmlError) as e:
        raise FormatError(f"HTML cannot be parsed: {e}", source=source) from e
    text: str = (getattr(document, "text", None) or "") if document is not None else ""
    words = len(text.split())
    if words < _MIN_BODY_WORDS:
        raise FormatError(
            f"no article body found in the HTML page ({words} words of text)", source=source
        )
    date = getattr(document, "date", None)
    return RawArticle(
        source=source,
        text=_paragraphs(text),
        published=date if isinstance(date, str) and date else None,
        title=getattr(document, "title", None) or None,
        url=getattr(document, "url", None) or None,
        format="html",
        furniture=tuple(
            Furniture(kind=FurnitureKind.CAPTION, text=caption) for caption in _captions(markup)
        ),
    )


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's body), one paragraph per block."""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, etree.LxmlError):
        return fragment
    for block in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n\n" + (block.tail or "")
    text = root.text_content()
    return _BLANKS.sub("\n\n", "\n".join(line.strip() for line in text.splitlines())).strip()


def _paragraphs(text: str) -> str:
    lines = [line.strip() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


def _captions(markup: str) -> list[str]:
    """Figure captions, which trafilatura drops silently; recorded as furniture."""
    try:
        root = lxml.html.document_fromstring(markup)
    except (ValueError, etree.LxmlError):
        return []
    captions = (" ".join(node.text_content().split()) for node in root.iter("figcaption"))
    return [caption for caption in captions if caption]
