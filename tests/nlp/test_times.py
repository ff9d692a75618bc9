"""The communique_times component: detection, merging, trimming and context (hand-built Docs)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from communique.nlp import extensions  # noqa: F401  (registers doc._.published and doc._.times)
from communique.nlp.times import TimeFinder, TimeMention
from communique.records import TimeKind

THURSDAY = "2025-10-16"


@pytest.fixture(scope="module")
def finder() -> TimeFinder:
    return TimeFinder(spacy.blank("en").vocab)


def make_doc(
    finder: TimeFinder, text: str, ents: dict[str, str] | None = None, **attrs: list
) -> Doc:
    """A Doc of whitespace-split ``text``; ``ents`` maps an entity's words to its label."""
    words = text.split()
    labels = ["O"] * len(words)
    for phrase, label in (ents or {}).items():
        size = len(phrase.split())
        start = next(i for i in range(len(words)) if words[i : i + size] == phrase.split())
        labels[start : start + size] = [f"B-{label}"] + [f"I-{label}"] * (size - 1)
    return Doc(finder.matcher.vocab, words=words, ents=labels, **attrs)


def run(finder: TimeFinder, doc: Doc, published: str | None = THURSDAY) -> list[TimeMention]:
    doc._.published = published
    return list(finder(doc)._.times)


def found(mentions: list[TimeMention]) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoys will meet next week in Geneva", [("next week", "2025-W43")]),
        ("He met the minister on Monday", [("Monday", "2025-10-13")]),
        ("A decision is expected in mid - November", [("mid - November", "2025-11")]),
        ("The call lasted over two hours", [("two hours", "PT2H")]),
        ("They hope to agree within two weeks", [("two weeks", "P2W")]),
        ("The ceasefire held until three days later", [("three days later", "2025-10-19")]),
        (
            "The talks resume at 2 pm on Thursday",
            [("2 pm", "2025-10-16T14:00"), ("Thursday", "2025-10-16")],
        ),
        ("Ministers meet every week in Brussels", [("every week", "P1W")]),
        ("The report is published weekly", [("weekly", "P1W")]),
        ("Nothing is settled now", [("now", "PRESENT_REF")]),
        ("The treaty dates from the 1970s", [("1970s", "197")]),
    ],
)
def test_times_finds_what_the_model_misses(finder, text, expected):
    assert found(run(finder, make_doc(finder, text))) == expected


def test_times_keeps_the_preposition_for_the_modifier_but_out_of_the_span(finder):
    [mention] = run(finder, make_doc(finder, "The call lasted over two hours"))
    assert (mention.text, mention.kind, mention.modifier) == (
        "two hours",
        TimeKind.DURATION,
        "MORE_THAN",
    )
    [mention] = run(finder, make_doc(finder, "They will decide within two weeks"))
    assert (mention.value, mention.modifier) == ("P2W", "LESS_THAN")


def test_times_records_token_and_character_offsets_of_the_expression(finder):
    doc = make_doc(finder, "Talks began on 16 October in Budapest", {"16 October": "DATE"})
    [mention] = run(finder, doc)
    assert (mention.start, mention.end) == (3, 5)
    assert doc.text[mention.start_char : mention.end_char] == "16 October" == mention.text


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Putin and Trump Hold Two-Hour Phone Call", {"Two-Hour Phone Call": "TIME"}, [("Two-Hour", "PT2H")]),
        ("It happened on Friday night in Kyiv", {"Friday": "DATE", "night": "TIME"}, [("Friday night", "2025-10-10TNI")]),
        ("Prices fell today through Nov. 17", {"today through Nov. 17": "DATE"},
         [("today", "2025-10-16"), ("Nov. 17", "2025-11-17")]),
        ("The quarter ended Sept. 30", {"The quarter ended Sept. 30": "DATE"},
         [("The quarter", "2025-Q4"), ("Sept. 30", "2025-09-30")]),
        ("Flights at 2pm and 4pm", {"2pm and 4pm": "TIME"}, [("2pm", "2025-10-16T14:00"), ("4pm", "2025-10-16T16:00")]),
        ("He was born on Aug. 7 , 1998 abroad", {"Aug. 7 , 1998": "DATE"}, [("Aug. 7 , 1998", "1998-08-07")]),
        ("Next week 's talks", {"Next week 's": "DATE"}, [("Next week", "2025-W43")]),
    ],
)  # fmt: skip
def test_times_merges_splits_and_trims_candidates(finder, text, ents, expected):
    assert found(run(finder, make_doc(finder, text, ents))) == expected


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("The 62-year-old envoy arrived", {"62-year-old": "DATE"}),
        ("The 62 - year - old envoy arrived", {"62 - year - old": "DATE"}),
        ("He is 37 years old and a diplomat", {"37 years old": "DATE"}),
        ("They carried 1990s - era rifles", {"1990s - era": "DATE"}),
        ("The party won three-quarters of the vote", {"three-quarters": "DATE"}),
        ("Ministers reported a fall in prices", {}),
    ],
)
def test_times_drops_phrases_that_are_not_times(finder, text, ents):
    assert run(finder, make_doc(finder, text, ents)) == []


def test_times_drops_a_day_that_names_an_occasion(finder):
    tags = ["NNS", "VBD", "DT", "NN", "IN", "NN"]
    doc = make_doc(finder, "Protesters called a day of rage", {"a day": "DATE"}, tags=tags)
    assert run(finder, doc) == []


def test_times_leaves_an_offset_from_an_event_unvalued(finder):
    doc = make_doc(finder, "Zelensky arrived a day after the call", {"a day": "DATE"})
    [mention] = run(finder, doc)
    assert (mention.text, mention.kind, mention.value, mention.shift) == (
        "a day",
        TimeKind.DATE,
        None,
        "+P1D",
    )


def test_times_counts_an_offset_from_a_following_date(finder):
    doc = make_doc(
        finder,
        "Trading resumed two days after October 12",
        {"two days": "DATE", "October 12": "DATE"},
    )
    assert found(run(finder, doc)) == [("two days", "2025-10-14"), ("October 12", "2025-10-12")]


def test_times_counts_anaphoric_expressions_from_the_last_date_mentioned(finder):
    doc = make_doc(
        finder,
        "They met on August 18th . The summit was three days earlier and the call the next day .",
        {"August 18th": "DATE", "three days earlier": "DATE", "the next day": "DATE"},
    )
    values = found(run(finder, doc, published="2025-08-21"))
    # "the next day" counts from August 18th: a value counted from the focus never becomes it.
    assert values == [
        ("August 18th", "2025-08-18"),
        ("three days earlier", "2025-08-15"),
        ("the next day", "2025-08-19"),
    ]


def test_times_keeps_a_finer_focus_inside_a_coarser_mention(finder):
    doc = make_doc(
        finder,
        "Talks on 3 March , in March , and the previous day",
        {"3 March": "DATE", "March": "DATE", "the previous day": "DATE"},
    )
    assert found(run(finder, doc))[-1] == ("the previous day", "2025-03-02")


def test_times_without_a_previous_date_counts_from_publication(finder):
    doc = make_doc(
        finder, "India denied the claim made the previous day", {"the previous day": "DATE"}
    )
    assert found(run(finder, doc)) == [("the previous day", "2025-10-15")]


def test_times_reads_the_future_tense_from_the_parse(finder):
    words = ["They", "will", "meet", "on", "Monday"]
    doc = Doc(
        finder.matcher.vocab,
        words=words,
        heads=[2, 2, 2, 2, 3],
        deps=["nsubj", "aux", "ROOT", "prep", "pobj"],
        pos=["PRON", "AUX", "VERB", "ADP", "PROPN"],
        tags=["PRP", "MD", "VB", "IN", "NNP"],
    )
    assert found(run(finder, doc)) == [("Monday", "2025-10-20")]


def test_times_reads_a_headline_infinitive_as_future(finder):
    words = ["Zelensky", "to", "meet", "Trump", "on", "Friday"]
    doc = Doc(
        finder.matcher.vocab,
        words=words,
        heads=[2, 2, 2, 2, 2, 4],
        deps=["nsubj", "aux", "ROOT", "dobj", "prep", "pobj"],
        pos=["PROPN", "PART", "VERB", "PROPN", "ADP", "PROPN"],
        tags=["NNP", "TO", "VB", "NNP", "IN", "NNP"],
    )
    assert found(run(finder, doc)) == [("Friday", "2025-10-17")]


def test_times_reads_a_rate_as_a_set(finder):
    doc = make_doc(
        finder,
        "Teachers earn $ 250 a month",
        {"a month": "DATE"},
        pos=["NOUN", "VERB", "SYM", "NUM", "DET", "NOUN"],
    )
    [mention] = run(finder, doc)
    assert (mention.kind, mention.value) == (TimeKind.SET, "P1M")


def test_times_without_publication_date_still_finds_expressions(finder):
    assert found(
        run(finder, make_doc(finder, "He met the minister on Monday"), published=None)
    ) == [("Monday", "XXXX-WXX-1")]


@pytest.mark.model
def test_times_on_a_written_article(nlp):
    text = (
        "Leaders Hold Two-Hour Phone Call\n\n"
        "The two presidents spoke by phone on October 14 for over two hours. "
        "Their aides will meet next week, and a summit could follow within two weeks. "
        "A day earlier, the foreign ministers had met in Vienna. "
        "The envoy, a 62-year-old former banker, said talks would resume in mid-November."
    )
    doc = nlp.make_doc(text)
    doc._.published = THURSDAY
    mentions = {m.text: m for m in nlp(doc)._.times}
    assert mentions["October 14"].value == "2025-10-14"
    assert (mentions["two hours"].value, mentions["two hours"].modifier) == ("PT2H", "MORE_THAN")
    assert mentions["next week"].value == "2025-W43"
    assert (mentions["two weeks"].value, mentions["two weeks"].modifier) == ("P2W", "LESS_THAN")
    assert mentions["A day earlier"].value == "2025-10-13"
    assert (mentions["mid-November"].value, mentions["mid-November"].modifier) == ("2025-11", "MID")
    assert "Two-Hour Phone Call" not in mentions
    assert not any("year-old" in name for name in mentions)
