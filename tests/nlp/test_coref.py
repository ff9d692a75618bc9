"""Descriptors and group references resolved to the article's actors."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from communique.nlp.coref import group_antecedents
from communique.records import MentionKind

pytestmark = pytest.mark.model


def run(nlp: Language, text: str, published: str = "2025-10-20") -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def descriptors(doc: Doc) -> dict[str, list[str]]:
    return {
        a.name: [m.text for m in a.mentions if m.kind is MentionKind.DESCRIPTOR]
        for a in doc._.actors
        if any(m.kind is MentionKind.DESCRIPTOR for m in a.mentions)
    }


@pytest.mark.parametrize(
    ("text", "name", "descriptor"),
    [
        (
            "Vladimir Putin and Donald Trump spoke on Monday. Later the Russian leader praised the talks.",
            "Vladimir Putin",
            "the Russian leader",
        ),
        (
            "Vladimir Putin met envoys in Moscow. Afterwards the Kremlin chief said little.",
            "Vladimir Putin",
            "the Kremlin chief",
        ),
        (
            "Donald Trump met Narendra Modi. America's president then raised tariffs.",
            "Donald Trump",
            "America's president",
        ),
        (
            "Nicolas Sarkozy went to prison. The former president has appealed.",
            "Nicolas Sarkozy",
            "The former president",
        ),
    ],
)
def test_descriptor_resolves_to_the_matching_person(
    nlp: Language, text: str, name: str, descriptor: str
) -> None:
    assert descriptor in descriptors(run(nlp, text)).get(name, [])


def test_a_modified_title_needs_the_same_office(nlp: Language) -> None:
    doc = run(nlp, "Prime Minister Narendra Modi spoke. The defence minister stayed silent.")
    assert descriptors(doc) == {}


def test_a_title_introducing_a_name_is_no_descriptor(nlp: Language) -> None:
    doc = run(nlp, "Volodymyr Zelensky spoke. The finance minister, Serhii Marchenko, agreed.")
    assert "Volodymyr Zelensky" not in descriptors(doc)


def test_another_possessor_is_no_descriptor(nlp: Language) -> None:
    doc = run(nlp, "Donald Trump sued the broadcaster. The BBC's head resigned.")
    assert descriptors(doc) == {}


@pytest.mark.parametrize(
    ("text", "word", "names"),
    [
        (
            "Donald Trump called Vladimir Putin. Both men agreed to meet.",
            "men",
            {"Donald Trump", "Vladimir Putin"},
        ),
        (
            "Russia and Ukraine swapped prisoners. Both sides said more swaps would follow.",
            "sides",
            {"Russia", "Ukraine"},
        ),
        (
            "Emmanuel Macron, Keir Starmer and Friedrich Merz met. The trio agreed to talk weekly.",
            "trio",
            {"Emmanuel Macron", "Keir Starmer", "Friedrich Merz"},
        ),
    ],
)
def test_group_antecedents(nlp: Language, text: str, word: str, names: set[str]) -> None:
    doc = run(nlp, text)
    index = next(t.i for t in doc if t.text == word)
    assert {a.name for a in group_antecedents(doc, index)} == names


def test_group_antecedents_is_empty_for_other_words(nlp: Language) -> None:
    doc = run(nlp, "Donald Trump called Vladimir Putin. The calls were long.")
    index = next(t.i for t in doc if t.text == "calls")
    assert group_antecedents(doc, index) == []
