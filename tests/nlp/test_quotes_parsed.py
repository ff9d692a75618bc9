"""Quotes on hand-parsed Docs: the rules without the statistical model.

Each sentence is written out with the parse the English model gives it (or
should), so that the tests pin the rules, not the model.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
import spacy
from spacy.tokens import Doc

from communique.nlp import extensions  # noqa: F401  (declares doc._.quotes)
from communique.nlp.actors import ActorEntity, ActorMention
from communique.nlp.quotes import QuoteMention, find_quotes
from communique.records import ActorKind, QuoteKind

# word, lemma, pos, tag, dep, head (absolute index)
Row = tuple[str, str, str, str, str, int]
_NO_SPACE_BEFORE = {",", ".", "”", ":", "'s", "’s"}
_NO_SPACE_AFTER = {"“"}
# English lexical attributes (is_punct …) without any trained pipeline.
_VOCAB = spacy.blank("en").vocab


def parsed(rows: Sequence[Row], people: dict[str, tuple[int, int]] | None = None) -> Doc:
    """A Doc with the given parse, and person actors over the given token ranges."""
    words = [row[0] for row in rows]
    spaces = [
        i + 1 < len(words)
        and words[i + 1] not in _NO_SPACE_BEFORE
        and words[i] not in _NO_SPACE_AFTER
        for i in range(len(words))
    ]
    doc = Doc(
        _VOCAB,
        words=words,
        spaces=spaces,
        lemmas=[row[1] for row in rows],
        pos=[row[2] for row in rows],
        tags=[row[3] for row in rows],
        deps=[row[4] for row in rows],
        heads=[row[5] for row in rows],
    )
    actors = []
    for name, (start, end) in (people or {}).items():
        span = doc[start:end]
        mention = ActorMention(start, end, span.start_char, span.end_char, span.text)
        actors.append(
            ActorEntity(key=f"person:{name}", name=name, kind=ActorKind.PERSON, mentions=[mention])
        )
    doc._.actors = actors
    return find_quotes(doc)


def quotes(doc: Doc, kind: QuoteKind) -> list[QuoteMention]:
    return [quote for quote in doc._.quotes if quote.kind is kind]


# “An important call,” wrote Dmitriev on X.
INVERTED: list[Row] = [
    ("“", "“", "PUNCT", "``", "punct", 6),
    ("An", "an", "DET", "DT", "det", 3),
    ("important", "important", "ADJ", "JJ", "amod", 3),
    ("call", "call", "NOUN", "NN", "ccomp", 6),
    (",", ",", "PUNCT", ",", "punct", 6),
    ("”", "”", "PUNCT", "''", "punct", 6),
    ("wrote", "write", "VERB", "VBD", "ROOT", 6),
    ("Dmitriev", "Dmitriev", "PROPN", "NNP", "nsubj", 6),
    ("on", "on", "ADP", "IN", "prep", 6),
    ("X", "X", "PROPN", "NNP", "pobj", 8),
    (".", ".", "PUNCT", ".", "punct", 6),
]


def test_quotes_inverted_cue_names_the_speaker_after_it() -> None:
    doc = parsed(INVERTED, {"Kirill Dmitriev": (7, 8)})
    [quote] = quotes(doc, QuoteKind.DIRECT)
    assert quote.text == "An important call"
    assert quote.speaker is not None and quote.speaker.name == "Kirill Dmitriev"
    assert doc[quote.cue_start : quote.cue_end].text == "wrote"
    assert quote.channel == "X"
    assert quotes(doc, QuoteKind.INDIRECT) == []


# According to Putin's aide Yury Ushakov, the talks covered missiles.
ACCORDING: list[Row] = [
    ("According", "accord", "VERB", "VBG", "prep", 12),
    ("to", "to", "ADP", "IN", "prep", 0),
    ("Putin", "Putin", "PROPN", "NNP", "poss", 4),
    ("'s", "'s", "PART", "POS", "case", 2),
    ("aide", "aide", "NOUN", "NN", "compound", 6),
    ("Yury", "Yury", "PROPN", "NNP", "compound", 6),
    ("Ushakov", "Ushakov", "PROPN", "NNP", "pobj", 1),
    (",", ",", "PUNCT", ",", "punct", 12),
    ("the", "the", "DET", "DT", "det", 9),
    ("talks", "talk", "NOUN", "NNS", "nsubj", 12),
    ("had", "have", "AUX", "VBD", "aux", 12),
    ("both", "both", "DET", "DT", "advmod", 12),
    ("covered", "cover", "VERB", "VBN", "ROOT", 12),
    ("missiles", "missile", "NOUN", "NNS", "dobj", 12),
    (".", ".", "PUNCT", ".", "punct", 12),
]


def test_quotes_according_to_names_the_aide_not_his_boss() -> None:
    doc = parsed(ACCORDING, {"Vladimir Putin": (2, 3), "Yury Ushakov": (5, 7)})
    [quote] = quotes(doc, QuoteKind.INDIRECT)
    assert quote.text == "the talks had both covered missiles"
    assert quote.speaker is not None and quote.speaker.name == "Yury Ushakov"
    assert quote.speaker_text == "Putin's aide Yury Ushakov"
    assert doc[quote.cue_start : quote.cue_end].text == "According to"


# A senior diplomat said the talks failed.
UNNAMED: list[Row] = [
    ("A", "a", "DET", "DT", "det", 2),
    ("senior", "senior", "ADJ", "JJ", "amod", 2),
    ("diplomat", "diplomat", "NOUN", "NN", "nsubj", 3),
    ("said", "say", "VERB", "VBD", "ROOT", 3),
    ("the", "the", "DET", "DT", "det", 5),
    ("talks", "talk", "NOUN", "NNS", "nsubj", 6),
    ("failed", "fail", "VERB", "VBD", "ccomp", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
]


def test_quotes_unnamed_source_keeps_words_but_no_actor() -> None:
    doc = parsed(UNNAMED)
    [quote] = quotes(doc, QuoteKind.INDIRECT)
    assert quote.text == "the talks failed"
    assert quote.speaker is None
    assert quote.speaker_text == "A senior diplomat"


# Lavrov spoke . “ We will see , ” he said .
PRONOUN: list[Row] = [
    ("Lavrov", "Lavrov", "PROPN", "NNP", "nsubj", 1),
    ("arrived", "arrive", "VERB", "VBD", "ROOT", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
    ("“", "“", "PUNCT", "``", "punct", 6),
    ("We", "we", "PRON", "PRP", "nsubj", 6),
    ("will", "will", "AUX", "MD", "aux", 6),
    ("see", "see", "VERB", "VB", "ccomp", 10),
    (",", ",", "PUNCT", ",", "punct", 10),
    ("”", "”", "PUNCT", "''", "punct", 10),
    ("he", "he", "PRON", "PRP", "nsubj", 10),
    ("said", "say", "VERB", "VBD", "ROOT", 10),
    (".", ".", "PUNCT", ".", "punct", 10),
]


def test_quotes_pronoun_speaker_points_back_to_the_last_subject() -> None:
    doc = parsed(PRONOUN, {"Sergei Lavrov": (0, 1)})
    [quote] = quotes(doc, QuoteKind.DIRECT)
    assert quote.text == "We will see"
    assert quote.speaker is not None and quote.speaker.name == "Sergei Lavrov"
    assert quote.speaker_text == "he"


# He said the “ peace ” deal was close .
SCARE: list[Row] = [
    ("He", "he", "PRON", "PRP", "nsubj", 1),
    ("said", "say", "VERB", "VBD", "ROOT", 1),
    ("the", "the", "DET", "DT", "det", 6),
    ("“", "“", "PUNCT", "``", "punct", 4),
    ("peace", "peace", "NOUN", "NN", "compound", 6),
    ("”", "”", "PUNCT", "''", "punct", 4),
    ("deal", "deal", "NOUN", "NN", "nsubj", 7),
    ("was", "be", "AUX", "VBD", "ccomp", 1),
    ("close", "close", "ADJ", "JJ", "acomp", 7),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_quotes_quoted_noun_modifier_is_a_term_not_a_quote() -> None:
    doc = parsed(SCARE)
    assert quotes(doc, QuoteKind.DIRECT) == []
    [reported] = quotes(doc, QuoteKind.INDIRECT)
    assert reported.text == "the “peace” deal was close"


# She called it “ murder ” .
NAMING: list[Row] = [
    ("She", "she", "PRON", "PRP", "nsubj", 1),
    ("called", "call", "VERB", "VBD", "ROOT", 1),
    ("it", "it", "PRON", "PRP", "dobj", 1),
    ("“", "“", "PUNCT", "``", "punct", 4),
    ("murder", "murder", "NOUN", "NN", "oprd", 1),
    ("”", "”", "PUNCT", "''", "punct", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_quotes_one_word_named_by_a_cue_is_a_quote() -> None:
    doc = parsed(NAMING)
    [quote] = quotes(doc, QuoteKind.DIRECT)
    assert quote.text == "murder"
    assert doc[quote.cue_start : quote.cue_end].text == "called"
    assert quotes(doc, QuoteKind.INDIRECT) == []


@pytest.mark.parametrize("rows", [NAMING, SCARE, UNNAMED])
def test_quotes_offsets_point_at_the_content(rows: list[Row]) -> None:
    doc = parsed(rows)
    for quote in doc._.quotes:
        assert doc.text[quote.start_char : quote.end_char].startswith(doc[quote.start].text)
