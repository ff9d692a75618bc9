"""Topics: lexicon terms matched on lemmas, grouped into readout topics with evidence."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

import communique.nlp.extensions  # noqa: F401  (declares doc._ attributes)
from communique.nlp.topics import find_topics, topic_id, topic_records

_VOCAB = English().vocab


def _doc(words: list[str], lemmas: list[str]) -> Doc:
    return find_topics(Doc(_VOCAB, words=words, lemmas=lemmas))


@pytest.mark.parametrize(
    ("words", "lemmas", "expected"),
    [
        (["Tomahawk", "missiles"], ["Tomahawk", "missile"], [("weapons", "military")] * 2),
        (["new", "tariffs"], ["new", "tariff"], [("trade", "economic")]),
        (
            ["the", "peace", "plan"],
            ["the", "peace", "plan"],
            [("conflict resolution", "diplomatic")],
        ),
        (["a", "quiet", "lunch"], ["a", "quiet", "lunch"], []),
    ],
)
def test_topics_terms_match_on_lemmas(
    words: list[str], lemmas: list[str], expected: list[tuple[str, str]]
) -> None:
    doc = _doc(words, lemmas)
    assert [(m.topic, m.context) for m in doc._.topics] == expected


def test_topics_longest_term_wins() -> None:
    doc = _doc(["peace", "plan"], ["peace", "plan"])
    (mention,) = doc._.topics
    assert (mention.start, mention.end, mention.text) == (0, 2, "peace plan")


def test_topics_records_group_evidence_by_label() -> None:
    doc = _doc(
        ["trade", "and", "tariffs", "and", "missiles"], ["trade", "and", "tariff", "and", "missile"]
    )
    records = {topic.id: topic for topic in topic_records(doc)}
    assert set(records) == {topic_id("trade"), topic_id("weapons")}
    assert [span.text for span in records["topic/trade"].evidence] == ["trade", "tariffs"]
