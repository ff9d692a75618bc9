"""Roles of a named person from the words around the name.

Two constructions carry almost all titles in news:

* pre-modifiers: "Russian President Vladimir Putin", "Putin's aide Yury
  Ushakov", "White House spokesperson Caroline Leavitt", "US Secretary of
  State Marco Rubio", "former Prime Minister Boris Johnson";
* appositions: "Kirill Dmitriev, head of the Russian Direct Investment Fund
  (RDIF) and special presidential envoy for …", "Scott Bessent, America's
  treasury secretary, said".

Each role keeps the title as written, the country the modifiers give (a
nationality, a country name, a seat of government) and its evidence span.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from communique.knowledge.gazetteer import Gazetteer
from communique.knowledge.metonyms import metonym_country
from communique.knowledge.titles import Title, TitleLexicon

# Words that may sit between a title and a name or inside a title phrase.
_GLUE = frozenset({"of", "for", "the", "'s", "’s", "-", "acting", "deputy", "special", "presidential", "chief", "senior", "top", "former", "then", "interim", "first", "vice", "foreign", "defence", "defense", "national", "security", "state", "general"})
_FORMER = frozenset({"former", "ex", "ex-", "then", "then-", "erstwhile", "late"})
_MAX_WINDOW = 9
_APPOS_STOP = frozenset({"who", "which", "that", "said", "says", "told", "when", "where", "while"})


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


def premodifier_role(doc: Doc, ent: Span, lex: TitleLexicon, gaz: Gazetteer) -> RoleMention | None:
    """A title written before the name, with the nationality or country before it."""
    start = ent.start
    while start > ent.sent.start and ent.start - start < _MAX_WINDOW and _title_like(doc[start - 1], lex, gaz):
        start -= 1
    if start == ent.start:
        return None
    words = [token.text for token in doc[start : ent.start]]
    found = lex.find_last(words)
    if found is None:
        return None
    t_start, t_end, title = found
    if start + t_end < ent.start and not all(
        doc[i].lower_ in _GLUE for i in range(start + t_end, ent.start)
    ):
        return None
    window = doc[start : ent.start]
    country, boss = _country_of(window, gaz)
    title_span = doc[start + t_start : start + t_end]
    return RoleMention(
        title=_title_text(title_span.text, title),
        head=title.head,
        sector=title.sector,
        country=country,
        start_char=window.start_char,
        end_char=window.end_char,
        text=window.text,
        organization=_organization(window),
        former=any(token.lower_.rstrip("-") in _FORMER for token in window),
        boss=boss,
    )


def apposition_roles(doc: Doc, ent: Span, lex: TitleLexicon, gaz: Gazetteer) -> list[RoleMention]:
    """Titles in an apposition after the name: ", head of X and special envoy for Y,"."""
    roles: list[RoleMention] = []
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return roles
    heads = [child for child in ent.root.children if child.dep_ == "appos" and child.i >= ent.end]
    if not heads:
        return roles
    for head in [heads[0], *[c for c in heads[0].conjuncts if c.i > heads[0].i]]:
        role = _role_at(doc, head, lex, gaz)
        if role is not None:
            roles.append(role)
    return roles


def _role_at(doc: Doc, head: Token, lex: TitleLexicon, gaz: Gazetteer) -> RoleMention | None:
    span = _phrase(head)
    words = [token.text for token in span]
    found = lex.find_last(words[: head.i - span.start + 1])
    if found is None:
        return None
    _, _, title = found
    country, boss = _country_of(span, gaz)
    text = _strip_abbreviations(_trim_determiner(span).text)
    return RoleMention(
        title=text,
        head=title.head,
        sector=title.sector,
        country=country,
        start_char=span.start_char,
        end_char=span.end_char,
        text=span.text,
        organization=_organization(span),
        former=any(token.lower_ in _FORMER for token in span),
        boss=boss,
    )


def _phrase(head: Token) -> Span:
    """The noun phrase of an apposition head, without its conjuncts or clauses."""
    doc = head.doc
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in {"cc", "conj", "punct", "relcl", "acl", "advcl"} or child.lower_ in _APPOS_STOP:
            break
        end = child.right_edge.i + 1
    start = head.left_edge.i
    return doc[start:end]


def _trim_determiner(span: Span) -> Span:
    start = span.start
    while start < span.end - 1 and span.doc[start].dep_ in {"det", "poss", "case"} and span.doc[start].ent_type_ != "ORG":
        start += 1
    return span.doc[start : span.end]


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


def _title_like(token: Token, lex: TitleLexicon, gaz: Gazetteer) -> bool:
    if token.is_sent_start and not lex.is_title_word(token.text) and token.ent_type_ not in {"NORP", "GPE", "ORG"}:
        return False
    if token.text in {"'s", "’s", "-", "."} or token.lower_ in _GLUE or token.lower_.rstrip("-") in _FORMER:
        return True
    if lex.is_title_word(token.text):
        return True
    if token.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"}:
        return True
    return gaz.demonym(token.text) is not None


def _country_of(span: Span, gaz: Gazetteer) -> tuple[str | None, str | None]:
    """The country a title's modifiers name, and the person whose aide it is."""
    boss = None
    for ent in span.ents:
        text = ent.text.removesuffix("'s").removesuffix("’s")
        if ent.label_ == "PERSON":
            boss = text
            continue
        if country := gaz.demonym(text) or metonym_country(text):
            return country, boss
        if (found := gaz.country(text)) is not None:
            return found.iso3, boss
    for token in span:
        if country := gaz.demonym(token.text):
            return country, boss
        if token.is_title and (found := gaz.country(token.text.removesuffix("'s"))):
            return found.iso3, boss
    return None, boss


def _organization(span: Span) -> str | None:
    for ent in span.ents:
        if ent.label_ == "ORG":
            return _strip_abbreviations(ent.text)
    return None


def _title_text(text: str, title: Title) -> str:
    """Titles as written, capitalised the way news writes offices before a name."""
    return text if any(ch.isupper() for ch in text) else text.lower()
