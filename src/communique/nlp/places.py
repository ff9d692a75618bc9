"""Places: geocode GPE/LOC/FAC entities to countries, regions and cities.

A city name is resolved to the most populous city of that name, unless a
smaller one lies in a country the article mentions and the larger does not
("Paris" in an article about Texas stays Paris, France only when France or no
competing country is named). Mentions of the same place are merged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from communique.knowledge.gazetteer import City, Gazetteer, gazetteer
from communique.records import PlaceKind

_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A big city wins over a small namesake in a mentioned country only when it is this much larger.
_POPULATION_DOMINANCE = 20


@dataclass(slots=True)
class PlaceMention:
    start: int
    end: int
    start_char: int
    end_char: int
    text: str


@dataclass(slots=True)
class PlaceEntity:
    key: str
    name: str
    kind: PlaceKind
    country: str | None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    mentions: list[PlaceMention] = field(default_factory=list)


@Language.component(
    "communique_places",
    requires=["doc.ents"],
    assigns=["doc._.places"],
)
def find_places(doc: Doc) -> Doc:
    gaz = gazetteer()
    spans = [ent for ent in doc.ents if ent.label_ in _LABELS]
    mentioned = {country.iso3 for ent in spans if (country := gaz.country(_name(ent)))}
    places: dict[str, PlaceEntity] = {}
    for ent in spans:
        place = resolve_place(_name(ent), gaz, mentioned, fallback=ent.label_ == "GPE")
        if place is None:
            continue
        entity = places.setdefault(place.key, place)
        entity.mentions.append(PlaceMention(ent.start, ent.end, ent.start_char, ent.end_char, ent.text))
    doc._.places = list(places.values())
    return doc


def resolve_place(
    name: str, gaz: Gazetteer, mentioned: set[str], *, fallback: bool = False
) -> PlaceEntity | None:
    """The place ``name`` most likely refers to, given the countries the article mentions."""
    if country := gaz.country(name):
        return PlaceEntity(
            key=f"country:{country.iso3}",
            name=country.name,
            kind=PlaceKind.COUNTRY,
            country=country.iso3,
            lat=country.lat,
            lon=country.lon,
            geonameid=country.geonameid,
        )
    if region := gaz.region(name):
        kind = PlaceKind.REGION if region.kind == "region" else PlaceKind.ADMIN
        return PlaceEntity(
            key=f"region:{region.name}",
            name=region.name,
            kind=kind,
            country=region.country,
            lat=region.lat,
            lon=region.lon,
            geonameid=region.geonameid,
        )
    if cities := gaz.cities(name):
        city = _choose_city(cities, mentioned)
        return PlaceEntity(
            key=f"city:{city.geonameid}",
            name=city.name,
            kind=PlaceKind.CITY,
            country=city.country,
            lat=city.lat,
            lon=city.lon,
            geonameid=city.geonameid,
        )
    if fallback and name[:1].isupper():
        return PlaceEntity(key=f"name:{name.lower()}", name=name, kind=PlaceKind.REGION, country=None)
    return None


def _choose_city(cities: list[City], mentioned: set[str]) -> City:
    largest = cities[0]
    local = [city for city in cities if city.country in mentioned]
    if not local or largest.country in mentioned:
        return largest
    if largest.population > _POPULATION_DOMINANCE * local[0].population:
        return largest
    return local[0]


def _name(ent: Span) -> str:
    text = ent.text
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return text.strip()
