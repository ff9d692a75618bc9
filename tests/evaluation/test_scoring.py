import dataclasses

import pytest

from communique.evaluation.eventscore import match_events, score_events
from communique.evaluation.gold import GoldArticle, GoldEvent, GoldQuote, load_gold, load_gold_dir
from communique.evaluation.goldscore import score_gold
from communique.evaluation.quotescore import score_quotes
from communique.evaluation.scoring import score_article
from communique.records import EventStatus, Failure, QuoteKind
from tests.evaluation.stubs import ARTICLE, GOLD_DIR, event, good_readout, quote


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD_DIR / f"{ARTICLE}.gold.json")


def figures_of(gold, readout):
    return score_gold([gold], {gold.article: readout}).figures


def test_load_gold_dir_reads_every_gold_file():
    (gold,) = load_gold_dir(GOLD_DIR)
    assert gold.article == ARTICLE
    assert [e.required for e in gold.events] == [True, True, False]


def test_good_readout_scores_perfectly(gold):
    figures = figures_of(gold, good_readout())
    # No required indirect quote in this gold, so no indirect speaker to judge.
    assert {k: v for k, v in figures.items() if v != 1.0} == {"indirect_speaker_acc": None}


def test_country_actor_in_gold_is_matched_by_a_person_of_that_country(gold):
    readout = good_readout()
    only_e2 = dataclasses.replace(readout, events=readout.events[1:])
    assert score_events(gold, only_e2).tally.event_tp == 1


def test_person_of_another_country_does_not_stand_for_a_country(gold):
    readout = good_readout()
    carney = dataclasses.replace(readout.actors[1], country="USA")
    wrong = dataclasses.replace(readout, actors=(readout.actors[0], carney))
    assert 1 not in match_events(gold, wrong)  # E2 names Canada and Portugal


@pytest.mark.parametrize(
    ("actors", "recipients"),
    [
        (("person/mark-carney", "person/luis-montenegro"), ()),
        (("person/luis-montenegro",), ("person/mark-carney",)),
    ],
)
def test_symmetric_participants_match_in_any_order_or_role(gold, actors, recipients):
    call = event(
        "e1", actors, EventStatus.OCCURRED, "2025-03-04", mode="phone", recipients=recipients
    )
    readout = dataclasses.replace(good_readout(), events=(call,))
    assert score_events(gold, readout).tally.event_tp == 1


def test_optional_gold_event_neither_rewards_nor_penalises(gold):
    readout = good_readout()
    visit = event(
        "e3", ("person/mark-carney", "country/prt"), EventStatus.PROPOSED, "2025", mode="visit"
    )
    with_optional = dataclasses.replace(readout, events=(*readout.events, visit))
    assert figures_of(gold, with_optional)["event_p"] == 1.0
    stray = event("e4", ("person/mark-carney",), EventStatus.OCCURRED, None)
    assert (
        figures_of(gold, dataclasses.replace(readout, events=(*readout.events, stray)))["event_p"]
        == 0.667
    )


def test_event_fields_are_scored_among_matches(gold):
    readout = good_readout()
    e1 = dataclasses.replace(readout.events[0], status=EventStatus.PLANNED, mode=None)
    figures = figures_of(gold, dataclasses.replace(readout, events=(e1, readout.events[1])))
    assert (figures["event_f1"], figures["event_status_acc"], figures["event_mode_acc"]) == (
        1.0,
        0.5,
        0.0,
    )


@pytest.mark.parametrize(
    ("basis", "value", "right"),
    [("publication", "2025-03-04", True), ("text", "2025-03-04", False), (None, None, True)],
)
def test_gold_without_date_accepts_none_or_the_publication_date(basis, value, right):
    gold = GoldArticle(
        article="a.txt",
        events=(GoldEvent(id="E1", type="CONSULT", actors=("Mark Carney",), status="occurred"),),
    )
    call = event("e1", ("person/mark-carney",), EventStatus.OCCURRED, value)
    if call.date is not None:
        call = dataclasses.replace(call, date=dataclasses.replace(call.date, basis=basis))
    readout = dataclasses.replace(good_readout(), events=(call,))
    assert score_events(gold, readout).tally.date_ok == int(right)


@pytest.mark.parametrize(
    ("system_text", "matched"),
    [
        ("We agreed to deepen our cooperation", True),  # 6 of 10 gold words
        ("to deepen our cooperation on energy", True),  # 6 of 10
        ("We agreed to deepen", False),  # 4 of 10
    ],
)
def test_quotes_match_when_they_share_half_the_gold_words(system_text, matched):
    gold = GoldArticle(
        article="a.txt",
        quotes=(
            GoldQuote(
                kind="direct", text="We agreed to deepen our cooperation on energy and shipping"
            ),
        ),
    )
    readout = dataclasses.replace(
        good_readout(), quotes=(quote("q1", QuoteKind.DIRECT, system_text, None),)
    )
    assert score_quotes(gold, readout).tally.direct_tp == int(matched)


def test_quote_kinds_are_scored_apart(gold):
    readout = good_readout()
    as_indirect = tuple(dataclasses.replace(q, kind=QuoteKind.INDIRECT) for q in readout.quotes)
    figures = figures_of(gold, dataclasses.replace(readout, quotes=as_indirect))
    assert (figures["direct_quote_r"], figures["indirect_quote_p"]) == (0.0, 0.0)


def test_unnamed_source_must_not_be_given_a_name(gold):
    readout = good_readout()
    named = dataclasses.replace(readout.quotes[1], speaker="person/mark-carney")
    figures = figures_of(gold, dataclasses.replace(readout, quotes=(readout.quotes[0], named)))
    assert figures["direct_speaker_acc"] == 0.5


def test_furniture_left_in_the_text_is_caught(gold):
    readout = good_readout()
    text = "Photo: Example Press / Jo Doe\n" + readout.article.text
    figures = figures_of(
        gold, dataclasses.replace(readout, article=dataclasses.replace(readout.article, text=text))
    )
    assert figures["furniture_removed"] == 0.5


def test_failed_article_scores_as_an_empty_readout(gold):
    score = score_gold(
        [gold], {gold.article: Failure(source=gold.article, stage="nlp", error="boom")}
    )
    assert (score.tally.failed, score.figures["person_r"], score.figures["event_r"]) == (
        1,
        0.0,
        0.0,
    )
    assert score.failures[0].error == "boom"


def test_issues_name_misses_and_false_positives_with_evidence(gold):
    readout = good_readout()
    stray = event("e9", ("person/mark-carney",), EventStatus.OCCURRED, None)
    broken = dataclasses.replace(readout, events=(stray,), actors=readout.actors[1:])
    issues = score_article(gold, broken).issues
    kinds = {(issue.part, issue.kind) for issue in issues}
    assert {("person", "missed"), ("event", "missed"), ("event", "false positive")} <= kinds
    missed_e1 = next(
        i for i in issues if i.part == "event" and i.kind == "missed" and "E1" in i.item
    )
    assert "spoke by phone" in missed_e1.evidence
