"""Speaker spans and quotations introduced by punctuation, with the real model."""

from __future__ import annotations

import pytest

from communique.records import QuoteKind, RawArticle

pytestmark = pytest.mark.model

# Written for these tests; the people are real, the words are not.
ARTICLE = """Nordic ministers meet in Oslo

Norwegian Foreign Minister Espen Barth Eide hosted his Nordic counterparts in Oslo on Tuesday.

Asked about Arctic shipping, he said the region would stay a zone of low tension.

Barth Eide's message to the press was blunt: “The Arctic is not for sale and never was.”

“We stand together on Ukraine, on the Arctic and on trade.” — Elina Valtonen, Finnish foreign minister
"""


@pytest.fixture(scope="module")
def quotes(extractor):
    readout = extractor.extract(RawArticle(source="t.txt", text=ARTICLE, published="2025-05-06"))
    return readout, {quote.text.split()[0]: quote for quote in readout.quotes}


def test_a_pronoun_source_is_the_words_in_the_attribution(quotes):
    readout, by_start = quotes
    quote = by_start["the"]
    assert quote.kind == QuoteKind.INDIRECT
    assert quote.speaker_span is not None and quote.speaker_span.text == "he"
    text = readout.article.text
    assert text[quote.speaker_span.start_char : quote.speaker_span.end_char] == "he"
    assert readout.actor(quote.speaker).name == "Espen Barth Eide"


def test_a_colon_after_a_clause_about_the_speaker_introduces_the_quotation(quotes):
    readout, by_start = quotes
    quote = by_start["The"]
    assert quote.kind == QuoteKind.DIRECT
    assert readout.actor(quote.speaker).name == "Espen Barth Eide"


def test_a_dash_and_a_name_after_the_closing_mark_sign_the_quotation(quotes):
    readout, by_start = quotes
    quote = by_start["We"]
    assert quote.kind == QuoteKind.DIRECT
    assert readout.actor(quote.speaker).name == "Elina Valtonen"
    assert quote.speaker_span is not None and "Valtonen" in quote.speaker_span.text
