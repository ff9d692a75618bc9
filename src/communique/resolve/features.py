"""What clustering compares: an event report reduced to registry ids, a date range and words.

:func:`event_features` turns one event of a readout into a :class:`MentionFeatures`,
given the registry ids its actors resolved to. Dates count only when the text
gave them (``basis == text``); a date copied from the publication date says
nothing about which event this is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from communique.knowledge.gazetteer import fold
from communique.records import ActorKind, DateBasis, Event, EventStatus, PlaceKind, Readout
from communique.resolve.similarity import content_words

PROSPECTIVE = frozenset(
    {
        EventStatus.PLANNED,
        EventStatus.PROPOSED,
        EventStatus.POSTPONED,
        EventStatus.CANCELLED,
        EventStatus.HYPOTHETICAL,
        EventStatus.CONDITIONAL,
    }
)
"""Statuses of events whose date, if any, is an intention: it may still move."""

PLANS = frozenset({EventStatus.PLANNED, EventStatus.PROPOSED})
"""Statuses that look ahead: the event comes after the report."""


PLACE_LEVEL = {
    PlaceKind.SITE: 0,
    PlaceKind.CITY: 0,
    PlaceKind.ADMIN: 1,
    PlaceKind.REGION: 1,
    PlaceKind.COUNTRY: 2,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceFeature:
    """A place reduced to what tells two places apart."""

    key: str
    name: str
    country: str | None
    level: int
    """0 a site or city, 1 a region or province, 2 a country: the larger contains the smaller."""
    lat: float | None = None
    lon: float | None = None

    def as_list(self) -> list[Any]:
        """The form a canonical event keeps: [name, country, level, lat, lon]."""
        return [self.name, self.country, self.level, self.lat, self.lon]


@dataclass(frozen=True, slots=True, kw_only=True)
class MentionFeatures:
    """One event report of one article, ready to compare with canonical events."""

    article_id: str
    event_id: str
    type: str
    mode: str | None
    status: EventStatus
    date: str | None
    published: str | None
    participants: frozenset[str]
    countries: frozenset[str]
    place: PlaceFeature | None
    words: frozenset[str]
    summary: str
    sentence: str

    @property
    def prospective(self) -> bool:
        return self.status in PROSPECTIVE


def event_features(readout: Readout, event: Event, actor_ids: dict[str, str]) -> MentionFeatures:
    """The features of ``event``; ``actor_ids`` maps the readout's actor ids to registry ids."""
    local = [*event.actors, *event.recipients]
    participants = frozenset(actor_ids[a] for a in local if a in actor_ids)
    countries = set()
    for local_id in local:
        actor = readout.actor(local_id)
        if actor is not None and actor.country:
            countries.add(actor.country)
    text = readout.article.text
    sentence = text[event.sentence.start_char : event.sentence.end_char] or event.sentence.text
    date = event.date.value if event.date and event.date.basis is DateBasis.TEXT else None
    return MentionFeatures(
        article_id=readout.article.id,
        event_id=event.id,
        type=event.type.value,
        mode=event.mode,
        status=event.status,
        date=date,
        published=readout.article.published,
        participants=participants,
        countries=frozenset(countries),
        place=_place(readout, event.location),
        words=content_words(sentence),
        summary=event.summary,
        sentence=sentence,
    )


def _place(readout: Readout, place_id: str | None) -> PlaceFeature | None:
    place = readout.place(place_id) if place_id else None
    if place is None:
        return None
    key = f"geo:{place.geonameid}" if place.geonameid else f"name:{fold(place.name)}"
    return PlaceFeature(
        key=key,
        name=place.name,
        country=place.country,
        level=PLACE_LEVEL.get(place.kind, 0),
        lat=place.lat,
        lon=place.lon,
    )


def country_actor_ids(readout: Readout, actor_ids: dict[str, str]) -> frozenset[str]:
    """Registry ids of the readout's country actors (``country/RUS``)."""
    return frozenset(
        actor_ids[a.id] for a in readout.actors if a.kind is ActorKind.COUNTRY and a.id in actor_ids
    )


REGION_REACH_KM = 1200.0
"""How far from a region's point a city may lie and still be taken as inside it."""


def nested(a: list[Any], b: list[Any]) -> bool:
    """Whether one place lies inside the other ([name, country, level, lat, lon] lists).

    A country holds the places that give it as their country; a region the
    places of its country within :data:`REGION_REACH_KM` of its point (when
    both have coordinates). Two places of one level never nest.
    """
    inner, outer = (a, b) if a[2] < b[2] else (b, a)
    if inner[2] == outer[2] or not inner[1] or inner[1] != outer[1]:
        return False
    if outer[2] == 2 or len(inner) < 5 or None in (inner[3], inner[4], outer[3], outer[4]):
        return True
    return _km(inner[3], inner[4], outer[3], outer[4]) <= REGION_REACH_KM


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))
