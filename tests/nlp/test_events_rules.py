"""Events: the lexicon's categories, commitments, confidence and the cut, replies, targets,
offsets and merging of linked triggers, on Docs built by hand (no model)."""

from __future__ import annotations

import pytest

from communique.nlp.events import find_events
from communique.nlp.events.confidence import CUT_KEY, DEFAULT_CUT
from communique.nlp.events.mentions import EventMention
from communique.nlp.times import TimeMention
from communique.records import EventStatus, EventType, TimeKind
from communique.settings import Settings
from tests.nlp.test_events import Built, Rows, build

COUNTRIES = {
    "Putin": "RUS",
    "Trump": "USA",
    "Russia": "RUS",
    "Moscow": "RUS",
    "America": "USA",
    "India": "IND",
    "Latvia": "LVA",
    "Kyiv": "UKR",
    "Serbia": "SRB",
    "Zambia": "ZMB",
    "Hungary": "HUN",
    "Orban": "HUN",
}

ARRESTED = """
Police police NOUN NNS nsubj 1
arrested arrest VERB VBD ROOT 1
protesters protester NOUN NNS dobj 1
. . PUNCT . punct 1
"""

KIDNAPPED = """
Rebels rebel NOUN NNS nsubj 1
kidnapped kidnap VERB VBD ROOT 1
two two NUM CD nummod 4
aid aid NOUN NN compound 4
workers worker NOUN NNS dobj 1
. . PUNCT . punct 1
"""

HUNGER_STRIKE = """
Workers worker NOUN NNS nsubj 1
began begin VERB VBD ROOT 1
a a DET DT det 4
hunger hunger NOUN NN compound 4
strike strike NOUN NN dobj 1
. . PUNCT . punct 1
"""

ON_ALERT = """
Troops troop NOUN NNS nsubj 1
remained remain VERB VBD ROOT 1
on on ADP IN prep 1
alert alert NOUN NN pobj 2
. . PUNCT . punct 1
"""

EXTRADITED = """
Zambia Zambia PROPN NNP nsubj 1 B-GPE
extradited extradite VERB VBD ROOT 1
the the DET DT det 3
suspect suspect NOUN NN dobj 1
. . PUNCT . punct 1
"""

CURFEW_LIFTED = """
Serbia Serbia PROPN NNP nsubj 1 B-GPE
lifted lift VERB VBD ROOT 1
the the DET DT det 3
curfew curfew NOUN NN dobj 1
. . PUNCT . punct 1
"""

AMBASSADOR_RECALLED = """
Hungary Hungary PROPN NNP nsubj 1 B-GPE
recalled recall VERB VBD ROOT 1
its its PRON PRP$ poss 3
ambassador ambassador NOUN NN dobj 1
. . PUNCT . punct 1
"""

AGREED_TO_MEET_TRUMP = """
Putin Putin PROPN NNP nsubj 1 B-PERSON
agreed agree VERB VBD ROOT 1
to to PART TO aux 3
meet meet VERB VB xcomp 1
Trump Trump PROPN NNP dobj 3 B-PERSON
. . PUNCT . punct 1
"""

SAID_IT_WOULD_SANCTION = """
Russia Russia PROPN NNP nsubj 1 B-GPE
said say VERB VBD ROOT 1
it it PRON PRP nsubj 4
would would AUX MD aux 4
impose impose VERB VB ccomp 1
sanctions sanction NOUN NNS dobj 4
on on ADP IN prep 5
Latvia Latvia PROPN NNP pobj 6 B-GPE
. . PUNCT . punct 1
"""

TWO_SENTENCES = """
Rebels rebel NOUN NNS nsubj 1
kidnapped kidnap VERB VBD ROOT 1
workers worker NOUN NNS dobj 1
. . PUNCT . punct 1
Officials official NOUN NNS nsubj 5
spoke speak VERB VBD ROOT 5
. . PUNCT . punct 5
"""

CALL_THEN_ATTACK = """
Trump Trump PROPN NNP nsubj 1 B-PERSON
called call VERB VBD ROOT 1
Putin Putin PROPN NNP dobj 1 B-PERSON
on on ADP IN prep 1
Monday Monday PROPN NNP pobj 3 B-DATE
. . PUNCT . punct 1
Hours hour NOUN NNS npadvmod 12
before before ADP IN prep 6
the the DET DT det 9
call call NOUN NN pobj 7
, , PUNCT , punct 12
Russia Russia PROPN NNP nsubj 12 B-GPE
attacked attack VERB VBD ROOT 12
Kyiv Kyiv PROPN NNP dobj 12 B-GPE
. . PUNCT . punct 12
"""

WANTS_THEN_REFUSED = """
America America PROPN NNP nsubj 1 B-GPE
wants want VERB VBZ ROOT 1
India India PROPN NNP nsubj 4 B-GPE
to to PART TO aux 4
stop stop VERB VB ccomp 1
. . PUNCT . punct 1
India India PROPN NNP nsubj 7 B-GPE
refused refuse VERB VBD ROOT 7
. . PUNCT . punct 7
"""

AGREED_TO_BUY_AMERICAN = """
Orban Orban PROPN NNP nsubj 1 B-PERSON
agreed agree VERB VBD ROOT 1
to to PART TO aux 3
buy buy VERB VB xcomp 1
American american ADJ JJ amod 5 B-NORP
gas gas NOUN NN dobj 3
. . PUNCT . punct 1
"""

FIRED_KILLING = """
Militants militant NOUN NNS nsubj 1
fired fire VERB VBD ROOT 1
rockets rocket NOUN NNS dobj 1
, , PUNCT , punct 1
killing kill VERB VBG advcl 1
two two NUM CD nummod 6
soldiers soldier NOUN NNS dobj 4
. . PUNCT . punct 1
"""

WILL_SANCTION_AND_ACCUSED = """
Russia Russia PROPN NNP nsubj 2 B-GPE
will will AUX MD aux 2
impose impose VERB VB ROOT 2
sanctions sanction NOUN NNS dobj 2
and and CCONJ CC cc 2
accused accuse VERB VBD conj 2
Latvia Latvia PROPN NNP dobj 5 B-GPE
. . PUNCT . punct 2
"""

CONSISTENTLY_DEMANDED = """
Moscow Moscow PROPN NNP nsubj 3 B-GPE
has have AUX VBZ aux 3
consistently consistently ADV RB advmod 3
demanded demand VERB VBN ROOT 3
a a DET DT det 5
withdrawal withdrawal NOUN NN dobj 3
. . PUNCT . punct 3
"""

HEADLINE = """
Russia Russia PROPN NNP nsubj 1 B-GPE
expels expel VERB VBZ ROOT 1
British british ADJ JJ amod 3 B-NORP
diplomats diplomat NOUN NNS dobj 1
"""

FIVE_MONTHS_SINCE = """
It it PRON PRP nsubj 1
is be AUX VBZ ROOT 1
five five NUM CD nummod 3
months month NOUN NNS attr 1
since since SCONJ IN mark 6
America America PROPN NNP nsubj 6 B-GPE
broke break VERB VBD advcl 1
off off ADP RP prt 6
talks talk NOUN NNS dobj 6
. . PUNCT . punct 1
"""


def _events(built: Built) -> list[EventMention]:
    return list(find_events(built.doc)._.events)


def _of(events: list[EventMention], event_type: EventType) -> EventMention:
    (event,) = [e for e in events if e.type == event_type]
    return event


def _names(event: EventMention) -> tuple[set[str], set[str]]:
    return {a.name for a in event.actors}, {r.name for r in event.recipients}


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (ARRESTED, EventType.COERCE),
        (KIDNAPPED, EventType.ASSAULT),
        (HUNGER_STRIKE, EventType.PROTEST),
        (ON_ALERT, EventType.MOBILIZE),
        (EXTRADITED, EventType.COOPERATE),
        (CURFEW_LIFTED, EventType.CONCEDE),
        (AMBASSADOR_RECALLED, EventType.SANCTION),
    ],
)
def test_triggers_cover_the_plover_categories(rows: Rows, expected: EventType) -> None:
    built = build(rows, countries=COUNTRIES)
    built.doc.user_data[CUT_KEY] = 0.0
    assert expected in {e.type for e in _events(built)}


def test_intents_agreeing_to_meet_is_a_promise_and_a_planned_meeting() -> None:
    events = _events(build(AGREED_TO_MEET_TRUMP, countries=COUNTRIES))
    promise, meeting = _of(events, EventType.AGREE), _of(events, EventType.CONSULT)
    assert (_names(promise), promise.status, promise.cameo) == (
        ({"Putin"}, {"Trump"}),
        EventStatus.OCCURRED,
        "036",
    )
    assert meeting.status == EventStatus.PLANNED and promise.announces is meeting


def test_intents_announcing_ones_own_sanctions_is_a_threat() -> None:
    events = _events(build(SAID_IT_WOULD_SANCTION, countries=COUNTRIES))
    threat, sanction = _of(events, EventType.THREATEN), _of(events, EventType.SANCTION)
    assert _names(threat) == ({"Russia"}, {"Latvia"}) and sanction.status == EventStatus.PLANNED


def test_confidence_one_sentence_text_reports_its_main_event() -> None:
    (event,) = _events(build(KIDNAPPED, countries=COUNTRIES))
    assert event.type == EventType.ASSAULT and event.confidence < DEFAULT_CUT


def test_confidence_article_cuts_one_sided_readings_unless_the_setting_is_lowered() -> None:
    assert _events(build(TWO_SENTENCES, countries=COUNTRIES)) == []
    built = build(TWO_SENTENCES, countries=COUNTRIES)
    built.doc.user_data[CUT_KEY] = 0.3
    assert [e.type for e in _events(built)] == [EventType.ASSAULT]


def test_confidence_default_cut_is_the_settings_default() -> None:
    assert Settings().min_event_confidence == DEFAULT_CUT


def test_offsets_hours_before_the_call_take_the_calls_day() -> None:
    built = build(CALL_THEN_ATTACK, countries=COUNTRIES, times={"Monday": "2025-10-13"})
    hours = built.doc[6:7]
    built.doc._.times.append(
        TimeMention(
            6,
            7,
            hours.start_char,
            hours.end_char,
            "Hours",
            TimeKind.DATE,
            None,
            None,
            None,
            "-PTXH",
        )
    )
    attack = _of(_events(built), EventType.ASSAULT)
    assert attack.date is not None and attack.date.value == "2025-10-13"


def test_replies_refusal_is_addressed_to_the_side_that_asked() -> None:
    events = _events(build(WANTS_THEN_REFUSED, countries=COUNTRIES))
    assert _names(_of(events, EventType.REQUEST)) == ({"America"}, {"India"})
    assert _names(_of(events, EventType.REJECT)) == ({"India"}, {"America"})


def test_targets_nationality_of_the_object_is_the_recipient() -> None:
    (event,) = _events(build(AGREED_TO_BUY_AMERICAN, countries=COUNTRIES))
    assert event.type == EventType.AGREE
    assert [r.country for r in event.recipients] == ["USA"]


def test_merge_linked_triggers_of_one_type_are_one_act() -> None:
    (event,) = _events(build(FIRED_KILLING, countries=COUNTRIES))
    assert event.type == EventType.ASSAULT and len(event.mentions) == 2


@pytest.mark.parametrize(
    ("rows", "event_type", "status"),
    [
        (WILL_SANCTION_AND_ACCUSED, EventType.ACCUSE, EventStatus.OCCURRED),
        (WILL_SANCTION_AND_ACCUSED, EventType.SANCTION, EventStatus.PLANNED),
        (CONSISTENTLY_DEMANDED, EventType.REQUEST, EventStatus.ONGOING),
    ],
)
def test_status_follows_each_clause(rows: Rows, event_type: EventType, status: EventStatus) -> None:
    built = build(rows, countries=COUNTRIES)
    built.doc.user_data[CUT_KEY] = 0.0
    assert _of(_events(built), event_type).status == status


def test_headings_a_text_that_is_all_headline_is_read() -> None:
    (event,) = _events(build(HEADLINE, countries=COUNTRIES))
    assert event.type == EventType.SANCTION
    assert [r.country for r in event.recipients] == ["GBR"]


def test_dates_elapsed_since_counts_back_from_publication() -> None:
    built = build(
        FIVE_MONTHS_SINCE, countries=COUNTRIES, times={"five months": "P5M"}, published="2025-11-27"
    )
    sanction = _of(_events(built), EventType.SANCTION)
    assert sanction.date is not None and sanction.date.value == "2025-06"


STATEMENT_AND_ACCUSED = """
Serbia Serbia PROPN NNP nsubj 1 B-GPE
issued issue VERB VBD ROOT 1
a a DET DT det 3
statement statement NOUN NN dobj 1
on on ADP IN prep 1
Monday Monday PROPN NNP pobj 4 B-DATE
and and CCONJ CC cc 1
accused accuse VERB VBD conj 1
Latvia Latvia PROPN NNP dobj 7 B-GPE
of of ADP IN prep 7
interference interference NOUN NN pobj 9
. . PUNCT . punct 1
"""


def test_dates_coordinated_verb_takes_the_date_of_the_verb_it_shares_a_subject_with() -> None:
    built = build(STATEMENT_AND_ACCUSED, countries=COUNTRIES, times={"Monday": "2025-10-13"})
    (event,) = find_events(built.doc)._.events
    assert event.type == EventType.ACCUSE
    assert event.date is not None and event.date.value == "2025-10-13"
