"""A processed Doc becomes records; the only place that reads ``doc._``."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from spacy.tokens import Doc

from communique.nlp.actors import ActorEntity
from communique.nlp.events import event_records
from communique.nlp.places import PlaceEntity
from communique.nlp.quotes import quote_records
from communique.nlp.times import TimeMention
from communique.nlp.topics import topic_records
from communique.records import (
    Actor,
    Article,
    Mention,
    Place,
    Provenance,
    Readout,
    Role,
    Span,
    TimeExpression,
)


@dataclass(frozen=True, slots=True)
class Ids:
    """Record ids of the Doc's actor and place objects, for components that refer to them."""

    actors: dict[int, str]
    places: dict[int, str]

    def actor(self, entity: object) -> str | None:
        return self.actors.get(id(entity))

    def place(self, entity: object) -> str | None:
        return self.places.get(id(entity))


def doc_to_readout(doc: Doc, article: Article, provenance: Provenance) -> Readout:
    place_entities: list[PlaceEntity] = doc._.places or []
    actor_entities: list[ActorEntity] = doc._.actors or []
    places = _places(place_entities)
    actors = _actors(actor_entities)
    ids = Ids(
        actors={
            id(entity): record.id for entity, record in zip(actor_entities, actors, strict=True)
        },
        places={
            id(entity): record.id for entity, record in zip(place_entities, places, strict=True)
        },
    )
    return Readout(
        article=article,
        actors=actors,
        places=places,
        events=event_records(doc, ids),
        quotes=quote_records(doc, ids),
        times=_times(doc._.times or []),
        topics=topic_records(doc),
        provenance=provenance,
    )


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "x"


def _unique(prefix: str, name: str, taken: set[str]) -> str:
    base = f"{prefix}/{slug(name)}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _actors(entities: list[ActorEntity]) -> tuple[Actor, ...]:
    taken: set[str] = set()
    out = []
    for entity in entities:
        mentions = tuple(
            Mention(start_char=m.start_char, end_char=m.end_char, text=m.text, kind=m.kind)
            for m in sorted(entity.mentions, key=lambda m: m.start_char)
        )
        roles = tuple(
            Role(
                title=role.title,
                organization=role.organization,
                country=role.country,
                span=Span(start_char=role.start_char, end_char=role.end_char, text=role.text)
                if role.start_char >= 0
                else None,
                source="text" if role.start_char >= 0 else "knowledge",
            )
            for role in _distinct_roles(entity)
        )
        out.append(
            Actor(
                id=_unique(entity.kind.value, entity.name, taken),
                name=entity.name,
                kind=entity.kind,
                country=entity.country,
                sector=entity.sector,
                roles=roles,
                mentions=mentions,
                kb_id=entity.kb_id,
            )
        )
    return tuple(out)


def _distinct_roles(entity: ActorEntity) -> list:  # type: ignore[type-arg]
    seen: set[str] = set()
    out = []
    for role in entity.roles:
        key = role.title.lower()
        if key not in seen:
            seen.add(key)
            out.append(role)
    return out


def _places(entities: list[PlaceEntity]) -> tuple[Place, ...]:
    taken: set[str] = set()
    return tuple(
        Place(
            id=_unique("place", entity.name, taken),
            name=entity.name,
            kind=entity.kind,
            country=entity.country,
            lat=entity.lat,
            lon=entity.lon,
            geonameid=entity.geonameid,
            mentions=tuple(
                Mention(start_char=m.start_char, end_char=m.end_char, text=m.text)
                for m in entity.mentions
            ),
        )
        for entity in entities
    )


def _times(mentions: list[TimeMention]) -> tuple[TimeExpression, ...]:
    return tuple(
        TimeExpression(
            id=f"t{index}",
            text=m.text,
            start_char=m.start_char,
            end_char=m.end_char,
            kind=m.kind,
            value=m.value,
            precision=m.precision,
            modifier=m.modifier,
        )
        for index, m in enumerate(mentions, start=1)
    )
