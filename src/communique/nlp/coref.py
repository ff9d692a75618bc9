"""Descriptors that point back to a named person: "the U.S. president", "the Russian leader".

A descriptor is a definite noun phrase whose head is a title ("the president",
"the Kremlin chief") and which is not itself a pre-modifier of a name. It is
resolved to the most recently mentioned person whose roles match its title
and country; "leader" and "chief" match any head of state or government.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from communique.knowledge.gazetteer import Gazetteer
from communique.knowledge.metonyms import metonym_country
from communique.knowledge.titles import TitleLexicon
from communique.records import MentionKind

if TYPE_CHECKING:
    from communique.nlp.actors import ActorEntity

_LEADER_HEADS = frozenset({"president", "minister", "chancellor", "premier", "king", "emir", "leader", "prince", "sultan", "ayatollah"})
_GENERIC = frozenset({"leader", "chief", "head"})


def resolve_descriptors(doc: Doc, people: list[ActorEntity], lex: TitleLexicon, gaz: Gazetteer) -> None:
    from communique.nlp.actors import ActorMention

    for token in doc:
        if token.ent_type_ or token.pos_ != "NOUN" or not lex.is_title_word(token.text):
            continue
        if token.tag_ in {"NNS", "NNPS"}:
            continue
        det = _definite_start(token)
        if det is None:
            continue
        country = _country_before(doc, det, token, gaz)
        person = _antecedent(people, token, country)
        if person is not None:
            span = doc[det.i : token.i + 1]
            person.add(ActorMention(span.start, span.end, span.start_char, span.end_char, span.text, MentionKind.DESCRIPTOR))


def _definite_start(head: Token) -> Token | None:
    """The "the" opening the descriptor, when nothing but modifiers stands between."""
    if head.i + 1 < len(head.doc) and head.doc[head.i + 1].ent_type_ == "PERSON":
        return None
    for back in range(head.i - 1, max(head.sent.start, head.i - 5) - 1, -1):
        word = head.doc[back]
        if word.lower_ == "the":
            return word
        if word.pos_ not in {"ADJ", "PROPN", "NOUN", "PUNCT", "PART"} and word.text not in {"'s", "’s", "."}:
            return None
    return None


def _country_before(doc: Doc, det: Token, head: Token, gaz: Gazetteer) -> str | None:
    for token in doc[det.i + 1 : head.i]:
        text = token.text.removesuffix("'s")
        if country := gaz.demonym(text) or metonym_country(text):
            return country
        if token.ent_type_ in {"GPE", "ORG"}:
            span = next((ent for ent in doc.ents if ent.start <= token.i < ent.end), None)
            if span is not None:
                name = span.text.removesuffix("'s").removesuffix("’s")
                if country := metonym_country(name):
                    return country
                if (found := gaz.country(name)) is not None:
                    return found.iso3
    return None


def _antecedent(people: list[ActorEntity], head: Token, country: str | None) -> ActorEntity | None:
    word = head.lower_
    best: tuple[int, ActorEntity] | None = None
    for person in people:
        before = [m.start for m in person.mentions if m.start < head.i]
        if not before:
            continue
        if not any(_matches(role.head, word) and (country is None or role.country in (country, None)) for role in person.roles):
            continue
        if country is not None and person.country not in (None, country) and all(r.country != country for r in person.roles):
            continue
        if best is None or max(before) > best[0]:
            best = (max(before), person)
    return best[1] if best else None


def _matches(role_head: str, word: str) -> bool:
    if word in _GENERIC:
        return role_head in _LEADER_HEADS or role_head == word
    return role_head == word
