"""States as actors: through their names, seats of government and capitals that act.

"Russia", "the Kremlin" and (as a subject or a party) "Moscow" are one actor,
the Russian state. A capital is the government only where it acts: "Moscow
said", "talks between Moscow and Washington"; "a summit in Moscow" is a place
only. A metonymic mention stays a place mention too (the places component
keeps every GPE), because readers ask for both.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from communique.knowledge.gazetteer import Gazetteer, fold
from communique.knowledge.metonyms import metonym_country
from communique.nlp.actor_entity import ActorEntity, ActorMention
from communique.nlp.name_context import in_heading
from communique.records import ActorKind, MentionKind

_CAPITAL_ROLES = frozenset({"nsubj", "nsubjpass", "agent", "dobj"})
_CAPITAL_PREPOSITIONS = frozenset({"between", "with", "and", "by"})
_METONYM_LABELS = frozenset({"ORG", "FAC", "GPE", "PERSON"})


def find_states(doc: Doc, gaz: Gazetteer) -> list[ActorEntity]:
    states: dict[str, ActorEntity] = {}

    def state(iso3: str) -> ActorEntity | None:
        country = gaz.country_by_code(iso3)
        if country is None:
            return None
        return states.setdefault(
            iso3,
            ActorEntity(
                key=f"country:{iso3}",
                name=country.name,
                kind=ActorKind.COUNTRY,
                country=iso3,
                sector="GOV",
            ),
        )

    text = doc.text
    for ent in doc.ents:
        found = _state_of(ent, gaz, in_heading(text, ent))
        if found is None:
            continue
        iso3, kind = found
        actor = state(iso3)
        if actor is not None:
            actor.add(
                ActorMention(ent.start, ent.end, ent.start_char, ent.end_char, ent.text, kind)
            )
    return list(states.values())


def _state_of(ent: Span, gaz: Gazetteer, heading: bool) -> tuple[str, MentionKind] | None:
    text = ent.text.removesuffix("'s").removesuffix("’s")
    if ent.label_ == "GPE" and (country := gaz.country(text)) is not None:
        # Hong Kong and Macau are places of China, not states of their own.
        region = gaz.region(text)
        if region is not None and region.country and region.country != country.iso3:
            return None
        return country.iso3, MentionKind.NAME
    if ent.label_ in _METONYM_LABELS and (iso3 := metonym_country(text)):
        return iso3, MentionKind.METONYM
    # Headline grammar ("Budapest Poised as Summit Venue") says nothing about who acts.
    if ent.label_ == "GPE" and not heading and (iso3 := capital_as_government(ent, gaz)):
        return iso3, MentionKind.METONYM
    return None


def capital_as_government(ent: Span, gaz: Gazetteer) -> str | None:
    """ISO3 when a capital city acts as its government ("Moscow said", "between Moscow and Washington")."""
    cities = gaz.cities(ent.text)
    if not cities or ent.text.isupper():  # "MOSCOW, Oct 12 (Reuters)" is a dateline
        return None
    country = gaz.country_by_code(cities[0].country)
    if country is None or fold(country.capital) != fold(ent.text):
        return None
    return country.iso3 if acts(ent) else None


def acts(ent: Span) -> bool:
    """Whether a place name acts: a subject or object, a party after "between", "with", "and",
    "by", or the owner of a noun ("Moscow's position"); "a summit in Moscow" does not."""
    root = ent.root
    while root.dep_ == "conj":
        root = root.head
    if root.dep_ in _CAPITAL_ROLES:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in _CAPITAL_PREPOSITIONS:
        return True
    return root.dep_ == "poss" and root.head.pos_ == "NOUN"
