"""What the rest of a document says about a name, for repairing entity labels.

One name keeps one reading throughout an article: a surname the model tags as
a person once ("Dan Driscoll") is the person where it tags it as an
organisation ("Driscoll and Russian representatives"); a full name it tags once
is a person where it tags nothing; an abbreviation introduced in parentheses
is an organisation wherever it recurs.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from communique.knowledge.gazetteer import fold, gazetteer
from communique.knowledge.metonyms import metonym_country
from communique.knowledge.registry import FAMILY_FIRST, PARTICLES, registry
from communique.nlp.name_repairs import honorific_before, person_noun

# A PERSON entity is taken for a place only when the place is at least this large
# (small towns share names with people too often).
_PLACE_MIN_POPULATION = 50_000
_HEADING_MAX_WORDS = 12
# Share of capitalised words from which a line without a full stop is a headline.
_HEADLINE_CAPITALS = 0.8
_PERSON_SYNTAX_LABELS = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC"})
_SURNAME_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})
_MIN_KNOWN_SURNAME = 4
# Ranks that precede a person's name and never an organisation's ("General Motors" is why
# "general" is not here).
_RANKS = frozenset(
    {"marshal", "admiral", "colonel", "president", "king", "queen", "prince", "princess", "sheikh"}
    | {"emir", "ayatollah", "senator", "governor", "chancellor", "pope", "cardinal", "imam"}
)


class NameContext:
    def __init__(self, doc: Doc, spans: list[Span]) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt from the tokens on every access
        self.published: str | None = doc._.published if doc.has_extension("published") else None
        self.person_tokens = {
            i for s in spans if s.label_ == "PERSON" for i in range(s.start, s.end)
        }
        self.surnames: set[str] = set()
        self.body_surnames: set[str] = set()
        self.surname_forms: set[str] = set()  # as written, lower-cased (accents kept)
        for span in spans:
            if span.label_ == "PERSON":
                found = _surnames(span)
                self.surnames |= found
                if found:
                    self.surname_forms |= {span[-1].lower_, span[0].lower_}
                if not self.in_heading(span):
                    self.body_surnames |= found | {fold(span[-1].text)}

    def repair(self, span: Span) -> list[Span]:
        """The span with a better label, split in two, or nothing when it is no name at all."""
        pair = self._pair(span) if span.label_ in {"PERSON", "ORG", "GPE", "NORP"} else []
        if pair:
            return pair
        if span.label_ == "PERSON":
            repaired = self._repair_person(span)
            return [repaired] if repaired is not None else []
        return [self._repair_other(span)]

    def _pair(self, span: Span) -> list[Span]:
        """ "Trump-Putin summit": two people joined by a hyphen, each known on their own."""
        dashes = [t.i for t in span if t.text in {"-", "–", "—"}]
        if not dashes:
            return []
        bounds = [span.start, *dashes, span.end]
        parts = [(bounds[0], bounds[1])] + [(a + 1, b) for a, b in pairwise(bounds[1:])]
        if any(end <= start for start, end in parts):
            return []
        words = [fold(self.doc[end - 1].text) for _, end in parts]
        if not all(w in self.surnames or self._known_surname(w) for w in words):
            return []
        return [Span(self.doc, start, end, label="PERSON") for start, end in parts]

    def _repair_other(self, span: Span) -> Span:
        if span[0].lower_.rstrip(".") in {"mr", "mrs", "ms", "dr"} and len(span) > 1:
            return Span(self.doc, span.start + 1, span.end, label="PERSON")
        if span.label_ in _SURNAME_LABELS and len(span) == 1 and self.is_surname(span[0]):
            return Span(self.doc, span.start, span.end, label="PERSON")
        if (
            span.label_ in _PERSON_SYNTAX_LABELS
            and self._person_syntax(span)
            and not _resolvable(span)
        ):
            return Span(self.doc, span.start, span.end, label="PERSON")
        if span.label_ == "ORG" and self._surname_led(span):
            return Span(self.doc, span.start, span.end, label="PERSON")
        if span.label_ in _PERSON_SYNTAX_LABELS and _rank_led(span):
            return Span(self.doc, span.start + 1, span.end, label="PERSON")
        return span

    def _surname_led(self, span: Span) -> bool:
        """ "Suu Kyi" tagged ORG where "Aung San Suu Kyi" is a person: a name ending in a surname."""
        if len(span) < 2 or not all(token.is_title for token in span if token.is_alpha):
            return False
        return fold(span[-1].text) in self.surnames and registry().organization(span.text) is None

    def _repair_person(self, span: Span) -> Span | None:
        if self._protected(span):
            return span
        if self.in_heading(span) and any(token.tag_ not in {"NNP", "NNPS"} for token in span):
            # Headlines are title-cased, so the model takes "Budapest Poised" for a name;
            # the tagger still sees the common word in it.
            return None
        gaz = gazetteer()
        if gaz.is_place(span.text, _PLACE_MIN_POPULATION):
            region = gaz.region(span.text)
            label = "LOC" if region is not None and region.kind == "region" else "GPE"
            return Span(self.doc, span.start, span.end, label=label)
        return span

    def _protected(self, span: Span) -> bool:
        """A PERSON entity that is certainly a person: known, named in full in the body, "Mr X"."""
        if registry().person(span.text) is not None or honorific_before(self.doc, span.start):
            return True
        key = fold(span[-1].text)
        if len(span) == 1:
            return key in self.surnames or self._known_surname(key)
        return key in self.body_surnames and not gazetteer().is_place(span.text)

    def is_surname(self, token: Token) -> bool:
        """A single word that names a person here: a surname of the article's people, or of a
        current office holder ("Trump" tagged ORG)."""
        if not (token.is_title or token.is_upper) or not token.is_alpha:
            return False
        key = fold(token.text)
        if key in self.surnames:
            return True
        if len(key) < _MIN_KNOWN_SURNAME or token.pos_ != "PROPN":
            return False
        if gazetteer().is_place(token.text) or registry().organization(token.text) is not None:
            return False
        return self._known_surname(key)

    def _known_surname(self, key: str) -> bool:
        people = [p for p in registry().person_by_word(key) if key in p.surnames]
        return any(p.in_office(self.published) for p in people)

    def in_heading(self, span: Span) -> bool:
        return in_heading(self.text, span)

    def _person_syntax(self, span: Span) -> bool:
        """The parse says a person: "his son, Mojtaba", "Gustavo Petro, the president",
        "Britain's Jonathan Powell and France's Emmanuel Bonne"."""
        root = span.root
        if root.dep_ == "appos" and root.head.i < span.start and person_noun(root.head):
            return True
        if any(child.dep_ == "appos" and person_noun(child) for child in root.children):
            return True
        if root.dep_ == "poss" and person_noun(root.head):
            return True
        if root.dep_ == "conj" and root.head.i in self.person_tokens:
            return True
        return any(conj.i in self.person_tokens for conj in root.conjuncts)

    def propagate(self, spans: list[Span]) -> list[Span]:
        """Unlabelled repeats of the document's names get the label the name has elsewhere."""
        spans = [_with_initials(span) for span in _majority(spans)]
        taken = {i for span in spans for i in range(span.start, span.end)}
        spans = spans + self._abbreviations(spans, taken)  # before the repeats: "RDIF" recurs
        taken = {i for span in spans for i in range(span.start, span.end)}
        added: list[Span] = []
        for start, end, label in self._repeats(spans, taken):
            if taken.isdisjoint(range(start, end)):
                added.append(Span(self.doc, start, end, label=label))
                taken.update(range(start, end))
        return spans + added

    def _abbreviations(self, spans: list[Span], taken: set[int]) -> list[Span]:
        """ "Russian Direct Investment Fund (RDIF)": the abbreviation is the organisation."""
        doc = self.doc
        found = []
        for span in spans:
            i = span.end
            if (
                span.label_ == "ORG"
                and i + 2 < len(doc)
                and doc[i].text == "("
                and doc[i + 2].text == ")"
            ):
                candidate = doc[i + 1]
                short = candidate.is_upper and candidate.is_alpha and 2 <= len(candidate.text) <= 8
                if short and candidate.i not in taken:
                    found.append(Span(doc, candidate.i, candidate.i + 1, label="ORG"))
        return found

    def _repeats(self, spans: list[Span], taken: set[int]) -> list[tuple[int, int, str]]:
        doc = self.doc
        phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for span in spans:
            if span.label_ in {"PERSON", "ORG"} and (
                len(span) > 1 or _distinctive(span, self.surnames)
            ):
                words = tuple(token.text for token in span)
                phrases.setdefault(words[0], []).append((words, span.label_))
        found: list[tuple[int, int, str]] = []
        for i in self._candidates(phrases):
            if i in taken:
                continue
            token = doc[i]
            for words, label in phrases.get(token.text, []):
                end = i + len(words)
                if tuple(t.text for t in doc[i:end]) == words:
                    found.append((i, end, label))
            if self._lone_surname(token):
                found.append((i, i + 1, "PERSON"))
            elif _initial(token) and _initialled_name(token):
                found.append((i, i + 2, "PERSON"))
        return found

    def _candidates(self, phrases: dict[str, list[tuple[tuple[str, ...], str]]]) -> list[int]:
        """Tokens worth a closer look, found on the ORTH array without making Token objects."""
        strings = self.doc.vocab.strings
        words = {strings.add(w) for w in phrases}
        names = self.surnames | self.surname_forms | {"mr", "mrs", "ms", "dr", "sir", "dame"}
        lowers = {strings.add(w) for w in names}
        orth = self.doc.to_array("ORTH")
        lower = self.doc.to_array("LOWER")
        found = []
        for i in range(len(orth)):
            text = strings[orth[i]]
            after_name = i > 0 and lower[i - 1] in lowers  # the word after "Mr"
            if orth[i] in words or lower[i] in lowers or after_name or _initial_text(text):
                found.append(i)
        return found

    def _lone_surname(self, token: Token) -> bool:
        if not token.is_alpha or not (token.is_title or token.is_upper):
            return False
        if fold(token.text) in self.surnames and token.pos_ in {"PROPN", "NOUN", "ADJ"}:
            return True
        return honorific_before(self.doc, token.i) and token.pos_ == "PROPN"


def in_heading(text: str, span: Span) -> bool:
    """Whether the span sits on a short line without a full stop: a headline or section title,
    where the model's guesses at names are poor. ``text`` is the Doc's text."""
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start : end if end >= 0 else len(text)].strip()
    if not line or "\n" not in text:
        return False
    ends = (".", "!", "?", "”", '"', ":", "’", "■")
    words = line.split()
    if line.endswith(ends) or len(words) > _HEADING_MAX_WORDS:
        return False
    # A headline is words, mostly capitalised; a line of figures is a table row.
    numbers = sum(1 for word in words if any(ch.isdigit() for ch in word))
    alpha = [word for word in words if word[:1].isalpha()]
    capitalised = sum(1 for word in alpha if word[:1].isupper())
    return numbers <= 1 and len(alpha) >= 2 and capitalised >= _HEADLINE_CAPITALS * len(alpha)


def _rank_led(span: Span) -> bool:
    """ "Marshal Pétain", "Ayatollah Khamenei" tagged ORG: a rank only people hold, then a name."""
    if len(span) < 2 or span[0].lower_ not in _RANKS or not span[1].is_title:
        return False
    rest = span[1:].text
    return registry().organization(span.text) is None and not gazetteer().is_place(rest)


def _distinctive(span: Span, surnames: set[str]) -> bool:
    """A one-word name safe to look for elsewhere: an acronym, or a company-like name
    ("Ericsson") that is not a surname and not a common word at a sentence start."""
    token = span[0]
    if token.is_upper and len(token.text) >= 2:
        return True
    return (
        span.label_ == "ORG" and token.is_title and not token.is_sent_start and len(token.text) > 3
    )


def _majority(spans: list[Span]) -> list[Span]:
    """One name, one label: a name tagged PERSON twice and ORG once is a person (and back)."""
    counts: dict[str, dict[str, int]] = {}
    for span in spans:
        if span.label_ in {"PERSON", "ORG"}:
            labels = counts.setdefault(span.text, {})
            labels[span.label_] = labels.get(span.label_, 0) + 1
    out = []
    for span in spans:
        labels = counts.get(span.text, {})
        if len(labels) == 2:
            best = max(labels, key=lambda label: labels[label])
            if labels[best] >= 2 * min(labels.values()) and best != span.label_:
                span = Span(span.doc, span.start, span.end, label=best)
        out.append(span)
    return out


def _with_initials(span: Span) -> Span:
    """ "P. Simmons": initials before a person's name belong to it."""
    if span.label_ != "PERSON":
        return span
    start = span.start
    while start > 0 and _initial(span.doc[start - 1]):
        start -= 1
    return span if start == span.start else Span(span.doc, start, span.end, label="PERSON")


def _initial(token: Token) -> bool:
    return _initial_text(token.text)


def _initial_text(text: str) -> bool:
    return (
        len(text) >= 2
        and text.endswith(".")
        and text.replace(".", "").isalpha()
        and (text.replace(".", "").isupper() and len(text.replace(".", "")) <= 3)
    )


def _initialled_name(token: Token) -> bool:
    """ "G. Kersey": an initial, then a capitalised proper noun that ends the name."""
    doc = token.doc
    if token.i + 1 >= len(doc) or token.ent_type_:
        return False
    name = doc[token.i + 1]
    following = doc[token.i + 2] if token.i + 2 < len(doc) else None
    if not (name.is_title and name.is_alpha and name.pos_ == "PROPN"):
        return False
    return following is None or not (following.is_title and following.pos_ == "PROPN")


def _surnames(span: Span) -> set[str]:
    """The words of a full name that may stand alone for the person."""
    words = [fold(token.text) for token in span if token.is_alpha]
    words = [word for word in words if word not in PARTICLES]
    if len(words) < 2:
        return set()
    found = {words[-1]}
    known = registry().person(span.text)
    if known is not None and known.country in FAMILY_FIRST:
        found.add(words[0])
    return found


def _resolvable(span: Span) -> bool:
    """Whether the tables know the span as a place, a nationality or an organisation."""
    gaz = gazetteer()
    text = span.text
    if gaz.is_place(text) or gaz.demonym(text) is not None or metonym_country(text):
        return True
    return registry().organization(text) is not None or bool(gaz.cities(text))
