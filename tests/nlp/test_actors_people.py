"""People of hand-built Docs: clustering, bylines, names the model invents."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from communique.knowledge.gazetteer import gazetteer
from communique.knowledge.registry import registry
from communique.knowledge.titles import titles
from communique.nlp import extensions  # noqa: F401  (registers doc._.published)
from communique.nlp.affiliations import CountryContext, settle_people
from communique.nlp.people import find_people
from communique.nlp.roles import RoleFinder

VOCAB = spacy.blank("en").vocab


def flat(words: list[str], ents: list[str], spaces: list[bool] | None = None) -> Doc:
    """A Doc whose tokens all hang off the first (enough for clustering and filters)."""
    pos = ["PROPN" if w[:1].isupper() else "NOUN" for w in words]
    sent_starts = [i == 0 or w == "\n" or words[i - 1] in {".", "\n"} for i, w in enumerate(words)]
    return Doc(VOCAB, words=words, spaces=spaces, ents=ents, pos=pos, sent_starts=sent_starts)


def names(doc: Doc) -> set[str]:
    people = find_people(doc, RoleFinder(doc, titles(), gazetteer()), registry())
    return {person.name for person in settle_people(doc, people, registry(), "2025-10-23")}


def test_surname_and_honorific_forms_cluster_with_the_full_name() -> None:
    words = ["Xi", "Jinping", "met", "aides", ".", "Mr", "Xi", "left", "."]
    doc = flat(words, ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-PERSON", "O", "O"])
    people = find_people(doc, RoleFinder(doc, titles(), gazetteer()), registry())
    assert [(p.name, len(p.mentions)) for p in people] == [("Xi Jinping", 2)]


def test_a_byline_names_no_actor() -> None:
    words = ["By", "Jane", "Doe", "\n", "Olga", "Stefanishyna", "spoke", "."]
    spaces = [True, True, False, False, True, True, False, False]
    doc = flat(words, ["O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O"], spaces)
    assert names(doc) == {"Olga Stefanishyna"}


def test_an_unknown_one_word_name_without_any_sign_of_a_person_is_dropped() -> None:
    words = ["Turnout", "was", "low", "."]
    assert names(flat(words, ["B-PERSON", "O", "O", "O"])) == set()


def test_a_known_surname_alone_is_kept_and_named_in_full() -> None:
    words = ["Zelensky", "was", "in", "Washington", "."]
    assert names(flat(words, ["B-PERSON", "O", "O", "B-GPE", "O"])) == {"Volodymyr Zelensky"}


def test_transliterations_resolve_to_one_known_person() -> None:
    words = ["Volodymyr", "Zelenskyy", "and", "Volodymyr", "Zelensky", "."]
    doc = flat(words, ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O"])
    people = settle_people(
        doc, find_people(doc, RoleFinder(doc, titles(), gazetteer()), registry()), registry(), None
    )
    assert [(p.kb_id, len(p.mentions)) for p in people] == [("person/volodymyr-zelensky", 2)]


def test_the_table_fills_country_sector_and_a_former_office() -> None:
    words = ["Angela", "Merkel", "spoke", "."]
    doc = flat(words, ["B-PERSON", "I-PERSON", "O", "O"])
    people = find_people(doc, RoleFinder(doc, titles(), gazetteer()), registry())
    merkel = settle_people(doc, people, registry(), "2025-11-27")[0]
    assert (merkel.country, merkel.sector) == ("DEU", "ELI")
    assert [r.title for r in merkel.roles] == ["former Chancellor"]


def test_country_context_prefers_the_sentence_of_the_name() -> None:
    words = [
        "In",
        "Bolivia",
        ",",
        "Rodrigo",
        "Ramos",
        "won",
        ".",
        "Argentina",
        "and",
        "Argentina",
        "voted",
        ".",
    ]
    ents = ["O", "B-GPE", "O", "B-PERSON", "I-PERSON", "O", "O", "B-GPE", "O", "B-GPE", "O", "O"]
    doc = flat(words, ents)
    assert CountryContext(doc).near(doc[3].idx) == "BOL"
