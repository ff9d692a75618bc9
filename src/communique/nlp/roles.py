"""Roles of a named person from the words around the name.

The constructions news uses for titles and affiliations:

* pre-modifiers: "Russian President Vladimir Putin", "Putin's aide Yury
  Ushakov", "White House spokesperson Caroline Leavitt", "US Secretary of
  State Marco Rubio", "France's Emmanuel Bonne" (a country, no title);
* appositions after the name: "Kirill Dmitriev, head of the Russian Direct
  Investment Fund (RDIF) and special presidential envoy for …", "Scott
  Bessent, America's treasury secretary, said";
* appositions before it: "Ukraine's ambassador to the US, Olga Stefanishyna,";
* "as": "the retirement of Wang Qishan as China's vice-president";
* "of"/"at": "Elon Musk of Tesla", "Rajesh Rajagopalan of Jawaharlal Nehru
  University in Delhi" (an affiliation, no title);
* a relative clause: "Lindsey Ford, who led the White House's efforts".

Each role keeps the title as written, the country its modifiers give and its
evidence span; :mod:`communique.nlp.phrases` ranks the country evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from communique.knowledge.gazetteer import Gazetteer
from communique.knowledge.titles import Title, TitleLexicon
from communique.nlp.phrases import Evidence, PhraseReader

# Words that may sit between a title and a name or inside a title phrase.
_GLUE = frozenset(
    {"of", "for", "the", "'s", "’s", "-", "acting", "deputy", "special", "presidential"}
    | {"chief", "senior", "top", "then", "interim", "first", "vice", "foreign", "defence"}
    | {"defense", "national", "security", "state", "general", "caretaker", "outgoing"}
)
FORMER = frozenset({"former", "ex", "ex-", "then", "then-", "erstwhile", "late", "onetime"})
_MAX_WINDOW = 9
_MAX_TITLE_TOKENS = 12
_AFFILIATION_PREPOSITIONS = frozenset({"of", "at", "from"})
# Titles so generic that the organisation decides the sector ("boss of Nvidia").
_GENERIC_HEADS = frozenset({"head", "chief", "director", "chairman", "chairwoman", "chair", "boss"})
_GENERIC_HEADS_ALSO = frozenset({"president", "executive", "founder", "leader"})


@dataclass(slots=True)
class RoleMention:
    title: str
    head: str
    sector: str
    country: str | None
    start_char: int
    end_char: int
    text: str
    organization: str | None = None
    former: bool = False
    boss: str | None = None
    rank: int = 9
    leader: bool = False


@dataclass(slots=True)
class Affiliation:
    """Country evidence without a title ("France's Emmanuel Bonne", "Elon Musk of Tesla")."""

    country: str | None
    rank: int
    organization: str | None = None
    sector: str | None = None
    boss: str | None = None
    start_char: int = -1
    end_char: int = -1


class RoleFinder:
    """Finds the roles and affiliations of the PERSON entities of one Doc."""

    def __init__(self, doc: Doc, lex: TitleLexicon, gaz: Gazetteer) -> None:
        self.doc = doc
        self.lex = lex
        self.gaz = gaz
        self.reader = PhraseReader(doc, gaz)

    def find(self, ent: Span) -> tuple[list[RoleMention], list[Affiliation]]:
        roles: list[RoleMention] = []
        affiliations: list[Affiliation] = []
        premodifier = self._premodifier(ent) or self._shared_premodifier(ent)
        if isinstance(premodifier, RoleMention):
            roles.append(premodifier)
        elif premodifier is not None:
            affiliations.append(premodifier)
        for head in self._apposition_heads(ent):
            role = self._role_at(head, name=ent)
            if role is not None:
                roles.append(role)
            elif found := self._affiliation(_phrase(head), rank=3):
                affiliations.append(found)  # "a think-tank in Washington", "son of a … IRGC head"
        if (as_role := self._as_role(ent)) is not None:
            roles.append(as_role)
        affiliations.extend(self._of_affiliation(ent))
        affiliations.extend(self._relative_clause(ent))
        return roles, affiliations

    # pre-modifiers ---------------------------------------------------------

    def _premodifier(
        self, ent: Span, conjunct: Span | None = None
    ) -> RoleMention | Affiliation | None:
        """The title before the name; ``conjunct`` is a later name sharing a plural title."""
        doc = self.doc
        start = ent.start
        while (
            start > ent.sent.start
            and ent.start - start < _MAX_WINDOW
            and self._title_like(doc[start - 1])
        ):
            start -= 1
        if start == ent.start:
            return None
        window = doc[start : ent.start]
        found = self.lex.find_last([token.text for token in window])
        if found is None or not self._adjacent(start + found[1], ent.start):
            return (
                self._affiliation(window, rank=1)
                if _possessive_end(window) and not conjunct
                else None
            )
        t_start, t_end, title = found
        plural = doc[start + t_end - 1].lower_ != title.words[-1]
        if conjunct is not None and not plural:
            return None
        t_start = self._title_start(start + t_start, title)
        evidence = self.reader.country(window)
        if plural:
            evidence = self._distributed(window, conjunct or ent, evidence)
        text = _title_text(doc[t_start : start + t_end].text)
        if plural:
            text = text[:-1]  # "presidents" → "president": the title each of them holds
        former = any(token.lower_.rstrip("-") in FORMER for token in window)
        return self._role(title, text, window, evidence, former)

    def _shared_premodifier(self, ent: Span) -> RoleMention | Affiliation | None:
        """ "the US and Russian presidents Donald Trump and Vladimir Putin": the second name
        shares the plural title before the first."""
        first = ent.root
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        head_ent = self.reader.ent_at.get(first.i)
        if first.i == ent.root.i or head_ent is None or head_ent.label_ != "PERSON":
            return None
        return self._premodifier(head_ent, conjunct=ent)

    def _distributed(self, span: Span, ent: Span, evidence: Evidence) -> Evidence:
        """A plural title's n-th country for its n-th name ("the US and Russian presidents,
        Donald Trump and Vladimir Putin"); none when they do not pair up."""
        countries = self.reader.countries_in_order(span)
        first = _first_conjunct(ent.root)
        names = sorted([first.i, *[c.i for c in first.conjuncts]])
        if ent.root.i not in names or len(countries) != len(names):
            return Evidence(organization=evidence.organization, sector=evidence.sector)
        return Evidence(
            countries[names.index(ent.root.i)], 1, evidence.organization, evidence.sector
        )

    def _adjacent(self, title_end: int, name_start: int) -> bool:
        return all(self.doc[i].lower_ in _GLUE for i in range(title_end, name_start))

    def _title_start(self, start: int, title: Title) -> int:
        """Widen a bare "minister" to "Europe minister": one plain noun before it."""
        if len(title.words) == 1 and start > 0:
            before = self.doc[start - 1]
            if (
                before.pos_ == "NOUN"
                and before.is_alpha
                and before.is_lower
                and not before.ent_type_
            ):
                return start - 1
        return start

    def _title_like(self, token: Token) -> bool:
        named = token.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"}
        if token.is_sent_start and not self.lex.is_title_word(token.text) and not named:
            return False
        text = token.text
        if (
            text in {"'s", "’s", "-", "."}
            or token.lower_ in _GLUE
            or token.lower_.rstrip("-") in FORMER
        ):
            return True
        if token.lower_ == "and" and 0 < token.i < len(token.doc) - 1:
            # "the US and Russian presidents": coordinated nationalities, not names
            return self._nationality(token.doc[token.i - 1]) and self._nationality(
                token.doc[token.i + 1]
            )
        if self.lex.is_title_word(text) or token.ent_type_ in {
            "NORP",
            "GPE",
            "ORG",
            "PERSON",
            "FAC",
        }:
            return True
        return self.gaz.demonym(text) is not None

    def _nationality(self, token: Token) -> bool:
        if token.ent_type_ in {"NORP", "GPE"}:
            return True
        return self.gaz.demonym(token.text) is not None or self.gaz.country(token.text) is not None

    # appositions -------------------------------------------------------------

    def _apposition_heads(self, ent: Span) -> list[Token]:
        """Heads of the noun phrases in apposition to the name, after it or before it."""
        heads = [
            c
            for c in ent.root.children
            if c.dep_ == "appos"
            and c.i >= ent.end
            and c.tag_ != "NNS"  # one person is not "reporters"
            # "Emmanuel Bonne, briefed reporters": a verb before the noun is a clause
            and not any(_predicate(t) for t in self.doc[ent.end : c.i])
        ]
        found: list[Token] = []
        # The comma opens the apposition, after the name or after an "of" phrase
        # ("Ali Vaez of the International Crisis Group, a think-tank in Brussels").
        if heads and heads[0].left_edge.i > 0 and self.doc[heads[0].left_edge.i - 1].text == ",":
            found = [heads[0], *[c for c in heads[0].conjuncts if c.i > heads[0].i]]
        root = _first_conjunct(ent.root)
        if root.dep_ == "appos" and root.head.i < root.i and root.left_edge.i > 0:
            shared = root.i != ent.root.i and root.head.tag_ == "NNS"  # "presidents, A and B"
            if self.doc[root.left_edge.i - 1].text == "," and root.head.pos_ == "NOUN":
                found += [root.head] if shared or root.i == ent.root.i else []
        return found

    def _role_at(
        self, head: Token, span: Span | None = None, name: Span | None = None
    ) -> RoleMention | None:
        """The role whose title ends at ``head``, in its noun phrase (or ``span``)."""
        span = span if span is not None else _phrase(head)
        found = self.lex.find_last([token.text for token in self.doc[span.start : head.i + 1]])
        if found is None or span.start + found[1] != head.i + 1:
            return None
        evidence = self.reader.country(span)
        plural = head.lower_ != found[2].words[-1]
        if plural and name is not None:
            evidence = self._distributed(span, name, evidence)
        trimmed = _trim_determiner(span)
        start = trimmed.start
        while start < head.i and (
            self._nationality(self.doc[start]) or self.doc[start].lower_ == "and"
        ):
            start += 1  # "US and Russian presidents" → "presidents"
        text = _title_text(_cut(_strip_abbreviations(self.doc[start : trimmed.end].text)))
        if plural and text.endswith("s"):
            text = text[:-1]
        former = any(token.lower_ in FORMER for token in span)
        return self._role(found[2], text, span, evidence, former)

    def _as_role(self, ent: Span) -> RoleMention | None:
        """ "Wang Qishan as China's vice-president"; "Schumer should resign as the party's leader"."""
        doc = self.doc
        as_token: Token | None = None
        if ent.end < len(doc) and doc[ent.end].lower_ == "as":
            as_token = doc[ent.end]
        elif ent.root.dep_ in {"nsubj", "nsubjpass"}:
            verb = ent.root.head
            if not any(c.dep_ == "dobj" for c in verb.children):
                as_token = next(
                    (c for c in verb.children if c.lower_ == "as" and c.i > ent.end), None
                )
        if as_token is None:
            return None
        objects = [c for c in as_token.children if c.dep_ == "pobj"]
        if not objects:
            return None
        # The parser sometimes splits "vice-president" into three objects: take them all.
        head = objects[-1]
        return self._role_at(head, self.doc[objects[0].left_edge.i : head.i + 1])

    # affiliations without a title ------------------------------------------------

    def _of_affiliation(self, ent: Span) -> list[Affiliation]:
        """ "Elon Musk of Tesla", "Ashley Tellis of the Carnegie Endowment …, a think-tank in Washington"."""
        doc = self.doc
        if ent.end + 1 >= len(doc) or doc[ent.end].lower_ not in _AFFILIATION_PREPOSITIONS:
            return []
        prep = doc[ent.end]
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            return []
        found = self._affiliation(doc[prep.i : obj.right_edge.i + 1], rank=2)
        return [found] if found is not None else []

    def _relative_clause(self, ent: Span) -> list[Affiliation]:
        clauses = [c for c in ent.root.children if c.dep_ == "relcl" and c.i > ent.end]
        found = [
            self._affiliation(self.doc[c.left_edge.i : c.right_edge.i + 1], rank=4) for c in clauses
        ]
        return [a for a in found if a is not None]

    def _affiliation(self, span: Span, rank: int) -> Affiliation | None:
        evidence = self.reader.country(span)
        if evidence.country is None and evidence.boss is None and evidence.sector is None:
            return None
        return Affiliation(
            country=evidence.country,
            rank=max(rank, evidence.rank),
            organization=evidence.organization,
            sector=evidence.sector,
            boss=evidence.boss,
            start_char=span.start_char,
            end_char=span.end_char,
        )

    def _role(
        self, title: Title, text: str, span: Span, evidence: Evidence, former: bool
    ) -> RoleMention:
        sector = title.sector
        if evidence.sector and (title.head in _GENERIC_HEADS or title.head in _GENERIC_HEADS_ALSO):
            sector = evidence.sector
        if former and not text.lower().startswith(("former", "ex")):
            text = f"former {text}"
        return RoleMention(
            title=text,
            head=title.head,
            sector=sector,
            country=evidence.country,
            start_char=span.start_char,
            end_char=span.end_char,
            text=span.text,
            organization=evidence.organization,
            former=former,
            boss=evidence.boss,
            rank=evidence.rank,
            leader=title.is_leader,
        )


def _predicate(token: Token) -> bool:
    """A verb that makes a clause, not a modifier ("Kremlin-installed governor")."""
    if token.tag_ in {"VBD", "VBZ", "VBP", "MD"}:  # finite, whatever the parse says
        return True
    return token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"amod", "compound"}


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def _possessive_end(window: Span) -> bool:
    """ "France's Emmanuel Bonne": the window ends in a possessive right before the name."""
    return len(window) >= 2 and window[-1].text in {"'s", "’s"}


def _phrase(head: Token) -> Span:
    """The noun phrase of an apposition head, without its conjuncts or clauses."""
    doc = head.doc
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in {"cc", "conj", "punct", "relcl", "acl", "advcl", "appos"}:
            break
        end = child.right_edge.i + 1
    start = head.left_edge.i
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start : min(end, start + _MAX_TITLE_TOKENS)]


def _trim_determiner(span: Span) -> Span:
    """The title without its determiner or possessor ("Mr Macron's diplomatic adviser")."""
    start = span.start
    doc = span.doc
    possessive = [t.i for t in span if t.text in {"'s", "’s"} and t.i < span.root.i]
    if possessive:
        start = possessive[-1] + 1
    while start < span.end - 1 and (
        doc[start].dep_ in {"det", "poss", "case"} or doc[start].text in {"'s", "’s"}
    ):
        start += 1
    return doc[start : span.end]


def _strip_abbreviations(text: str) -> str:
    """Drop "(RDIF)"-style parentheses from a title."""
    out, depth = [], 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(ch)
    return " ".join("".join(out).split())


def _cut(text: str) -> str:
    """A title ends at a comma or where a clause or an aside starts."""
    text = next((part for part in text.split(",") if part.strip()), "")
    for stop in (" who ", " which ", " now ", " that "):
        text = text.split(stop)[0]
    return text.strip()


def _title_text(text: str) -> str:
    """Titles as written; capitalised only where the text capitalises them."""
    return text if any(ch.isupper() for ch in text) else text.lower()
