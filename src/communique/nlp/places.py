"""Places: geocode GPE/LOC/FAC entities to countries, regions, admin areas and cities.

Every place gets a kind, an ISO3 country, coordinates and a GeoNames id where
the tables have them. Resolution order for a name:

1. a row of both tables (Hong Kong, Macau) is the region row, part of China;
2. a country ("Hungary", "U.S.");
3. a region or admin area ("Eastern Europe", "the Gulf", "Alaska", "Crimea");
4. a city: the most populous of that name, unless a smaller namesake lies in a
   country the article names and the larger is not overwhelmingly bigger, or
   the text itself says where ("Paris, Texas", "Washington, DC").

A capital acting as its government ("Moscow said") is also a state actor
(:mod:`communique.nlp.states`) and stays a place mention here. Only names the
model or the tables found as entities are looked up, so "us" or "chad" in
running text never become places; a direction word in front ("eastern
Ukraine") is dropped for the lookup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from communique.knowledge.gazetteer import City, Gazetteer, gazetteer
from communique.knowledge.metonyms import metonym_country
from communique.records import PlaceKind

_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A big city wins over a small namesake in a mentioned country only when it is this much larger.
_POPULATION_DOMINANCE = 20
_DIRECTIONS = frozenset(
    {"eastern", "western", "northern", "southern", "central", "north", "south", "east", "west"}
    | {"northeastern", "northwestern", "southeastern", "southwestern", "occupied", "mainland"}
)
_FALLBACK_KINDS = {"GPE": PlaceKind.CITY, "LOC": PlaceKind.REGION, "FAC": PlaceKind.SITE}


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
    mentioned = {country.iso3 for ent in spans if (country := gaz.country(place_name(ent)))}
    places: dict[str, PlaceEntity] = {}
    by_start = {ent.start: ent for ent in spans}
    for ent in spans:
        name = place_name(ent)
        if not name[:1].isupper() or metonym_country(name):
            continue  # seats of government ("the Kremlin") are actors, not places
        within = _stated_country(ent, by_start, gaz)
        guess = ent.label_ if len(ent) > 1 or not ent[0].is_sent_start else False
        place = resolve_place(
            name, gaz, {within} if within else mentioned, fallback=guess, strict=within is not None
        )
        if place is None:
            continue
        entity = places.setdefault(place.key, place)
        entity.mentions.append(
            PlaceMention(ent.start, ent.end, ent.start_char, ent.end_char, ent.text)
        )
    doc._.places = list(places.values())
    return doc


def resolve_place(
    name: str,
    gaz: Gazetteer,
    mentioned: set[str],
    *,
    fallback: bool | str = False,
    strict: bool = False,
) -> PlaceEntity | None:
    """The place ``name`` most likely refers to, given the countries the article mentions.

    ``fallback`` (True, or the entity label) keeps an unknown name as a place of
    unknown country; ``strict`` limits cities to the ``mentioned`` countries.
    """
    region, country = gaz.region(name), gaz.country(name)
    if region is not None and (country is None or region.country):
        return _region_place(
            region.name, region.kind, region.country, region.lat, region.lon, region.geonameid
        )
    if country is not None:
        return PlaceEntity(
            key=f"country:{country.iso3}",
            name=country.name,
            kind=PlaceKind.COUNTRY,
            country=country.iso3,
            lat=country.lat,
            lon=country.lon,
            geonameid=country.geonameid,
        )
    if cities := gaz.cities(name):
        if strict:
            cities = [city for city in cities if city.country in mentioned] or cities
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
    if "," in name:  # "Washington, DC", "Kherson, Ukraine"
        return resolve_place(name.split(",")[0].strip(), gaz, mentioned, fallback=fallback)
    if fallback and name[:1].isupper():
        kind = (
            _FALLBACK_KINDS.get(fallback, PlaceKind.REGION)
            if isinstance(fallback, str)
            else PlaceKind.REGION
        )
        return PlaceEntity(key=f"name:{name.lower()}", name=name, kind=kind, country=None)
    return None


def _region_place(
    name: str,
    kind: str,
    country: str | None,
    lat: float | None,
    lon: float | None,
    geonameid: int | None,
) -> PlaceEntity:
    return PlaceEntity(
        key=f"region:{name}",
        name=name,
        kind=PlaceKind.REGION if kind == "region" else PlaceKind.ADMIN,
        country=country,
        lat=lat,
        lon=lon,
        geonameid=geonameid,
    )


def _choose_city(cities: list[City], mentioned: set[str]) -> City:
    largest = cities[0]
    local = [city for city in cities if city.country in mentioned]
    if not local or largest.country in mentioned:
        return largest
    if largest.population > _POPULATION_DOMINANCE * local[0].population:
        return largest
    return local[0]


def _stated_country(ent: Span, by_start: dict[int, Span], gaz: Gazetteer) -> str | None:
    """ "Paris, Texas", "Budapest, Hungary": the country the text puts a city in."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
        return None
    following = by_start.get(ent.end + 1)
    if following is None or following.label_ not in {"GPE", "LOC"}:
        return None
    name = place_name(following)
    if (country := gaz.country(name)) is not None:
        return country.iso3
    region = gaz.region(name)
    return region.country if region is not None and region.kind == "admin" else None


def place_name(ent: Span) -> str:
    """The name to look up: no possessive, no leading direction word ("eastern Ukraine")."""
    words = ent.text.split()
    while len(words) > 1 and words[0] in _DIRECTIONS and words[1][:1].isupper():
        words = words[1:]  # lower-case only: "North Korea" and "East Timor" are names
    text = " ".join(words)
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return text.strip()
