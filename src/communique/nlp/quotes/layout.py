"""Where each token sits: its sentence, its paragraph and the quote around it.

Built once per Doc so that the rules ask "is this token quoted?" or "where
does this sentence start?" in constant time instead of walking the Doc.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc

from communique.nlp.quotes.marks import QuotedSpan


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A depth-0 quotation as tokens: ``start``/``end`` cover the content, not the marks."""

    number: int
    start: int
    end: int
    marks: QuotedSpan
    text: str


@dataclass(slots=True)
class Layout:
    sentence: list[int]
    sentence_starts: list[int]
    sentence_ends: list[int]
    paragraph: list[int]
    # Number of the quotation holding each token, or -1.
    quoted: list[int]
    quotes: list[QuoteSpan]

    @classmethod
    def build(cls, doc: Doc, spans: list[QuotedSpan], text: str) -> Layout:
        """The layout of ``doc``, whose text (``doc.text``, costly to rebuild) is ``text``."""
        sentence = [0] * len(doc)
        starts, ends = [], []
        for number, sent in enumerate(doc.sents):
            starts.append(sent.start)
            ends.append(sent.end)
            sentence[sent.start : sent.end] = [number] * (sent.end - sent.start)
        offsets = [int(offset) for offset in doc.to_array(IDX)]
        quotes = _token_quotes(doc, spans, offsets, text)
        quoted = [-1] * len(doc)
        for quote in quotes:
            quoted[quote.start : quote.end] = [quote.number] * (quote.end - quote.start)
        return cls(sentence, starts, ends, _paragraphs(text, offsets), quoted, quotes)

    def sentence_start(self, i: int) -> int:
        return self.sentence_starts[self.sentence[i]]

    def sentence_end(self, i: int) -> int:
        return self.sentence_ends[self.sentence[i]]

    def words_outside_quotes(self, doc: Doc, start: int, end: int) -> int:
        return sum(
            1
            for i in range(start, end)
            if self.quoted[i] < 0 and not doc[i].is_punct and not doc[i].is_space
        )


def _paragraphs(text: str, offsets: list[int]) -> list[int]:
    """The paragraph number of each token: a new one after every line break."""
    numbers, number = [0] * len(offsets), 0
    for i in range(1, len(offsets)):
        if "\n" in text[offsets[i - 1] : offsets[i]]:
            number += 1
        numbers[i] = number
    return numbers


def _token_quotes(
    doc: Doc, spans: list[QuotedSpan], starts: list[int], text: str
) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    for span in spans:
        if span.depth:
            continue
        # The first token ending after the content starts; the last starting before it ends.
        first = max(0, bisect_right(starts, span.start_char) - 1)
        if first < len(doc) and doc[first].idx + len(doc[first]) <= span.start_char:
            first += 1
        last = bisect_left(starts, span.end_char)
        while first < last and (
            doc[first].is_space or doc[first].text in {'"', "“", "‘", "'", "«", "»", "''", "``"}
        ):
            first += 1
        if first < last:
            out.append(QuoteSpan(len(out), first, last, span, span.text(text)))
    return out
