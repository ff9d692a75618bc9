"""Quotation marks on plain strings: no model needed."""

from __future__ import annotations

import pytest

from communique.nlp.quotes.marks import MAX_QUOTE_CHARS, quoted_spans


def outer(text: str) -> list[str]:
    return [span.text(text) for span in quoted_spans(text) if span.depth == 0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will talk again," he said.', ["We will talk again,"]),
        ("“We will talk again,” he said.", ["We will talk again,"]),
        ("‘We will talk again,’ she said.", ["We will talk again,"]),
        ("Il a dit «nous verrons» hier.", ["nous verrons"]),
        ("Er sagte »wir sehen« gestern.", ["wir sehen"]),
        ('She called it "murder". He called it "an accident".', ["murder", "an accident"]),
        ("The minister’s aide said it was “Russia’s choice”.", ["Russia’s choice"]),
        ('Her borders are " indivisible and inviolable".', ["indivisible and inviolable"]),
    ],
)
def test_quotes_marks_pairs_each_style(text: str, expected: list[str]) -> None:
    assert outer(text) == expected


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("“He told me ‘never again’ twice,” she said.", "never again"),
        ("‘He told me “never again” twice,’ she said.", "never again"),
        ("\"He told me 'never again' twice,\" she said.", "never again"),
    ],
)
def test_quotes_marks_nested_quote_is_inside_the_outer(text: str, inner: str) -> None:
    spans = quoted_spans(text)
    assert [span.depth for span in spans] == [0, 1]
    assert spans[1].text(text) == inner
    assert inner in spans[0].text(text)


def test_quotes_marks_apostrophes_are_not_marks() -> None:
    text = "The leaders’ summit in the ‘90s was Russia’s idea; they didn’t agree."
    assert quoted_spans(text) == []


def test_quotes_marks_quote_runs_on_into_a_paragraph_that_reopens_it() -> None:
    text = "He said: “First part of the answer.\n\n“Second part of it,” he added.\n\nAfter."
    spans = quoted_spans(text)
    assert len(spans) == 1
    assert spans[0].text(text) == "First part of the answer. Second part of it,"
    assert spans[0].closed


def test_quotes_marks_quote_broken_by_a_page_break_continues() -> None:
    text = "“The old story\n\nisn’t working,” says the doctor."
    assert outer(text) == ["The old story isn’t working,"]


def test_quotes_marks_unbalanced_mark_stops_at_its_paragraph() -> None:
    text = 'A senator called it "a photo opportunity.\n\nMarkets rose.\n\nOfficials said "no".'
    spans = quoted_spans(text)
    assert [span.text(text) for span in spans] == ["a photo opportunity.", "no"]
    assert [span.closed for span in spans] == [False, True]


def test_quotes_marks_unclosed_single_mark_is_dropped() -> None:
    text = "He remembered the ‘eighties fondly.\n\nThen he said “yes”."
    assert outer(text) == ["yes"]


def test_quotes_marks_quote_never_exceeds_the_limit() -> None:
    text = '"' + "word " * (MAX_QUOTE_CHARS // 4)
    spans = quoted_spans(text)
    assert spans
    assert all(span.end_char - span.start_char <= MAX_QUOTE_CHARS + 1 for span in spans)
