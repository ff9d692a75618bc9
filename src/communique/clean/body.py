"""Raw page text to the article body, with furniture set apart.

The body is a sequence of blocks (paragraphs and headings) joined by blank
lines. Each block of the raw text is either furniture (recorded with its kind,
removed), a heading (kept, its span recorded), or a paragraph (kept). PDF and
print artefacts that split a sentence across two blocks are rejoined.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from communique.clean.furniture import classify_line
from communique.errors import EmptyArticleError
from communique.records import Article, Furniture, FurnitureKind, RawArticle, Span

_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n+")
_SPACES = re.compile(r"[ \t\u00a0]+")
# Control characters that are not whitespace (NUL, escape, C1): junk from broken
# files, invisible, and refused by PostgreSQL's text type (NUL); dropped.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_TERMINAL = tuple('.!?:;"”’»)]…■—')
_VERBISH = re.compile(
    r"\b(?:\w+ed|met|meets|meet|is|are|was|were|has|have|had|speaks|spoke|holds|held|gives|gave"
    r"|sits|sat|stands|stood|arrives|arrived|shakes|shook|waves|waved|attends|signs|greets|leaves"
    r"|left|visits|looks|walks|talks|says|said)\b"
)
_LONG_BLOCK_WORDS = 20
_CAPTION_MIN_WORDS = 6
_HEADING_MAX_WORDS = 16
_TITLE_MAX_WORDS = 25
_WORDY_CAPTION = 60


@dataclass(slots=True)
class _Block:
    text: str
    furniture: FurnitureKind | None = None
    heading: bool = False


def article_id(text: str) -> str:
    """A stable id: a hash of the cleaned text with whitespace normalised."""
    canonical = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def clean_article(raw: RawArticle) -> Article:
    """Separate the body from the furniture and build the :class:`Article` record."""
    blocks = _join_broken(_blocks(_CONTROLS.sub("", raw.text)))
    title = _CONTROLS.sub("", raw.title).strip() if raw.title else None
    title = _mark(blocks, title)
    body = [block for block in blocks if block.furniture is None]
    if not body:
        raise EmptyArticleError(
            "no article text left after removing page furniture", source=raw.source
        )
    text, headings = _assemble(body)
    furniture = raw.furniture + tuple(
        Furniture(kind=block.furniture, text=block.text) for block in blocks if block.furniture
    )
    return Article(
        id=article_id(text),
        source=raw.source,
        published=raw.published,
        title=title,
        language=raw.language or "en",
        text=text,
        furniture=furniture,
        headings=headings,
        url=raw.url,
    )


def _blocks(text: str) -> list[_Block]:
    """Blocks split at blank lines; inside a block each line stands alone unless the
    block is prose wrapped at a fixed width."""
    out: list[_Block] = []
    for chunk in _BLOCK_SPLIT.split(text):
        lines = [_SPACES.sub(" ", line).strip() for line in chunk.split("\n")]
        lines = [line for line in lines if line]
        kinds = [classify_line(line) for line in lines]
        if _hard_wrapped([line for line, kind in zip(lines, kinds, strict=True) if kind is None]):
            prose = " ".join(line for line, kind in zip(lines, kinds, strict=True) if kind is None)
            out.extend(
                _Block(line, furniture=kind)
                for line, kind in zip(lines, kinds, strict=True)
                if kind
            )
            out.append(_Block(prose))
            continue
        previous: FurnitureKind | None = None
        for line, kind in zip(lines, kinds, strict=True):
            if (
                kind is None
                and previous is FurnitureKind.PHOTO_CREDIT
                and len(line.split()) <= _WORDY_CAPTION
            ):
                kind = FurnitureKind.CAPTION
            out.append(_Block(line, furniture=kind))
            previous = kind
    return out


def _hard_wrapped(lines: list[str]) -> bool:
    """Prose broken at a fixed width: long lines, most of them not ending a sentence."""
    if len(lines) < 3 or len(set(lines)) < len(lines):
        return False
    body = lines[:-1]
    widths = [len(line) for line in body]
    return (
        min(widths) >= 40
        and max(widths) - min(widths) <= 30
        and sum(line.endswith(_TERMINAL) for line in body) <= len(body) // 3
    )


def _join_broken(blocks: list[_Block]) -> list[_Block]:
    """Rejoin a long paragraph that stops mid-sentence with the paragraph that continues it."""
    out: list[_Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.furniture is None
            and block.furniture is None
            and len(previous.text.split()) >= _LONG_BLOCK_WORDS
            and not previous.text.endswith(_TERMINAL)
        ):
            previous.text = f"{previous.text} {block.text}"
            continue
        out.append(block)
    return out


def _mark(blocks: list[_Block], title: str | None) -> str | None:
    """Mark headings, the title, repeated headlines and inline captions; return the title."""
    seen_headings: set[str] = set()
    for index, block in enumerate(blocks):
        if block.furniture is not None:
            continue
        key = _key(block.text)
        if key in seen_headings:
            block.furniture = FurnitureKind.REPEATED_HEADLINE
            continue
        if title is None and index == _first_body(blocks) and _title_like(block.text):
            following = _neighbour(blocks, index, 1)
            if (
                len(block.text.split()) <= 2
                and following is not None
                and _title_like(following.text)
            ):
                block.furniture = FurnitureKind.SECTION_LABEL
                continue
            block.heading = True
            seen_headings.add(key)
            title = block.text
            continue
        if not _unpunctuated(block.text):
            continue
        if _after_related(blocks, index) and (len(block.text.split()) <= _HEADING_MAX_WORDS):
            block.furniture = FurnitureKind.RELATED
        elif _is_caption(blocks, index):
            block.furniture = FurnitureKind.CAPTION
        elif _is_heading(block.text) and not _in_list(blocks, index):
            block.heading = True
            seen_headings.add(key)
            if title is None and index == _first_body(blocks):
                title = block.text
    if title is not None and _key(title) not in seen_headings:
        for block in blocks:
            if block.furniture is None and _key(block.text) == _key(title):
                if block is blocks[_first_body(blocks)]:
                    block.heading = True
                else:
                    block.furniture = FurnitureKind.REPEATED_HEADLINE
    return title


def _title_like(text: str) -> bool:
    return len(text.split()) <= _TITLE_MAX_WORDS and not text.endswith((".", ":", ";", ","))


def _after_related(blocks: list[_Block], index: int) -> bool:
    """Link lists: short lines after a bare "Related" / "More on this story" marker."""
    for back in range(index - 1, -1, -1):
        block = blocks[back]
        if block.furniture is FurnitureKind.RELATED:
            if len(block.text.split()) <= 4 and ":" not in block.text.rstrip(":"):
                return True
            continue
        if block.furniture is None:
            return False
    return False


def _first_body(blocks: list[_Block]) -> int:
    return next((i for i, block in enumerate(blocks) if block.furniture is None), -1)


def _unpunctuated(text: str) -> bool:
    return not text.endswith(_TERMINAL)


def _is_heading(text: str) -> bool:
    words = text.split()
    if not words or len(words) > _HEADING_MAX_WORDS:
        return False
    content = [w for w in words if len(w) > 3 and w[0].isalpha()]
    capitalised = sum(1 for w in content if w[0].isupper())
    return not content or capitalised / len(content) >= 0.5


def _is_caption(blocks: list[_Block], index: int) -> bool:
    """A sentence-case line with a verb and no full stop, standing alone between paragraphs."""
    text = blocks[index].text
    words = text.split()
    if len(words) < _CAPTION_MIN_WORDS or _is_heading(text) or _in_list(blocks, index):
        return False
    if not _VERBISH.search(text):
        return False
    neighbours = [b for b in (_neighbour(blocks, index, -1), _neighbour(blocks, index, 1)) if b]
    return len(neighbours) == 2 and all(not _unpunctuated(b.text) for b in neighbours)


def _in_list(blocks: list[_Block], index: int) -> bool:
    """Short unpunctuated blocks after a line ending in ':' are list items, not headings."""
    for back in range(index - 1, -1, -1):
        block = blocks[back]
        if block.furniture is not None:
            continue
        if block.text.endswith(":"):
            return True
        if not _unpunctuated(block.text) or block.heading:
            return False
    return False


def _neighbour(blocks: list[_Block], index: int, step: int) -> _Block | None:
    position = index + step
    while 0 <= position < len(blocks):
        if blocks[position].furniture is None:
            return blocks[position]
        position += step
    return None


def _assemble(body: list[_Block]) -> tuple[str, tuple[Span, ...]]:
    parts: list[str] = []
    headings: list[Span] = []
    offset = 0
    for block in body:
        if block.heading:
            headings.append(
                Span(start_char=offset, end_char=offset + len(block.text), text=block.text)
            )
        parts.append(block.text)
        offset += len(block.text) + 2
    return "\n\n".join(parts), tuple(headings)


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", text.lower()).split())
