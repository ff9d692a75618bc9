"""Tidy the statistical entities before the other components read them.

The small English model sometimes lets an entity run across a line break
("X.\\n\\nBudapest Poised") or swallow trailing whitespace; such entities are
cut at the break and trimmed.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

_DROP_LABELS = frozenset()


@Language.component(
    "communique_entities",
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def tidy_entities(doc: Doc) -> Doc:
    tidied: list[Span] = []
    for ent in doc.ents:
        for part in _split_at_breaks(ent):
            trimmed = _trim(part)
            if trimmed is not None:
                tidied.append(trimmed)
    doc.ents = tidied
    return doc


def _split_at_breaks(ent: Span) -> list[Span]:
    parts: list[Span] = []
    start = ent.start
    for token in ent:
        if token.is_space or "\n" in token.whitespace_:
            end = token.i if token.is_space else token.i + 1
            if end > start:
                parts.append(Span(ent.doc, start, end, label=ent.label))
            start = token.i + 1
    if start < ent.end:
        parts.append(Span(ent.doc, start, ent.end, label=ent.label))
    return parts


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_space or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].is_space or span.doc[end - 1].text in {",", ";", ":", "—", "–", "-"}):
        end -= 1
    if start >= end:
        return None
    return Span(span.doc, start, end, label=span.label)
