"""Reports that punctuation makes: a quotation introduced or signed without a cue word.

* A colon after a clause about the speaker: "Mr Putin's tone was emollient:
  “…”", "another of X's red lines was: “…”". The report is bare; the
  quotation after the colon takes it as its attribution.
* A signature: a dash and a name right after the closing mark, the way
  reactions, epigraphs and pull quotes are credited ("“…” — Jane Doe"). The
  report holds the quotation, with the dash as its cue and the name as its
  speaker.

Neither reports a statement of its own, so neither makes an indirect quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

from communique.nlp.quotes.cues import Cue, CueKind
from communique.nlp.quotes.layout import Layout, QuoteSpan
from communique.nlp.quotes.reported import Relation, Report
from communique.nlp.quotes.speakers import can_speak, owner_of

_OPENING_MARKS = frozenset({'"', "“", "‘", "'", "«", "»", "''", "``"})
_INTRODUCTION = Cue("introduce", "PUNCT", CueKind.INTRODUCE, strong=False)
_SIGNATURE = Cue("sign", "PUNCT", CueKind.SIGN, strong=False)
# After the closing mark: spaces on the same line, a dash, spaces, then the name.
_DASH = re.compile(r"[^\S\n]*(?:―|—|–|--)[^\S\n]*")
_MAX_NAME_WORDS = 5
# What may follow a signature's name: the end of its sentence, a description after a comma,
# or the next quotation.
_AFTER_NAME = frozenset({".", ",", ";", "“", '"', "«", "''"})


def punctuation_reports(doc: Doc, layout: Layout, reports: list[Report]) -> list[Report]:
    """Colon introductions and dash signatures of the Doc's quotations."""
    cues = sorted(report.cue_start for report in reports)
    # Doc.text and Doc.char_span go over the whole Doc on every call: once per Doc here.
    text, starts = doc.text, [token.idx for token in doc]
    found = []
    for quote in layout.quotes:
        report = _signature(doc, text, starts, layout, quote) or _introduction(
            doc, layout, quote, cues
        )
        if report is not None:
            found.append(report)
    return found


def _introduction(doc: Doc, layout: Layout, quote: QuoteSpan, cues: list[int]) -> Report | None:
    """ "Mr Putin's tone was emollient: “…”": a colon with no cue before a quotation."""
    colon = quote.start - 1
    while colon >= 0 and (doc[colon].is_space or doc[colon].text in _OPENING_MARKS):
        colon -= 1
    if colon < 1 or doc[colon].text != ":":
        return None
    first = bisect_left(cues, layout.sentence_start(colon))
    if first < len(cues) and cues[first] < colon:
        return None
    subject = _introducer(doc[colon], layout)
    if subject is None:
        return None
    return Report(
        cue=_INTRODUCTION,
        cue_token=doc[colon],
        cue_start=colon,
        cue_end=colon + 1,
        relation=Relation.BARE,
        subject=subject,
        content_start=colon,
        content_end=colon,
    )


def _introducer(colon: Token, layout: Layout) -> Token | None:
    """The subject of the clause before the colon, or the person it belongs to."""
    start = layout.sentence_start(colon.i)
    subject = next(
        (
            child
            for root in _clause_roots(colon, start)
            for child in root.children
            if child.dep_ in {"nsubj", "nsubjpass"} and child.i < colon.i
        ),
        None,
    )
    if subject is None or layout.quoted[subject.i] >= 0 or can_speak(subject):
        return subject
    # "another of Hayovyshyn's red lines was:", "Mr Putin's tone was emollient:"
    return owner_of(subject)


def _clause_roots(colon: Token, start: int) -> list[Token]:
    """The heads of the words between the sentence start and the colon: the colon's own head
    when that lies before it, else (the parser often hangs the clause on the quotation's verb)
    every word there whose head lies outside the stretch."""
    doc = colon.doc
    before = range(start, colon.i)
    if colon.head.i in before:
        root = colon.head
        while root.head.i != root.i and root.head.i in before:
            root = root.head
        return [root]
    return [doc[i] for i in before if doc[i].head.i not in before or doc[i].head.i == i]


def _signature(
    doc: Doc, text: str, starts: list[int], layout: Layout, quote: QuoteSpan
) -> Report | None:
    """ "“…” ― Jane Doe": a dash and a name after the closing mark sign the quotation."""
    if not quote.marks.closed:
        return None
    after_mark = quote.marks.end_char + 1
    dash = _DASH.match(text, after_mark)
    if dash is None:
        return None
    cue = _token_at(doc, starts, dash.end() - 1, covering=False)
    name = _name_at(doc, layout, _token_at(doc, starts, dash.end(), covering=True))
    if cue is None or name is None:
        return None
    start, end = name
    return Report(
        cue=_SIGNATURE,
        cue_token=doc[cue],
        cue_start=cue,
        cue_end=cue + 1,
        relation=Relation.HOST,
        subject=doc[end - 1],
        content_start=quote.start,
        content_end=quote.end,
        speaker_words=(start, end),
    )


def _token_at(doc: Doc, starts: list[int], char: int, *, covering: bool) -> int | None:
    """The token at ``char``: the one that covers it, or (``covering`` false) the last one
    starting at or before it."""
    i = bisect_right(starts, char) - 1
    if i < 0:
        return None
    if covering and char >= starts[i] + len(doc[i].text):
        return None
    return i


def _name_at(doc: Doc, layout: Layout, start: int | None) -> tuple[int, int] | None:
    """The token range of a name starting at token ``start`` that ends its clause, if any."""
    if start is None:
        return None
    end = start
    while end < len(doc) and end - start < _MAX_NAME_WORDS and _name_word(doc[end]):
        end += 1
    if end == start or layout.quoted[start] >= 0:
        return None
    following = doc[end] if end < len(doc) else None
    ends_clause = following is None or following.is_space or following.text in _AFTER_NAME
    return (start, end) if ends_clause else None


def _name_word(token: Token) -> bool:
    """A word of a personal name: "Jane", "Doe", an initial "A."."""
    if token.ent_type_ == "PERSON" or token.pos_ == "PROPN":
        return token.text[:1].isupper()
    return len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."
