"""Countries, demonyms, regions and cities by folded name."""

from __future__ import annotations

import pytest

from communique.knowledge.gazetteer import fold, gazetteer


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("The United States", "united states"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("Guinea-Bissau", "guinea bissau"),
        ("Russia’s", "russia"),
    ],
)
def test_fold_normalises_case_accents_apostrophes_and_articles(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("name", "iso3"), [("U.S.", "USA"), ("Britain", "GBR"), ("Türkiye", "TUR"), ("Hungary", "HUN")]
)
def test_country_resolves_names_and_aliases(name: str, iso3: str) -> None:
    country = gazetteer().country(name)
    assert country is not None
    assert country.iso3 == iso3


@pytest.mark.parametrize(
    ("word", "iso3"), [("Hungarian", "HUN"), ("American", "USA"), ("Emirati", "ARE")]
)
def test_demonym_gives_the_country(word: str, iso3: str) -> None:
    assert gazetteer().demonym(word) == iso3


def test_hong_kong_is_in_both_tables_and_the_region_belongs_to_china() -> None:
    gaz = gazetteer()
    region = gaz.region("Hong Kong")
    assert gaz.country("Hong Kong") is not None
    assert region is not None
    assert region.country == "CHN"


def test_cities_are_sorted_by_population() -> None:
    cities = gazetteer().cities("Paris")
    assert cities[0].country == "FRA"
    assert [c.population for c in cities] == sorted((c.population for c in cities), reverse=True)


@pytest.mark.parametrize(
    ("name", "population", "place"),
    [("Kyiv", 50_000, True), ("Putin", 0, False), ("Weimar", 50_000, True)],
)
def test_is_place(name: str, population: int, place: bool) -> None:
    assert gazetteer().is_place(name, population) is place
