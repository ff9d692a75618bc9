"""Label repairs for the statistical entities, from knowledge and document context.

Three steps of :mod:`communique.nlp.entities`, each a function from a list of
entity spans to a new one:

* :func:`drop_non_persons`: PERSON entities that cannot be people: product and
  weapon names ("Tomahawks"), terms ("Brexit"), codes with digits ("G8"),
  nicknames in quotation marks ("Merkozy");
* :func:`merge_known`: add or correct entities with the names the tables know;
* :func:`repair_labels`: people labelled as places or organisations and back,
  "Mr X" led entities, and one label per name throughout the document (a
  surname the model tags PERSON once is a person everywhere).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from communique.knowledge.gazetteer import fold, gazetteer
from communique.knowledge.metonyms import metonym_country
from communique.knowledge.registry import registry
from communique.knowledge.titles import titles
from communique.nlp.known_names import KnownKind, KnownMatch

# Proper nouns of the domain that the model takes for people: weapons,
# products and terms. Folded forms.
NON_PERSONS = frozenset(
    {
        "brexit",
        "tomahawk",
        "tomahawks",
        "patriot",
        "patriots",
        "javelin",
        "javelins",
        "himars",
        "atacms",
        "storm shadow",
        "taurus",
        "iskander",
        "kinzhal",
        "oreshnik",
        "shahed",
        "shaheds",
        "starlink",
        "covid",
        "obamacare",
    }
)
KINSHIP = frozenset(
    {
        "son",
        "daughter",
        "wife",
        "husband",
        "brother",
        "sister",
        "father",
        "mother",
        "widow",
        "nephew",
        "niece",
        "cousin",
        "uncle",
        "aunt",
        "grandson",
        "granddaughter",
        "son-in-law",
        "daughter-in-law",
    }
)
# The last word of a company's name ("Pirelli SpA", "Johnson Controls Inc").
CORPORATE_SUFFIXES = frozenset(
    {"inc", "corp", "corporation", "ltd", "plc", "llc", "ag", "sa", "spa", "nv", "gmbh", "co"}
    | {"group", "holdings", "bank", "airlines", "airways", "motors", "industries"}
)
_HONORIFIC_WORDS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame"})
_QUOTES = frozenset({'"', "“", "”", "‘", "’", "'", "«", "»"})
_NAME_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})
# A known office holder's bare surname outranks the model's ORG/GPE label only
# when it is at least this long ("He" and "Xi" need a first name or an honorific).
_MIN_SURNAME = 4


def drop_non_persons(doc: Doc, spans: list[Span]) -> list[Span]:
    kept = []
    for span in spans:
        if span.label_ in {"PERSON", "ORG"} and all(len(t.text) == 1 for t in span if t.is_alpha):
            continue  # "N / A", table headers
        if span.label_ == "PERSON" and metonym_country(span.text):
            span = Span(doc, span.start, span.end, label="ORG")  # "Uncle Sam" is the US government
        if span.label_ == "PERSON" and fold(span[-1].text).rstrip(".") in CORPORATE_SUFFIXES:
            span = Span(doc, span.start, span.end, label="ORG")
        elif span.label_ == "PERSON" and len(span) == 1 and gazetteer().demonym(span.text):
            span = Span(doc, span.start, span.end, label="NORP")  # "Briton", "Chechen"
        elif span.label_ == "PERSON" and _not_a_person(doc, span):
            continue
        kept.append(span)
    return kept


def _not_a_person(doc: Doc, span: Span) -> bool:
    key = fold(span.text)
    if registry().person(span.text) is not None:
        return False
    if key in NON_PERSONS or any(fold(token.text) in NON_PERSONS for token in span[-1:]):
        return True
    if any(ch.isdigit() for ch in span.text):
        return True
    if all(token.tag_ in {"NNPS", "NNS"} for token in span):
        return True
    return len(span) == 1 and _quoted(doc, span)


def _quoted(doc: Doc, span: Span) -> bool:
    """A one-word name inside quotation marks: a nickname or coinage ("Merkozy")."""
    before = doc[span.start - 1].text if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    return before in _QUOTES and (
        after in _QUOTES or (after in {".", ",", "?"} and _closes(doc, span.end))
    )


def _closes(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and doc[i + 1].text in _QUOTES


def merge_known(doc: Doc, spans: list[Span], matches: list[KnownMatch]) -> list[Span]:
    """Add the knowledge tables' names; correct or extend the model's entities with them."""
    current = list(spans)
    for match in matches:
        overlapping = [s for s in current if s.start < match.end and match.start < s.end]
        replacement = _merge_one(doc, match, overlapping)
        if replacement is None:
            continue
        current = [s for s in current if s not in overlapping] + replacement
    return current


def _merge_one(doc: Doc, match: KnownMatch, overlapping: list[Span]) -> list[Span] | None:
    new = Span(doc, _name_start(doc, match), match.end, label=match.label)
    if not overlapping:
        if match.kind in {KnownKind.PERSON, KnownKind.ORGANIZATION} or not _inside_name(doc, match):
            return [new]
        return None
    if len(overlapping) == 1:
        span = overlapping[0]
        if (span.start, span.end) == (match.start, match.end):
            return [new] if _overrides(match, span) else None
        if span.start <= match.start and match.end <= span.end:
            return _split(doc, span, new) if match.kind is KnownKind.PERSON else None
    if all(match.start <= s.start and s.end <= match.end for s in overlapping):
        return [new]
    return None


def _name_start(doc: Doc, match: KnownMatch) -> int:
    """Where the name starts in a matched form: after "President" in "President Clinton"."""
    start = match.start
    if match.kind is KnownKind.PERSON:
        while match.end - start > 1 and (
            doc[start].lower_.rstrip(".") in _HONORIFIC_WORDS
            or titles().is_title_word(doc[start].text)
        ):
            start += 1
    return start


def _overrides(match: KnownMatch, span: Span) -> bool:
    """Whether a table's label beats the model's on exactly the same words."""
    label = span.label_
    if label == match.label:
        return False
    if match.kind is KnownKind.PERSON:
        return True
    if label == "NORP" and gazetteer().demonym(span.text) is not None:
        return False
    if match.kind in {KnownKind.ORGANIZATION, KnownKind.COUNTRY}:
        return label in {"PERSON", "NORP", "FAC", "PRODUCT", "LOC", "GPE", "ORG", "WORK_OF_ART"}
    if match.kind is KnownKind.CITY and label == "ORG":
        return not beside_number(span)  # "MILAN 1996-08-30" is a dateline, "MILAN 2 Roma 1" a team
    return label in {"PERSON", "NORP", "PRODUCT", "FAC", "WORK_OF_ART"}


def beside_number(span: Span) -> bool:
    """A score or a count next to the name ("MILAN 2", "29 Caerphilly"); a year, as in a
    dateline ("LONDON 1996-08-30"), is not one."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    return any(
        token is not None and token.like_num and not _year(token.text) for token in (before, after)
    )


def _year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100


def _split(doc: Doc, span: Span, person: Span) -> list[Span]:
    """A known person inside a longer entity ("the Army Dan Driscoll"): keep the rest as it was."""
    parts = [person]
    for start, end in ((span.start, person.start), (person.end, span.end)):
        while start < end and (doc[start].lower_ == "the" or not doc[start].is_alpha):
            start += 1
        if start < end and any(token.is_title or token.is_upper for token in doc[start:end]):
            parts.append(Span(doc, start, end, label=span.label))
    return parts


def _inside_name(doc: Doc, match: KnownMatch) -> bool:
    """A place name that is part of a longer proper name: "Chad Smith", "Jordan Bardella"."""
    after = doc[match.end] if match.end < len(doc) else None
    if after is not None and _capitalised(after) and after.pos_ == "PROPN":
        return not titles().is_title_word(after.text)  # "U.S. President" is no name
    if match.start > 0:
        before = doc[match.start - 1]
        return _capitalised(before) and before.pos_ == "PROPN" and not before.is_sent_start
    return False


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def repair_labels(doc: Doc, spans: list[Span]) -> list[Span]:
    from communique.nlp.name_context import NameContext

    context = NameContext(doc, spans)
    out = [repaired for span in spans for repaired in context.repair(span)]
    return context.propagate(out)


def honorific_before(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows "Mr", "Ms", "Dr" … ("Mr Petro")."""
    return i > 0 and doc[i - 1].lower_.rstrip(".") in _HONORIFIC_WORDS


def person_noun(token: Token) -> bool:
    """A noun that only people are: a title ("president") or a kinship word ("son")."""
    return token.lower_ in KINSHIP or (token.pos_ == "NOUN" and titles().is_title_word(token.text))


def score_lines(doc: Doc, spans: list[Span]) -> list[Span]:
    """Wire-service results tables ("Newport 29 Caerphilly 10", "Lincoln 4 1 2 1 5 5 5"):
    a place-named side there is a club (ORG); national sides keep their country."""
    out = []
    for span in spans:
        if span.label_ in {"GPE", "LOC", "PERSON", "NORP"} and _in_score_line(span):
            gaz = gazetteer()
            place = span.label_ != "PERSON" or gaz.is_place(span.text)  # players stay people
            if place and gaz.country(span.text) is None:
                span = Span(doc, span.start, span.end, label="ORG")
        out.append(span)
    return out


def _in_score_line(span: Span) -> bool:
    sent = span.sent
    numbers = sum(1 for token in sent if token.like_num)
    words = [token for token in sent if token.is_alpha]
    if numbers < 2 or any(token.pos_ in {"VERB", "AUX"} for token in sent):
        return False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    score = after is not None and after.like_num and not _year(after.text)
    return numbers >= len(words) / 2 and score
