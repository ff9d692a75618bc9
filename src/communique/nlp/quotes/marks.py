"""Quotation marks: which stretches of the text stand inside quotes.

Works on the plain text, before any parse, so that it can be tested on strings
and so that every later step sees the same spans. The scanner keeps a stack of
open marks and pairs each closer with the nearest opener of its family:

* curly doubles “…”, curly singles ‘…’, guillemets «…» and the reversed »…«
  of German and Danish print pair unambiguously;
* straight doubles "…" pair by parity within a paragraph;
* single marks (’ and ') double as apostrophes, so a single closes only a
  single that is open, and never between two letters ("Russia’s");
* two apostrophes ''…'' (typewriter style) are a straight double mark.

A quote ends with its paragraph, except where the paragraph ends inside it and
the next paragraph opens with the same mark (the newspaper convention for a
quote that runs on) or closes it before opening anything (a page break in the
middle of a sentence). An unclosed mark therefore never swallows more than its
own paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# Opening mark → the closing mark of its family.
_PAIRS = {"“": "”", "‘": "’", "«": "»", "»": "«", '"': '"', "'": "'", "„": "“"}
_SINGLES = frozenset({"‘", "’", "'"})
_ALL_MARKS = frozenset("“”‘’«»\"'„")
_REOPENERS = frozenset("“\"'‘«»")
# A quote longer than this is a missed closing mark, not a speech.
MAX_QUOTE_CHARS = 4000
_PARAGRAPH = re.compile(r"\n\s*")
# ''…'' (typewriter style, as in some archives) quotes like "…".
_DOUBLED_APOSTROPHES = re.compile(r"(?<!')''(?!')")


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """The content between a pair of marks (offsets exclude the marks)."""

    start_char: int
    end_char: int
    depth: int = 0
    closed: bool = True
    # Marks repeated at the start of run-on paragraphs, inside the span.
    reopenings: tuple[int, ...] = ()

    def text(self, source: str) -> str:
        """The content with run-on marks removed and paragraph breaks made spaces."""
        skip = set(self.reopenings)
        chars = [
            ch
            for i, ch in enumerate(source[self.start_char : self.end_char], self.start_char)
            if i not in skip
        ]
        return " ".join("".join(chars).split())


@dataclass(slots=True)
class _Open:
    mark: str
    content_start: int
    reopenings: list[int]


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quoted stretch of ``text``, outermost and nested, in text order."""
    text = _DOUBLED_APOSTROPHES.sub(_as_double_mark, text)
    found: list[QuotedSpan] = []
    paragraphs = _paragraphs(text)
    stack: list[_Open] = []
    for number, (start, end) in enumerate(paragraphs):
        if stack and not _runs_on(text, stack[0], start, end):
            _close_unbalanced(stack, found, text, paragraphs[number - 1][1])
        elif stack and text[start] in _REOPENERS:
            # A run-on quote: the mark repeated at the paragraph start is not content.
            stack[0].reopenings.append(start)
            start += 1
        _scan(text, start, end, stack, found)
    if stack:
        _close_unbalanced(stack, found, text, paragraphs[-1][1] if paragraphs else len(text))
    return _with_depths(found)


def _as_double_mark(match: re.Match[str]) -> str:
    """Two apostrophes as one straight double mark, the offsets kept: the mark goes next to
    the quoted words and a space takes the other place."""
    start = match.start()
    before = match.string[start - 1] if start > 0 else " "
    opening = before.isspace() or before in "([{—–-"
    return ' "' if opening else '" '


def _with_depths(found: list[QuotedSpan]) -> list[QuotedSpan]:
    """Depth by containment, so a span inside a dropped apostrophe-mark is outermost."""
    ordered = sorted(found, key=lambda span: (span.start_char, -span.end_char))
    out: list[QuotedSpan] = []
    enclosing: list[QuotedSpan] = []
    for span in ordered:
        while enclosing and enclosing[-1].end_char <= span.start_char:
            enclosing.pop()
        out.append(replace(span, depth=len(enclosing)))
        enclosing.append(span)
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _PARAGRAPH.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _runs_on(text: str, outer: _Open, start: int, end: int) -> bool:
    """Whether a quote open at the end of a paragraph continues into the next one."""
    if text[start] == outer.mark:
        return True
    if text[start] in {"“", '"', "«"} and outer.mark in {"“", '"', "«"}:
        return True
    closer = _PAIRS[outer.mark]
    paragraph = text[start:end]
    first_close = _first_closer(paragraph, closer)
    if first_close is None or not paragraph[:1].islower():
        return False
    opener_before = any(ch in "“«" for ch in paragraph[:first_close])
    return not opener_before and first_close + start - outer.content_start < MAX_QUOTE_CHARS


def _first_closer(paragraph: str, closer: str) -> int | None:
    for i, ch in enumerate(paragraph):
        if ch == closer and (closer not in _SINGLES or _can_close_single(paragraph, i)):
            return i
    return None


def _scan(text: str, start: int, end: int, stack: list[_Open], found: list[QuotedSpan]) -> None:
    for i in range(start, end):
        ch = text[i]
        if ch not in _ALL_MARKS:
            continue
        if stack and _closes(text, i, stack[-1]):
            top = stack.pop()
            _emit(found, top, i, len(stack), closed=True)
        elif _closes_outer(text, i, stack):
            # An opener left unclosed inside another quote (an apostrophe read
            # as a mark): drop it and close the quote around it.
            while stack and not _closes(text, i, stack[-1]):
                stack.pop()
            top = stack.pop()
            _emit(found, top, i, len(stack), closed=True)
        elif _opens(text, i, stack):
            stack.append(_Open(mark=ch, content_start=i + 1, reopenings=[]))
    if stack and end - stack[0].content_start > MAX_QUOTE_CHARS:
        _close_unbalanced(stack, found, text, stack[0].content_start + MAX_QUOTE_CHARS)


def _closes(text: str, i: int, top: _Open) -> bool:
    ch = text[i]
    if ch != _PAIRS[top.mark] and not (top.mark == '"' and ch == "”"):
        return False
    if ch in _SINGLES:
        return _can_close_single(text, i)
    return True


def _closes_outer(text: str, i: int, stack: list[_Open]) -> bool:
    return text[i] not in _SINGLES and any(_closes(text, i, entry) for entry in stack[:-1])


def _opens(text: str, i: int, stack: list[_Open]) -> bool:
    ch = text[i]
    if ch in {"”", "’"}:
        return False
    if ch == "»" and any(entry.mark == "«" for entry in stack):
        return False
    if ch in _SINGLES or ch == '"':
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if after.isspace() and ch in _SINGLES:
            return False
        return before.isspace() or before in "([{—–-“\"‘'«/" or i == 0
    return True


def _can_close_single(text: str, i: int) -> bool:
    """A single mark that is not an apostrophe inside a word ("Russia’s", "isn’t")."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _emit(found: list[QuotedSpan], top: _Open, close: int, depth: int, *, closed: bool) -> None:
    if close > top.content_start:
        found.append(
            QuotedSpan(
                start_char=top.content_start,
                end_char=close,
                depth=depth,
                closed=closed,
                reopenings=tuple(top.reopenings),
            )
        )


def _close_unbalanced(stack: list[_Open], found: list[QuotedSpan], text: str, end: int) -> None:
    """Close every open mark at ``end``; only the outermost is kept as a quote.

    An unclosed single mark is more likely an apostrophe ("the ‘90s") than a
    quote, so it is dropped.
    """
    while end > 0 and text[end - 1].isspace():
        end -= 1
    outer = stack[0]
    stack.clear()
    if outer.mark not in _SINGLES:
        _emit(found, outer, end, 0, closed=False)
