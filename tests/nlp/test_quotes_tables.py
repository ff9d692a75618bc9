"""The cue and channel tables: well formed, and read the way the rules expect."""

from __future__ import annotations

import pytest
import spacy

from communique.knowledge.tables import read_rows
from communique.nlp.quotes.channels import channels
from communique.nlp.quotes.cues import CueKind, lexicon, speaker_nouns

_NLP = spacy.blank("en")


def test_quotes_speech_verbs_rows_are_valid() -> None:
    seen: set[tuple[str, str]] = set()
    for row in read_rows("speech_verbs.csv", ("cue", "pos", "kind", "strength")):
        assert CueKind(row["kind"])
        assert row["strength"] in {"strong", "weak"}
        assert row["pos"] in {"VERB", "NOUN", "ADP"}
        key = (row["cue"], row["pos"])
        assert key not in seen, f"{key} listed twice"
        seen.add(key)


def test_quotes_speaker_nouns_have_known_kinds() -> None:
    assert set(speaker_nouns()) == {"source", "body", "term"}


@pytest.mark.parametrize(
    ("phrase", "channel"),
    [
        ("on social media platform X.", "X"),
        ("on Twitter", "X"),
        ("in a post on Telegram", "Telegram"),
        ("on Truth Social", "Truth Social"),
        ("in a joint statement", "statement"),
        ("at a news conference in Kyiv", "press conference"),
        ("in an interview with the BBC", "interview"),
        ("on state television", "television"),
        ("on social media", "social media"),
        ("in a letter to x", None),
        ("on Monday", None),
    ],
)
def test_quotes_channel_table_finds_the_most_specific(phrase: str, channel: str | None) -> None:
    assert channels().find(list(_NLP(phrase))) == channel


def test_quotes_phrasal_cue_needs_its_second_word() -> None:
    lex = lexicon()
    doc = _NLP.make_doc("They point to it and point out that it works")
    for token, lemma, pos in zip(
        doc,
        ["they", "point", "to", "it", "and", "point", "out", "that", "it", "work"],
        ["PRON", "VERB", "ADP", "PRON", "CCONJ", "VERB", "ADP", "SCONJ", "PRON", "VERB"],
        strict=True,
    ):
        token.lemma_, token.pos_ = lemma, pos
    doc[6].head, doc[6].dep_ = doc[5], "prt"
    assert lex.verb(doc[1]) is None
    cue = lex.verb(doc[5])
    assert cue is not None and cue.particle == "out"
