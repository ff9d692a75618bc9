import pytest

from communique.evaluation.matching import (
    Name,
    coverage,
    furniture_probe,
    names_match,
    normalise,
    title_heads,
    titles_match,
)


@pytest.mark.parametrize(
    ("gold", "system", "expected"),
    [
        (Name("Vladimir Putin"), "President Putin", True),
        (Name("Vladimir Putin"), "Russian President Vladimir Putin", True),
        (Name("Recep Tayyip Erdoğan"), "Erdogan", True),
        (Name("Luís Montenegro"), "Mr Montenegro", True),
        (Name("Kirill Dmitriev"), "Dmitriev’s", True),
        (Name("Kaja Kallas", aliases=("the EU's top diplomat",)), "the EU's top diplomat", True),
        (Name("Donald Trump"), "Donald Tusk", False),
        (Name("Vladimir Putin"), "President", False),
        (Name("Vladimir Putin"), None, False),
        (Name("the Kremlin", kind="organization"), "Kremlin", True),
        (Name("European Union", kind="organization"), "Union", False),
        (Name("European Union", kind="organization", aliases=("EU",)), "EU", True),
        (Name("Canada", kind="country", country="CAN"), "Canada", True),
    ],
)
def test_names_match_follows_the_guidelines(gold, system, expected):
    assert names_match(gold, system) is expected


@pytest.mark.parametrize(
    ("title", "heads"),
    [
        ("U.S. Special Envoy", {"envoy"}),
        ("Foreign Minister", {"minister"}),
        ("head of the Russian Direct Investment Fund", {"head"}),
        ("White House press secretary", {"secretary"}),
        ("Pope", {"pope"}),
    ],
)
def test_title_heads_are_the_office_words(title, heads):
    assert title_heads(title) == heads


@pytest.mark.parametrize(
    ("gold", "system", "expected"),
    [
        (["President"], ["U.S. President"], True),
        (["Prime Minister"], ["Minister of Foreign Affairs"], True),
        (["special presidential envoy"], ["aide"], False),
        (["President"], [], False),
    ],
)
def test_titles_match_on_head_words(gold, system, expected):
    assert titles_match(gold, system) is expected


@pytest.mark.parametrize(
    ("gold", "system", "share"),
    [
        ("we will meet in Ottawa", "We will meet in Ottawa.", 1.0),
        ("we will meet in Ottawa soon", "we will", 2 / 6),
        ("talks went well", "", 0.0),
    ],
)
def test_coverage_is_the_share_of_gold_words(gold, system, share):
    assert coverage(gold, system) == pytest.approx(share)


def test_normalise_drops_diacritics_case_and_possessives():
    assert normalise("Erdoğan’s U.S. visit") == "erdogan u s  visit"


def test_furniture_probe_is_forty_characters_with_collapsed_spaces():
    assert (
        furniture_probe("Photo:   Example\nPress " + "x" * 50)
        == ("Photo: Example Press " + "x" * 50)[:40]
    )
