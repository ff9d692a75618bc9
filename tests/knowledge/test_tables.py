"""The bundled knowledge tables keep the rules data/KNOWLEDGE.md states."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from communique.knowledge.gazetteer import fold, gazetteer
from communique.knowledge.registry import OFFICEHOLDER_COLUMNS, ORGANIZATION_COLUMNS
from communique.knowledge.tables import read_rows, split_list

AS_OF = "2025-12-01"
SECTORS = frozenset(
    {"GOV", "MIL", "IGO", "LEG", "JUD", "SPY", "COP", "REB", "PRM", "PTY", "OPP", "ELI", "BUS"}
    | {"MED", "REL", "CVL", "EDU"}
)
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PARTICLES = ("von ", "van ", "de ", "da ", "al-", "el-", "bin ", "ibn ")


@pytest.fixture(scope="module")
def people() -> list[dict[str, str]]:
    return list(read_rows("officeholders.csv", OFFICEHOLDER_COLUMNS))


@pytest.fixture(scope="module")
def organizations() -> list[dict[str, str]]:
    return list(read_rows("organizations.csv", ORGANIZATION_COLUMNS))


def test_officeholder_countries_sectors_and_dates_are_valid(people: list[dict[str, str]]) -> None:
    codes = set(gazetteer().countries)
    for row in people:
        assert not row["country"] or row["country"] in codes, row
        assert row["sector"] in SECTORS, row
        for day in (row["start"], row["end"]):
            assert not day or (DATE.match(day) and day <= AS_OF), row
        size = min(len(row["start"]), len(row["end"]))  # "2025" covers all of 2025
        assert not size or row["end"][:size] >= row["start"][:size], row


def test_officeholder_key_is_unique(people: list[dict[str, str]]) -> None:
    keys = [(row["kb_id"], row["title"], row["start"]) for row in people]
    assert len(keys) == len(set(keys))


def test_identity_is_the_same_on_every_row_of_a_person(people: list[dict[str, str]]) -> None:
    identity: dict[str, tuple[str, str, str]] = {}
    for row in people:
        found = (row["name"], row["aliases"], row["wikidata"])
        assert identity.setdefault(row["kb_id"], found) == found, row["kb_id"]


def test_no_qid_or_name_belongs_to_two_people(people: list[dict[str, str]]) -> None:
    qids: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    for row in people:
        if row["wikidata"]:
            qids[row["wikidata"]].add(row["kb_id"])
        for name in (row["name"], *split_list(row["aliases"])):
            names[fold(name)].add(row["kb_id"])
    assert [q for q, owners in qids.items() if len(owners) > 1] == []
    assert [n for n, owners in names.items() if len(owners) > 1] == []


def test_no_alias_is_the_bare_surname(people: list[dict[str, str]]) -> None:
    for row in people:
        name = row["name"]
        surname = name.split()[-1]
        compound = next((name[name.index(p) :] for p in PARTICLES if p in name), None)
        for alias in split_list(row["aliases"]):
            assert alias not in {surname, compound}, (row["kb_id"], alias)


def test_officeholder_organizations_are_listed(
    people: list[dict[str, str]], organizations: list[dict[str, str]]
) -> None:
    names = {row["name"] for row in organizations}
    assert {row["organization"] for row in people if row["organization"]} <= names


def test_organization_ids_and_aliases_are_unique(organizations: list[dict[str, str]]) -> None:
    ids = [row["kb_id"] for row in organizations]
    assert len(ids) == len(set(ids))
    owners: dict[str, set[str]] = defaultdict(set)
    codes = set(gazetteer().countries)
    for row in organizations:
        assert row["sector"] in SECTORS and (not row["country"] or row["country"] in codes), row
        for name in (row["name"], *split_list(row["aliases"])):
            owners[fold(name)].add(row["kb_id"])
    assert [n for n, found in owners.items() if len(found) > 1] == []


def test_titles_and_metonyms_are_well_formed() -> None:
    for row in read_rows("titles.csv", ("title", "head", "sector")):
        assert row["head"] and row["sector"] in SECTORS, row
    codes = set(gazetteer().countries)
    for row in read_rows("metonyms.csv", ("name", "aliases", "country")):
        assert row["country"] in codes, row
