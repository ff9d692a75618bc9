"""The Wikidata importer, on a small SPARQL result written for these tests.

``data/wikidata_sample.json`` is invented apart from Putin's QID: placeholder
QIDs (Q1000002xx), a fictional Slovak prime minister and dates after 2030 mark
the made-up parts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.errors import KnowledgeError
from communique.knowledge.wikidata import (
    import_wikidata,
    merge_officeholders,
    position_title,
    read_officeholders,
    write_officeholders,
)

SAMPLE = Path(__file__).parent / "data" / "wikidata_sample.json"


@pytest.fixture(scope="module")
def current() -> list[dict[str, str]]:
    return read_officeholders()


@pytest.fixture(scope="module")
def imported(current: list[dict[str, str]]) -> list[dict[str, str]]:
    return import_wikidata(SAMPLE, current)


def _row(rows: list[dict[str, str]], kb_id: str) -> dict[str, str]:
    return next(row for row in rows if row["kb_id"] == kb_id)


def test_import_keeps_kb_id_found_by_qid(imported: list[dict[str, str]]) -> None:
    putin = _row(imported, "person/vladimir-putin")
    assert putin["wikidata"] == "Q7747"
    assert putin["title"] == "President"
    assert putin["country"] == "RUS"


def test_import_keeps_kb_id_found_by_name(imported: list[dict[str, str]]) -> None:
    assert _row(imported, "person/dmytro-kuleba")["title"] == "Foreign Minister"


def test_import_merges_duplicate_bindings(imported: list[dict[str, str]]) -> None:
    assert sum(1 for row in imported if row["kb_id"] == "person/vladimir-putin") == 1


def test_import_drops_bare_surname_and_name_from_aliases(imported: list[dict[str, str]]) -> None:
    aliases = _row(imported, "person/vladimir-putin")["aliases"].split("|")
    assert "Putin" not in aliases
    assert "V. V. Putin" in aliases
    assert "Exampleova" not in _row(imported, "person/testa-exampleova")["aliases"].split("|")


@pytest.mark.parametrize(
    ("kb_id", "start", "end"),
    [
        ("person/vladimir-putin", "2012-05-07", ""),
        ("person/testa-exampleova", "2030", ""),
        ("person/andrii-sybiha", "2024-09-05", "2031-02"),
    ],
)
def test_import_cuts_dates_to_their_precision(
    imported: list[dict[str, str]], kb_id: str, start: str, end: str
) -> None:
    row = _row(imported, kb_id)
    assert (row["start"], row["end"]) == (start, end)


def test_import_skips_people_without_an_english_label(imported: list[dict[str, str]]) -> None:
    assert not any(row["wikidata"] == "Q100000204" for row in imported)


def test_import_gives_a_namesake_of_another_state_a_new_slug(
    imported: list[dict[str, str]],
) -> None:
    namesake = next(row for row in imported if row["wikidata"] == "Q100000205")
    assert namesake["kb_id"] == "person/pedro-sanchez-prk"
    assert namesake["title"] == "Chairman of the State Affairs Commission"


@pytest.mark.parametrize(
    ("label", "title"),
    [
        ("President of Russia", "President"),
        ("Prime Minister of India", "Prime Minister"),
        ("Minister of Foreign Affairs of Ukraine", "Foreign Minister"),
        ("United States Secretary of State", "Secretary of State"),
        (
            "Secretary of State for Foreign, Commonwealth and Development Affairs",
            "Foreign Secretary",
        ),
        ("Chancellor of Germany", "Chancellor"),
        ("Vice President of the United States", "Vice President"),
        ("Supreme Leader of Iran", "Supreme Leader"),
        ("Grand Duke of Luxembourg", "Grand Duke of Luxembourg"),
    ],
)
def test_position_title_maps_labels_to_generic_titles(label: str, title: str) -> None:
    assert position_title(label) == title


def test_merge_reports_conflicts_instead_of_overwriting(
    current: list[dict[str, str]], imported: list[dict[str, str]]
) -> None:
    merge = merge_officeholders(current, imported)
    sybiha = [row for row in merge.rows if row["kb_id"] == "person/andrii-sybiha"]
    assert [row["end"] for row in sybiha] == [""]
    assert any("person/andrii-sybiha" in conflict for conflict in merge.conflicts)


def test_merge_adds_new_people_and_never_deletes(
    current: list[dict[str, str]], imported: list[dict[str, str]]
) -> None:
    merge = merge_officeholders(current, imported)
    assert len(merge.rows) == len(current) + len(merge.added)
    assert {row["kb_id"] for row in merge.added} >= {
        "person/testa-exampleova",
        "person/pedro-sanchez-prk",
    }


def test_merge_fills_a_missing_qid_and_says_so(
    current: list[dict[str, str]], imported: list[dict[str, str]]
) -> None:
    merge = merge_officeholders(current, imported)
    assert {row["wikidata"] for row in merge.rows if row["kb_id"] == "person/dmytro-kuleba"} == {
        "Q100000201"
    }
    assert any("person/dmytro-kuleba" in note for note in merge.notes)


def test_merge_shares_aliases_across_a_persons_rows(
    current: list[dict[str, str]], imported: list[dict[str, str]]
) -> None:
    merge = merge_officeholders(current, imported)
    aliases = {row["aliases"] for row in merge.rows if row["kb_id"] == "person/vladimir-putin"}
    assert len(aliases) == 1
    assert "V. V. Putin" in next(iter(aliases))


def test_written_table_reads_back(tmp_path: Path, imported: list[dict[str, str]]) -> None:
    path = tmp_path / "officeholders.csv"
    write_officeholders(path, imported)
    assert read_officeholders(path) == imported


def test_import_rejects_a_file_that_is_no_sparql_result(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"rows": []}), encoding="utf-8")
    with pytest.raises(KnowledgeError):
        import_wikidata(path, [])
