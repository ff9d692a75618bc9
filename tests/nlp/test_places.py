"""Geocoding place names: countries, regions, admin areas, cities and context."""

from __future__ import annotations

import pytest

from communique.knowledge.gazetteer import gazetteer
from communique.nlp.places import resolve_place
from communique.records import PlaceKind


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [
        ("Hungary", PlaceKind.COUNTRY, "HUN"),
        ("U.S.", PlaceKind.COUNTRY, "USA"),
        ("Eastern Europe", PlaceKind.REGION, None),
        ("the Gulf", PlaceKind.REGION, None),
        ("Alaska", PlaceKind.ADMIN, "USA"),
        ("Crimea", PlaceKind.ADMIN, "UKR"),
        ("Budapest", PlaceKind.CITY, "HUN"),
        ("Washington", PlaceKind.CITY, "USA"),
        ("Moscow", PlaceKind.CITY, "RUS"),
    ],
)
def test_resolve_place_gives_kind_and_country(
    name: str, kind: PlaceKind, country: str | None
) -> None:
    place = resolve_place(name, gazetteer(), set())
    assert place is not None
    assert (place.kind, place.country) == (kind, country)


def test_hong_kong_resolves_to_the_region_of_china() -> None:
    place = resolve_place("Hong Kong", gazetteer(), set())
    assert place is not None
    assert (place.kind, place.country) == (PlaceKind.ADMIN, "CHN")


def test_cities_carry_coordinates_and_geonames_ids() -> None:
    place = resolve_place("Budapest", gazetteer(), set())
    assert place is not None
    assert place.geonameid == 3054643
    assert place.lat is not None and 47 < place.lat < 48


def test_a_much_larger_city_wins_over_a_namesake_in_a_mentioned_country() -> None:
    place = resolve_place("Paris", gazetteer(), {"USA"})
    assert place is not None
    assert place.country == "FRA"


def test_strict_context_picks_the_namesake_the_text_places() -> None:
    place = resolve_place("Paris", gazetteer(), {"USA"}, strict=True)
    assert place is not None
    assert place.country == "USA"


def test_a_name_with_its_district_resolves_to_the_city() -> None:
    place = resolve_place("Washington, DC", gazetteer(), set())
    assert place is not None
    assert (place.name, place.country) == ("Washington", "USA")


@pytest.mark.parametrize("name", ["Gotham Heights", "Qwxyville"])
def test_unknown_names_are_places_only_with_a_fallback(name: str) -> None:
    assert resolve_place(name, gazetteer(), set()) is None
    fallback = resolve_place(name, gazetteer(), set(), fallback="FAC")
    assert fallback is not None
    assert (fallback.kind, fallback.country) == (PlaceKind.SITE, None)


@pytest.mark.model
def test_model_places_of_an_article(nlp) -> None:
    doc = nlp(
        "Talks between Moscow and Washington resumed in Budapest, Hungary, while shelling hit "
        "eastern Ukraine. The Kremlin said it was ready. Analysts in Hong Kong were doubtful, "
        "but us diplomats in Chad said little about turkey prices."
    )
    places = {p.name: (p.kind, p.country) for p in doc._.places}
    assert places["Moscow"] == (PlaceKind.CITY, "RUS")
    assert places["Washington"] == (PlaceKind.CITY, "USA")
    assert places["Budapest"] == (PlaceKind.CITY, "HUN")
    assert places["Ukraine"] == (PlaceKind.COUNTRY, "UKR")
    assert places["Hong Kong"] == (PlaceKind.ADMIN, "CHN")
    assert "Turkey" not in places and "United States" not in places
    assert "Kremlin" not in places


@pytest.mark.model
def test_model_capitals_that_act_are_places_and_states(nlp) -> None:
    doc = nlp("Preparations for contacts between Moscow and Washington are under way.")
    states = {a.country for a in doc._.actors if a.kind.value == "country"}
    assert states == {"RUS", "USA"}
    assert {p.name for p in doc._.places} == {"Moscow", "Washington"}
