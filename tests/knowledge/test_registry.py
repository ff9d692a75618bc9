"""Office holders and organisations from the bundled tables."""

from __future__ import annotations

import pytest

from communique.knowledge.registry import registry


@pytest.mark.parametrize(
    ("name", "kb_id"),
    [
        ("Vladimir Putin", "person/vladimir-putin"),
        ("Zelenskyy", "person/volodymyr-zelensky"),
        ("Yuri Ushakov", "person/yury-ushakov"),
        ("Caroline Leavitt", "person/karoline-leavitt"),
        ("Takaichi Sanae", "person/sanae-takaichi"),
        ("Orban", "person/viktor-orban"),
    ],
)
def test_person_resolves_names_aliases_and_name_order(name: str, kb_id: str) -> None:
    found = registry().person(name)
    assert found is not None
    assert found.kb_id == kb_id


@pytest.mark.parametrize(
    ("name", "kb_id"),
    [
        ("Sergej Lavrov", "person/sergei-lavrov"),
        ("Volodimyr Zelenski", "person/volodymyr-zelensky"),
    ],
)
def test_closest_person_accepts_transliterations(name: str, kb_id: str) -> None:
    found = registry().closest_person(name)
    assert found is not None
    assert found.kb_id == kb_id


def test_closest_person_refuses_a_different_surname() -> None:
    assert registry().closest_person("Vladimir Rutin") is None


@pytest.mark.parametrize(
    ("kb_id", "surnames"),
    [("person/xi-jinping", {"xi", "jinping"}), ("person/donald-trump", {"trump"})],
)
def test_surnames_include_the_family_name_of_east_asian_names(
    kb_id: str, surnames: set[str]
) -> None:
    person = next(p for p in registry().people if p.kb_id == kb_id)
    assert person.surnames == surnames


@pytest.mark.parametrize(
    ("day", "title", "held"),
    [
        ("2024-06-01", "President", True),
        ("2025-06-01", "President", False),
    ],
)
def test_office_on_follows_the_publication_date(day: str, title: str, held: bool) -> None:
    biden = registry().person("Joe Biden")
    assert biden is not None
    office = biden.office_on(day)
    assert office is not None
    assert office.title == title
    assert office.held_on(day) is held


def test_in_office_is_false_for_a_former_leader() -> None:
    merkel = registry().person("Angela Merkel")
    assert merkel is not None
    assert not merkel.in_office("2025-11-27")
    assert merkel.country == "DEU"


def test_person_forms_leave_out_bare_surnames() -> None:
    forms = {
        form for form, person in registry().person_forms() if person.kb_id == "person/donald-trump"
    }
    assert "Donald Trump" in forms
    assert "Trump" not in forms


@pytest.mark.parametrize(
    ("name", "country", "sector"),
    [
        ("RDIF", "RUS", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("Nvidia", "USA", "BUS"),
        ("NATO", None, "IGO"),
    ],
)
def test_organization_gives_country_and_sector(name: str, country: str | None, sector: str) -> None:
    found = registry().organization(name)
    assert found is not None
    assert (found.country, found.sector) == (country, sector)
