"""Actors: people, organisations and states, with roles and every mention.

The component runs the sub-tasks in order and writes ``doc._.actors``:

1. people (:mod:`communique.nlp.people`) with their roles
   (:mod:`communique.nlp.roles`);
2. states (:mod:`communique.nlp.states`) and organisations
   (:mod:`communique.nlp.organisations`);
3. each person's identity, country and sector from the text and the
   office-holder table (:mod:`communique.nlp.affiliations`);
4. descriptors such as "the U.S. president" (:mod:`communique.nlp.coref`);
5. groups named by common nouns ("Ukrainian troops", "European leaders") and
   regions that act (:mod:`communique.nlp.collectives`).

Other components import :class:`ActorEntity` and :class:`ActorMention` from here.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from communique.knowledge.collectives import collectives
from communique.knowledge.gazetteer import gazetteer
from communique.knowledge.registry import registry
from communique.knowledge.titles import titles
from communique.nlp import coref
from communique.nlp.actor_entity import ActorEntity, ActorMention
from communique.nlp.affiliations import settle_people
from communique.nlp.collectives import find_collectives
from communique.nlp.organisations import find_organisations
from communique.nlp.people import find_people
from communique.nlp.roles import RoleFinder
from communique.nlp.states import find_states

__all__ = ["ActorEntity", "ActorMention", "find_actors"]


@Language.component(
    "communique_actors",
    requires=["doc.ents", "token.dep", "doc._.places"],
    assigns=["doc._.actors"],
)
def find_actors(doc: Doc) -> Doc:
    lex, gaz, known = titles(), gazetteer(), registry()
    people = find_people(doc, RoleFinder(doc, lex, gaz), known)
    people = settle_people(doc, people, known, doc._.published)
    states = find_states(doc, gaz)
    organisations = find_organisations(doc, gaz, known)
    coref.resolve_descriptors(doc, people, lex, gaz)
    named = people + states + organisations
    groups = find_collectives(doc, gaz, collectives(), named)
    doc._.actors = sorted(named + groups, key=lambda actor: actor.first)
    return doc
