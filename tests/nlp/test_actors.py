"""Actors of a whole article written for this test, with the constructions of the seed.

The article is the team's own text; its facts are plausible, not reported.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from communique.nlp.actors import ActorEntity
from communique.nlp.coref import actor_at, group_antecedents
from communique.records import ActorKind, MentionKind

pytestmark = pytest.mark.model

ARTICLE = """By Jane Reporter

Russian President Vladimir Putin and U.S. President Donald Trump spoke by telephone on Monday \
for about ninety minutes, according to Kirill Dmitriev, head of the Russian Direct Investment \
Fund (RDIF) and special presidential envoy for investment cooperation.

Putin's aide Yury Ushakov told reporters in Moscow that the two leaders had discussed energy \
prices. The Kremlin later said that a meeting in Budapest was being prepared. Hungarian Prime \
Minister Viktor Orbán welcomed the idea.

White House spokesperson Caroline Leavitt said the U.S. president wanted a later meeting to \
include Ukrainian President Volodymyr Zelensky. Scott Bessent, America's treasury secretary, \
said sanctions would stay in place. Mr Putin did not comment.

In Tokyo, Takaichi Sanae, Japan's prime minister, said she hoped for calm. Ms Takaichi spoke \
after talks between Moscow and Washington resumed.
"""

PEOPLE = {
    "Vladimir Putin": ("RUS", "president"),
    "Donald Trump": ("USA", "president"),
    "Kirill Dmitriev": ("RUS", "head"),
    "Yury Ushakov": ("RUS", "aide"),
    "Viktor Orbán": ("HUN", "minister"),
    "Volodymyr Zelensky": ("UKR", "president"),
    "Caroline Leavitt": ("USA", "spokesperson"),
    "Scott Bessent": ("USA", "secretary"),
    "Takaichi Sanae": ("JPN", "minister"),
}


@pytest.fixture(scope="module")
def doc(nlp: Language) -> Doc:
    doc = nlp.make_doc(ARTICLE)
    doc._.published = "2025-11-03"
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def _people(doc: Doc) -> dict[str, ActorEntity]:
    return {a.name: a for a in doc._.actors if a.kind is ActorKind.PERSON}


def test_every_person_is_found_and_nobody_else(doc: Doc) -> None:
    assert set(_people(doc)) == set(PEOPLE)


@pytest.mark.parametrize(("name", "expected"), sorted(PEOPLE.items()))
def test_person_country_and_title(doc: Doc, name: str, expected: tuple[str, str]) -> None:
    person = _people(doc)[name]
    country, head = expected
    assert person.country == country
    assert head in {role.head for role in person.roles if role.start_char >= 0}


def test_the_us_president_is_trump(doc: Doc) -> None:
    trump = _people(doc)["Donald Trump"]
    descriptors = [m.text for m in trump.mentions if m.kind is MentionKind.DESCRIPTOR]
    assert descriptors == ["the U.S. president"]


def test_mr_putin_joins_vladimir_putin(doc: Doc) -> None:
    putin = _people(doc)["Vladimir Putin"]
    start = ARTICLE.index("Mr Putin") + len("Mr ")
    assert any(m.start_char == start for m in putin.mentions)
    assert putin.kb_id == "person/vladimir-putin"


def test_family_name_first_clusters_with_honorific(doc: Doc) -> None:
    takaichi = _people(doc)["Takaichi Sanae"]
    assert any(m.text == "Takaichi" for m in takaichi.mentions)


def test_the_aide_serves_the_boss(doc: Doc) -> None:
    ushakov = _people(doc)["Yury Ushakov"]
    assert [r.boss for r in ushakov.roles if r.start_char >= 0] == ["Putin"]


def test_the_byline_is_no_actor(doc: Doc) -> None:
    assert not any("Reporter" in a.name for a in doc._.actors)


def test_kremlin_and_capitals_that_act_are_the_states(doc: Doc) -> None:
    states = {a.country: a for a in doc._.actors if a.kind is ActorKind.COUNTRY}
    russia, america = states["RUS"], states["USA"]
    assert {m.text for m in russia.mentions if m.kind is MentionKind.METONYM} >= {
        "Kremlin",
        "Moscow",
    }
    assert "Washington" in {m.text for m in america.mentions}


def test_abbreviation_joins_the_organisation(doc: Doc) -> None:
    fund = next(a for a in doc._.actors if a.kb_id == "org/rdif")
    assert {m.text for m in fund.mentions} >= {"RDIF"}
    assert (fund.country, fund.sector) == ("RUS", "GOV")


def test_the_two_leaders_are_putin_and_trump(doc: Doc) -> None:
    index = next(t.i for t in doc if t.text == "leaders")
    assert {a.name for a in group_antecedents(doc, index)} == {"Vladimir Putin", "Donald Trump"}


def test_actor_at_finds_the_actor_of_a_token(doc: Doc) -> None:
    index = next(t.i for t in doc if t.text == "Leavitt")
    found = actor_at(doc, index)
    assert found is not None and found.name == "Caroline Leavitt"
