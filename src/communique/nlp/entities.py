"""Correct the statistical entities before the other components read them.

The small English model lets entities run across line breaks, includes "the"
and honorifics in them, misses names it has not seen ("J.D. Vance"), calls
people places or organisations ("Trump" as ORG, "Emmanuel Bonne" as GPE) and
places people ("Kyiv", "Donbas" as PERSON). This component:

1. tidies each entity (:func:`tidy`): cut at line breaks, trim punctuation,
   a leading "the", a trailing possessive, and a person's honorifics and titles;
2. drops what cannot be a person (:func:`communique.nlp.name_repairs.drop_non_persons`);
3. merges in the names the knowledge tables know (:mod:`communique.nlp.known_names`);
4. repairs labels from the knowledge tables and the rest of the document
   (:func:`communique.nlp.name_repairs.repair_labels`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from communique.knowledge.gazetteer import Gazetteer, gazetteer
from communique.knowledge.registry import registry
from communique.knowledge.titles import TitleLexicon, titles
from communique.nlp.known_names import KnownNames
from communique.nlp.name_repairs import drop_non_persons, merge_known, repair_labels, score_lines

HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "madam", "mme", "m."}
)
_TRAILING = frozenset({",", ";", ":", "—", "–", "-", "'s", "’s", "'", "’", "(", ")"})
_FORMER = frozenset({"former", "late", "then", "ex"})
# Capitalised in captions and headings, and then tagged as part of a name.
_PREPOSITIONS = frozenset({"near", "in", "at", "from", "outside", "inside", "around", "across"})


@Language.factory(
    "communique_entities",
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def make_entity_refiner(nlp: Language, name: str) -> EntityRefiner:
    return EntityRefiner(KnownNames(nlp, registry(), gazetteer()))


class EntityRefiner:
    """The component: callable on a Doc, holding the phrase matcher built once."""

    def __init__(self, known: KnownNames | None = None) -> None:
        self.known = known

    def __call__(self, doc: Doc) -> Doc:
        lex, gaz = titles(), gazetteer()
        spans = [part for ent in doc.ents for part in tidy(ent, lex, gaz)]
        spans = drop_non_persons(doc, spans)
        if self.known is not None:
            spans = merge_known(doc, spans, self.known(doc))
        spans = score_lines(doc, repair_labels(doc, spans))
        doc.ents = sorted(spans, key=lambda span: span.start)
        return doc


def tidy(ent: Span, lex: TitleLexicon, gaz: Gazetteer) -> list[Span]:
    """The entity cut at line breaks and trimmed; empty when nothing name-like is left."""
    out = []
    for part in _split_at_breaks(ent):
        trimmed = _trim(part, lex, gaz)
        if trimmed is not None:
            out.append(trimmed)
    return out


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


def _trim(span: Span, lex: TitleLexicon, gaz: Gazetteer) -> Span | None:
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in _TRAILING):
        end -= 1
    # "the United States": the article is not part of the name, except mid-sentence
    # where it is capitalised ("in The Hague", "The Economist").
    if end - start > 1 and (
        doc[start].text == "the" or (doc[start].text == "The" and _starts(doc, start))
    ):
        start += 1
    if span.label_ == "PERSON":
        while end - start > 1 and (
            _is_person_prefix(doc[start].text, lex, gaz)
            or doc[start].pos_ == "ADP"
            or doc[start].lower_ in _PREPOSITIONS
        ):
            start += 1  # "Near Palmyra" in a caption is no name either
        start = _after_place(doc, start, end, gaz)
    if start >= end or not any(token.is_alpha or token.is_digit for token in doc[start:end]):
        return None
    return Span(doc, start, end, label=span.label)


def _after_place(doc: Doc, start: int, end: int, gaz: Gazetteer) -> int:
    """The name after a place that opens a PERSON entity: in "Minister for the Middle East
    Tobias Ellwood" the model's PERSON starts at the place of the title."""
    for cut in range(start + 1, end - 1):
        place = gaz.country(doc[start:cut].text) or gaz.region(doc[start:cut].text)
        if place and all(token.is_title for token in doc[cut:end]):
            return cut
    return start


def _is_person_prefix(word: str, lex: TitleLexicon, gaz: Gazetteer) -> bool:
    """Words that open a PERSON entity without being the name: "Mr", "President", "Russian"."""
    lower = word.lower()
    if lower in HONORIFICS or lower in _FORMER or lex.is_title_word(word):
        return True
    return gaz.demonym(word) is not None


def _starts(doc: Doc, i: int) -> bool:
    return i == 0 or bool(doc[i].is_sent_start)
