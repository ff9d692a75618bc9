"""Roles and affiliations of named people: hand-parsed Docs first, then the model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from communique.knowledge.gazetteer import gazetteer
from communique.knowledge.titles import titles
from communique.nlp.roles import RoleFinder

VOCAB = spacy.blank("en").vocab


def parsed(words: list[str], heads: list[int], deps: list[str], ents: list[str]) -> Doc:
    pos = ["PROPN" if w[:1].isupper() else "NOUN" for w in words]
    return Doc(VOCAB, words=words, heads=heads, deps=deps, ents=ents, pos=pos)


def roles_of(doc: Doc, name: str) -> list[tuple[str, str | None]]:
    ent = next(ent for ent in doc.ents if ent.text == name)
    roles, _ = RoleFinder(doc, titles(), gazetteer()).find(ent)
    return [(role.title, role.country) for role in roles]


def test_premodifier_title_with_nationality() -> None:
    doc = parsed(
        ["Russian", "President", "Vladimir", "Putin", "spoke", "."],
        [1, 3, 3, 4, 4, 4],
        ["amod", "compound", "compound", "nsubj", "ROOT", "punct"],
        ["B-NORP", "O", "B-PERSON", "I-PERSON", "O", "O"],
    )
    assert roles_of(doc, "Vladimir Putin") == [("President", "RUS")]


def test_premodifier_aide_serves_the_possessor() -> None:
    doc = parsed(
        ["Putin", "'s", "aide", "Yury", "Ushakov", "said", "."],
        [4, 0, 4, 4, 5, 5, 5],
        ["poss", "case", "compound", "compound", "nsubj", "ROOT", "punct"],
        ["B-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "O"],
    )
    ent = next(ent for ent in doc.ents if ent.text == "Yury Ushakov")
    roles, _ = RoleFinder(doc, titles(), gazetteer()).find(ent)
    assert [(r.title, r.boss) for r in roles] == [("aide", "Putin")]


def test_apposition_after_the_name_with_a_possessive_state() -> None:
    doc = parsed(
        ["Scott", "Bessent", ",", "America", "'s", "treasury", "secretary", ",", "said", "."],
        [1, 8, 1, 6, 3, 6, 1, 1, 8, 8],
        [
            "compound",
            "nsubj",
            "punct",
            "poss",
            "case",
            "compound",
            "appos",
            "punct",
            "ROOT",
            "punct",
        ],
        ["B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "O", "O", "O", "O"],
    )
    assert roles_of(doc, "Scott Bessent") == [("treasury secretary", "USA")]


def test_apposition_before_the_name_skips_the_host_country() -> None:
    words = [
        "Ukraine",
        "'s",
        "ambassador",
        "to",
        "the",
        "US",
        ",",
        "Olga",
        "Stefanishyna",
        ",",
        "said",
    ]
    doc = parsed(
        words,
        [2, 0, 10, 2, 5, 3, 2, 8, 2, 2, 10],
        [
            "poss",
            "case",
            "nsubj",
            "prep",
            "det",
            "pobj",
            "punct",
            "compound",
            "appos",
            "punct",
            "ROOT",
        ],
        ["B-GPE", "O", "O", "O", "O", "B-GPE", "O", "B-PERSON", "I-PERSON", "O", "O"],
    )
    assert roles_of(doc, "Olga Stefanishyna") == [("ambassador to the US", "UKR")]


def test_country_without_a_title_is_an_affiliation() -> None:
    doc = parsed(
        ["France", "'s", "Emmanuel", "Bonne", "spoke"],
        [3, 0, 3, 4, 4],
        ["poss", "case", "compound", "nsubj", "ROOT"],
        ["B-GPE", "O", "B-PERSON", "I-PERSON", "O"],
    )
    ent = next(ent for ent in doc.ents if ent.label_ == "PERSON")
    roles, affiliations = RoleFinder(doc, titles(), gazetteer()).find(ent)
    assert roles == []
    assert [(a.country, a.rank) for a in affiliations] == [("FRA", 1)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "name", "head", "country"),
    [
        (
            "White House spokesperson Caroline Leavitt said the call went well.",
            "Caroline Leavitt",
            "spokesperson",
            "USA",
        ),
        (
            "US Secretary of State Marco Rubio flew to Geneva on Sunday.",
            "Marco Rubio",
            "secretary",
            "USA",
        ),
        (
            "The talks were led by Chinese vice premier He Lifeng and others.",
            "He Lifeng",
            "premier",
            "CHN",
        ),
        (
            "Kirill Dmitriev, head of the Russian Direct Investment Fund (RDIF), praised the talks.",
            "Kirill Dmitriev",
            "head",
            "RUS",
        ),
        (
            "Ekrem Imamoglu, the mayor of Istanbul, was detained in March.",
            "Ekrem Imamoglu",
            "mayor",
            "TUR",
        ),
        (
            "The retirement of Wang Qishan as China's vice-president closed a channel.",
            "Wang Qishan",
            "president",
            "CHN",
        ),
    ],
)
def test_model_roles(nlp, sentence: str, name: str, head: str, country: str) -> None:
    doc = nlp(sentence)
    person = next(a for a in doc._.actors if a.name == name or a.name.endswith(name.split()[-1]))
    assert any(role.head == head and role.country == country for role in person.roles)
    assert person.country == country


@pytest.mark.model
def test_model_plural_title_is_shared_by_country_order(nlp) -> None:
    doc = nlp(
        "The meeting between the US and Russian presidents, Donald Trump and Vladimir Putin, ended."
    )
    countries = {a.name: [r.country for r in a.roles if r.start_char >= 0] for a in doc._.actors}
    assert countries["Donald Trump"] == ["USA"]
    assert countries["Vladimir Putin"] == ["RUS"]
