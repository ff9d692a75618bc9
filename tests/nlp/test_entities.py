"""The entities component on hand-built Docs: tidying, known names, label repairs."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from communique.knowledge.gazetteer import gazetteer
from communique.knowledge.registry import registry
from communique.nlp import extensions  # noqa: F401  (registers doc._.published)
from communique.nlp.entities import EntityRefiner
from communique.nlp.known_names import KnownKind, KnownNames

# English lexical attributes (is_alpha, like_num …) come with the language's vocab.
VOCAB = spacy.blank("en").vocab


def make_doc(
    words: list[str],
    ents: list[str],
    pos: list[str] | None = None,
    tags: list[str] | None = None,
    text_spaces: list[bool] | None = None,
) -> Doc:
    return Doc(
        VOCAB,
        words=words,
        spaces=text_spaces,
        pos=pos or ["PROPN" if w[:1].isupper() else "NOUN" for w in words],
        tags=tags or ["NNP" if w[:1].isupper() else "NN" for w in words],
        ents=ents,
        sent_starts=[True] + [False] * (len(words) - 1),
    )


def labelled(doc: Doc) -> list[tuple[str, str]]:
    return [(ent.text, ent.label_) for ent in doc.ents]


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


@pytest.fixture(scope="module")
def known(blank: Language) -> KnownNames:
    return KnownNames(blank, registry(), gazetteer())


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        (
            ["in", "the", "United", "States"],
            ["O", "B-GPE", "I-GPE", "I-GPE"],
            [("United States", "GPE")],
        ),
        (["Mr", "Putin", "spoke"], ["B-PERSON", "I-PERSON", "O"], [("Putin", "PERSON")]),
        (
            ["President", "Putin", "'s", "aide"],
            ["B-PERSON", "I-PERSON", "I-PERSON", "O"],
            [("Putin", "PERSON")],
        ),
        (
            ["Minister", "for", "the", "Middle", "East", "Tobias", "Ellwood"],
            ["O", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON"],
            [("Tobias Ellwood", "PERSON")],
        ),
        (
            ["Russian", "President", "Vladimir", "Putin"],
            ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON"],
            [("Vladimir Putin", "PERSON")],
        ),
    ],
)
def test_tidy_trims_articles_honorifics_titles_and_possessives(
    words: list[str], ents: list[str], expected: list[tuple[str, str]]
) -> None:
    assert labelled(EntityRefiner()(make_doc(words, ents))) == expected


def test_tidy_cuts_an_entity_at_a_line_break() -> None:
    doc = make_doc(
        ["Moscow", "\n\n", "Budapest"],
        ["B-GPE", "I-GPE", "I-GPE"],
        text_spaces=[False, False, False],
    )
    assert labelled(EntityRefiner()(doc)) == [("Moscow", "GPE"), ("Budapest", "GPE")]


@pytest.mark.parametrize(
    ("words", "ents", "tags"),
    [
        (["Tomahawks", "were", "discussed"], ["B-PERSON", "O", "O"], ["NNPS", "VBD", "VBN"]),
        (["Brexit", "hurt", "trade"], ["B-PERSON", "O", "O"], ["NNP", "VBD", "NN"]),
        (["the", "G8", "met"], ["O", "B-PERSON", "O"], ["DT", "NNP", "VBD"]),
        (
            ["the", "nickname", "“", "Merkozy", "”"],
            ["O", "O", "O", "B-PERSON", "O"],
            ["DT", "NN", "``", "NNP", "''"],
        ),
    ],
)
def test_non_persons_are_dropped(words: list[str], ents: list[str], tags: list[str]) -> None:
    doc = EntityRefiner()(make_doc(words, ents, tags=tags))
    assert not [ent for ent in doc.ents if ent.label_ == "PERSON"]


def test_a_nationality_tagged_person_becomes_norp() -> None:
    doc = EntityRefiner()(make_doc(["a", "Briton", "died"], ["O", "B-PERSON", "O"]))
    assert labelled(doc) == [("Briton", "NORP")]


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        (["Kyiv", "was", "hit"], ["B-PERSON", "O", "O"], [("Kyiv", "GPE")]),
        (["Donbas", "is", "contested"], ["B-PERSON", "O", "O"], [("Donbas", "GPE")]),
        (["Mr", "Petro", "said"], ["B-ORG", "I-ORG", "O"], [("Petro", "PERSON")]),
    ],
)
def test_labels_are_repaired_from_the_tables(
    words: list[str], ents: list[str], expected: list[tuple[str, str]]
) -> None:
    assert labelled(EntityRefiner()(make_doc(words, ents))) == expected


def test_a_surname_is_a_person_wherever_it_recurs() -> None:
    words = [
        "Dan",
        "Driscoll",
        "met",
        "officials",
        ".",
        "Driscoll",
        "left",
        "and",
        "Driscoll",
        "returned",
    ]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "B-ORG", "O", "O", "O", "O"]
    doc = EntityRefiner()(make_doc(words, ents))
    assert [(e.start, e.label_) for e in doc.ents] == [(0, "PERSON"), (5, "PERSON"), (8, "PERSON")]


def test_an_abbreviation_in_parentheses_is_the_organisation() -> None:
    words = ["the", "Russian", "Direct", "Investment", "Fund", "(", "RDIF", ")", "and", "RDIF"]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O"]
    doc = EntityRefiner()(make_doc(words, ents))
    assert ("RDIF", "ORG") in labelled(doc)
    assert sum(1 for e in doc.ents if e.text == "RDIF") == 2


def test_two_people_joined_by_a_hyphen_are_split() -> None:
    words = [
        "Donald",
        "Trump",
        "and",
        "Vladimir",
        "Putin",
        "planned",
        "a",
        "Trump",
        "-",
        "Putin",
        "summit",
    ]
    ents = [
        "B-PERSON",
        "I-PERSON",
        "O",
        "B-PERSON",
        "I-PERSON",
        "O",
        "O",
        "B-PERSON",
        "I-PERSON",
        "I-PERSON",
        "O",
    ]
    doc = EntityRefiner()(make_doc(words, ents))
    assert [e.text for e in doc.ents if e.start >= 7] == ["Trump", "Putin"]


def test_known_names_match_case_sensitively(blank: Language, known: KnownNames) -> None:
    doc = blank("J.D. Vance and KYIV and Turkey, not turkey or us.")
    found = {(doc[m.start : m.end].text, m.kind) for m in known(doc)}
    assert ("J.D. Vance", KnownKind.PERSON) in found
    assert ("KYIV", KnownKind.CITY) in found
    assert ("Turkey", KnownKind.COUNTRY) in found
    assert not any(text in {"turkey", "us"} for text, _ in found)


def test_known_names_fix_a_person_the_model_called_an_organisation(
    blank: Language, known: KnownNames
) -> None:
    words = ["Shabana", "Mahmood", ",", "the", "home", "secretary", ",", "insisted"]
    doc = make_doc(words, ["B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"])
    assert labelled(EntityRefiner(known)(doc)) == [("Shabana Mahmood", "PERSON")]


def test_known_names_keep_a_country_that_opens_a_longer_name(
    blank: Language, known: KnownNames
) -> None:
    doc = make_doc(["Jordan", "Bardella", "spoke"], ["O", "O", "O"])
    assert not any(ent.label_ == "GPE" for ent in EntityRefiner(known)(doc).ents)


def test_a_results_table_line_makes_city_sides_clubs() -> None:
    words = ["Newport", "29", "Caerphilly", "10"]
    doc = make_doc(
        words,
        ["B-GPE", "O", "B-GPE", "O"],
        pos=["PROPN", "NUM", "PROPN", "NUM"],
        tags=["NNP", "CD", "NNP", "CD"],
    )
    assert labelled(EntityRefiner()(doc)) == [("Newport", "ORG"), ("Caerphilly", "ORG")]
