"""Who a directed act is aimed at when no argument names it: the object's own words.

"Moscow demanded a full *Ukrainian* withdrawal", "Orbán agreed to buy more
*American* gas", "Syria would join the *American*-led coalition", "Trump
lifted restrictions on the sale of chips *to China*": the recipient is named
inside what the act is about, as a nationality, a state modifying the object
noun, or the object of a preposition hung on it. These are read only when the
parse gives the act no recipient of its own, and never return the doer's own
state ("Russia mobilised *Russian* reservists" has no recipient).
"""

from __future__ import annotations

from spacy.tokens import Token

from communique.nlp.actors import ActorEntity
from communique.nlp.events.anaphora import resolve, states_named_in
from communique.nlp.events.mentions import DocIndex, unique
from communique.records import ActorKind

_TOWARDS = frozenset({"to", "on", "against", "toward", "towards", "into", "over", "for"})
_OBJECTS = frozenset({"dobj", "nsubjpass"})
# "the *American*-led coalition", "a *Saudi*-backed force": the state in a participle compound
_LED = frozenset({"lead", "back", "sponsor", "support", "run", "broker"})


def object_targets(
    token: Token, actors: list[ActorEntity], index: DocIndex, depth: int = 2
) -> list[ActorEntity]:
    """States and actors named inside the object of ``token`` (or of the verb it governs:
    "agreed to *buy* American gas", "agrees that it will not *join* NATO"), other than the
    doer's own."""
    doers = {id(a) for a in actors}
    states = {a.country for a in actors if a.country}
    found: list[ActorEntity] = []
    for noun in _objects(token):
        found.extend(_named_in(noun, index, depth))
    for noun in _complement_objects(token):
        found.extend(resolve(noun, index) or _named_in(noun, index, depth))
    return [a for a in unique(found) if id(a) not in doers and a.country not in states]


def _objects(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in _OBJECTS]


def _complement_objects(token: Token) -> list[Token]:
    verbs = [c for c in token.children if c.dep_ in {"xcomp", "ccomp"}]
    return [c for verb in verbs for c in verb.children if c.dep_ in _OBJECTS]


def _named_in(noun: Token, index: DocIndex, depth: int) -> list[ActorEntity]:
    found = [a for a in states_named_in(noun, index) if a.kind == ActorKind.COUNTRY]
    for child in noun.children:
        if child.dep_ == "amod" and child.lemma_.lower() in _LED:
            found.extend(a for a in states_named_in(child, index) if a.kind == ActorKind.COUNTRY)
        elif child.dep_ == "poss" and depth < 2:
            found.extend(resolve(child, index))  # "talks over *Iran's* nuclear programme"
        elif child.dep_ in {"acl", "relcl"} and depth > 0:
            # "sanctions *imposed on* the country"
            found.extend(a for prep in _towards(child) for a in _prep_objects(prep, index, 0))
        elif child.dep_ == "prep" and child.lower_ in _TOWARDS and depth > 0:
            found.extend(_prep_objects(child, index, depth - 1))
    return found


def _towards(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _TOWARDS]


def _prep_objects(prep: Token, index: DocIndex, depth: int) -> list[ActorEntity]:
    found: list[ActorEntity] = []
    for pobj in (g for g in prep.children if g.dep_ == "pobj"):
        found.extend(resolve(pobj, index) or _named_in(pobj, index, depth))
    return found
