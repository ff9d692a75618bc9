"""Collective actors: groups named by common nouns and regions that act, with the real model.

The sentences are the team's own; their facts are plausible, not reported.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.knowledge.collectives import CollectiveKind, collectives
from communique.nlp.actors import ActorEntity
from communique.nlp.collectives import unplaced
from communique.nlp.events.mentions import DocIndex
from communique.records import ActorKind

pytestmark = pytest.mark.model


def _actors(nlp: Language, text: str) -> dict[str, ActorEntity]:
    doc = nlp(text)
    return {actor.name: actor for actor in doc._.actors}


def test_collectives_table_kinds_and_blocs() -> None:
    table = collectives()
    troop = table.noun("troops", "troop")
    assert troop is not None and troop.kind == CollectiveKind.OWN and troop.sector == "MIL"
    government = table.noun("government", "government")
    assert government is not None and government.kind == CollectiveKind.STATE
    # a capitalised plural the tagger took for a name
    assert table.noun("Rebels", "Rebels") is not None
    assert table.bloc("Western") == "the West"
    assert table.noun("weather", "weather") is None


def test_collectives_nationality_gives_the_group_its_country(nlp: Language) -> None:
    actors = _actors(nlp, "Georgian troops crossed the river on Sunday, the defence ministry said.")
    group = actors["Georgian troops"]
    assert (group.kind, group.country, group.sector) == (ActorKind.GROUP, "GEO", "MIL")
    assert not unplaced(group)


def test_collectives_place_after_the_noun_gives_the_country(nlp: Language) -> None:
    actors = _actors(nlp, "Rebels in Somalia ambushed a convoy near the border.")
    assert any(a.country == "SOM" and a.sector == "REB" for a in actors.values())


def test_collectives_institution_of_a_state_is_the_state(nlp: Language) -> None:
    doc = nlp("The Peruvian government protested to Chile on Monday.")
    peru = [a for a in doc._.actors if a.kind == ActorKind.COUNTRY and a.country == "PER"]
    assert peru and any("government" in m.text for m in peru[0].mentions)


def test_collectives_bloc_leaders_are_a_group_without_a_country(nlp: Language) -> None:
    actors = _actors(nlp, "Several African leaders criticised the new visa rules on Friday.")
    group = actors["African leaders"]
    assert group.kind == ActorKind.GROUP and group.country is None and not unplaced(group)


def test_collectives_region_that_acts_is_a_group(nlp: Language) -> None:
    actors = _actors(nlp, "Moscow has long accused Europe of hostility.")
    assert "Europe" in actors and actors["Europe"].kind == ActorKind.GROUP
    assert not _actors(nlp, "The summit in Europe ended early.").get("Europe")


def test_collectives_group_qualified_by_a_named_actor_is_left_to_it(nlp: Language) -> None:
    actors = _actors(nlp, "Hezbollah fighters fired rockets across the border.")
    assert not any(a.kind == ActorKind.GROUP and "fighters" in a.name for a in actors.values())


def test_collectives_bare_plural_is_unplaced_and_no_event_party(nlp: Language) -> None:
    doc = nlp("Protesters blocked the main road, and police arrested dozens of them.")
    groups = [a for a in doc._.actors if a.kind == ActorKind.GROUP]
    assert any(a.name == "protesters" for a in groups)
    assert all(unplaced(a) for a in groups)
    index = DocIndex.build(doc)
    assert all(a.kind != ActorKind.GROUP for a in index.actor_at.values())
    assert not any(a.kind == ActorKind.GROUP for event in doc._.events for a in event.participants)
