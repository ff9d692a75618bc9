"""Events component: lexicons, triggers, participants, status, dates, places, merging, records.

Docs are built by hand (words, lemmas, tags, dependencies, entities) so that no
model is loaded; each test states the parse it relies on.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

import communique.nlp.extensions  # noqa: F401  (declares doc._ attributes)
from communique.errors import KnowledgeError
from communique.nlp.actors import ActorEntity, ActorMention
from communique.nlp.events import event_records, find_events
from communique.nlp.events.dates import event_date, upcoming
from communique.nlp.events.lexicon import lexicon, parse_condition
from communique.nlp.events.mentions import DateReading, EventMention
from communique.nlp.events.readout import summary
from communique.nlp.places import PlaceEntity, PlaceMention
from communique.nlp.times import TimeMention
from communique.records import (
    ActorKind,
    DateBasis,
    EventStatus,
    EventType,
    LocationRole,
    PlaceKind,
    Precision,
    TimeKind,
)

# One token per line: word lemma POS TAG dep head [entity]; head is the token number.
Rows = str
# English lexical attributes (lower case, title case) are what the rules read.
_VOCAB = English().vocab


@dataclass
class Built:
    doc: Doc
    people: dict[str, ActorEntity]


def build(
    rows: Rows,
    *,
    published: str = "2025-10-20",
    places: dict[str, tuple[str, PlaceKind, str]] | None = None,
    times: dict[str, str] | None = None,
    countries: dict[str, str] | None = None,
) -> Built:
    """A parsed Doc with actors for PERSON and GPE entities, places and times as asked."""
    parts = [line.split() for line in rows.strip().splitlines()]
    words = [p[0] for p in parts]
    doc = Doc(
        _VOCAB,
        words=words,
        lemmas=[p[1] for p in parts],
        pos=[p[2] for p in parts],
        tags=[p[3] for p in parts],
        deps=[p[4] for p in parts],
        heads=[int(p[5]) for p in parts],
        ents=[p[6] if len(p) > 6 else "O" for p in parts],
    )
    doc._.published = published
    people: dict[str, ActorEntity] = {}
    actors: list[ActorEntity] = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            entity = ActorEntity(
                key=ent.text,
                name=ent.text,
                kind=ActorKind.PERSON,
                country=(countries or {}).get(ent.text),
            )
        elif ent.label_ == "GPE" and ent.text in (countries or {}):
            iso3 = (countries or {})[ent.text]
            entity = next(
                (a for a in actors if a.country == iso3 and a.kind == ActorKind.COUNTRY), None
            ) or ActorEntity(
                key=iso3, name=ent.text, kind=ActorKind.COUNTRY, country=iso3, sector="GOV"
            )
        else:
            continue
        entity.add(ActorMention(ent.start, ent.end, ent.start_char, ent.end_char, ent.text))
        if entity not in actors:
            actors.append(entity)
        people[ent.text] = entity
    doc._.actors = actors
    doc._.places = []
    for name, (kind_word, kind, iso3) in (places or {}).items():
        i = words.index(name)
        del kind_word
        doc._.places.append(
            PlaceEntity(
                key=name,
                name=name,
                kind=kind,
                country=iso3,
                mentions=[PlaceMention(i, i + 1, doc[i].idx, doc[i].idx + len(name), name)],
            )
        )
    doc._.times = []
    for text, value in (times or {}).items():
        first = words.index(text.split()[0])
        span = doc[first : first + len(text.split())]
        duration = value.startswith("P")
        doc._.times.append(
            TimeMention(
                span.start,
                span.end,
                span.start_char,
                span.end_char,
                span.text,
                TimeKind.DURATION if duration else TimeKind.DATE,
                value,
                None if duration else Precision.DAY,
                "MORE_THAN" if duration else None,
            )
        )
    doc._.quotes = []
    doc._.topics = []
    return Built(doc, people)


MET_IN_BUDAPEST = """
Putin Putin PROPN NNP nsubj 3 B-PERSON
and and CCONJ CC cc 0
Trump Trump PROPN NNP conj 0 B-PERSON
met meet VERB VBD ROOT 3
in in ADP IN prep 3
Budapest Budapest PROPN NNP pobj 4 B-GPE
on on ADP IN prep 3
Friday Friday PROPN NNP pobj 6 B-DATE
. . PUNCT . punct 3
"""

CALL_AND_DURATION = """
Putin Putin PROPN NNP nsubj 1 B-PERSON
called call VERB VBD ROOT 1
Trump Trump PROPN NNP dobj 1 B-PERSON
. . PUNCT . punct 1
The the DET DT det 5
call call NOUN NN nsubj 6
lasted last VERB VBD ROOT 6
over over ADP IN quantmod 8
two two NUM CD nummod 9
hours hour NOUN NNS npadvmod 6
. . PUNCT . punct 6
"""

WILL_MEET = """
Putin Putin PROPN NNP nsubj 2 B-PERSON
will will AUX MD aux 2
meet meet VERB VB ROOT 2
Trump Trump PROPN NNP dobj 2 B-PERSON
. . PUNCT . punct 2
"""

DID_NOT_MEET = """
Putin Putin PROPN NNP nsubj 3 B-PERSON
did do AUX VBD aux 3
not not PART RB neg 3
meet meet VERB VB ROOT 3
Trump Trump PROPN NNP dobj 3 B-PERSON
. . PUNCT . punct 3
"""

POTENTIAL_DELIVERY = """
They they PRON PRP nsubj 1
discussed discuss VERB VBD ROOT 1
the the DET DT det 4
potential potential ADJ JJ amod 4
delivery delivery NOUN NN dobj 1
of of ADP IN prep 4
missiles missile NOUN NNS pobj 5
to to ADP IN prep 4
Ukraine Ukraine PROPN NNP pobj 7 B-GPE
. . PUNCT . punct 1
"""

AGREED_TO_MEET = """
Putin Putin PROPN NNP nsubj 3 B-PERSON
and and CCONJ CC cc 0
Trump Trump PROPN NNP conj 0 B-PERSON
agreed agree VERB VBD ROOT 3
to to PART TO aux 5
meet meet VERB VB xcomp 3
. . PUNCT . punct 3
"""

SUMMIT_POSTPONED = """
The the DET DT det 2
planned plan VERB VBN amod 2
summit summit NOUN NN nsubjpass 8
between between ADP IN prep 2
Putin Putin PROPN NNP pobj 3 B-PERSON
and and CCONJ CC cc 4
Trump Trump PROPN NNP conj 4 B-PERSON
was be AUX VBD auxpass 8
postponed postpone VERB VBN ROOT 8
. . PUNCT . punct 8
"""

CALLED_FOR_TALKS = """
Zelensky Zelensky PROPN NNP nsubj 1 B-PERSON
called call VERB VBD ROOT 1
for for ADP IN prep 1
talks talk NOUN NNS pobj 2
with with ADP IN prep 3
Putin Putin PROPN NNP pobj 4 B-PERSON
. . PUNCT . punct 1
"""

STRUCK_A_DEAL = """
Kyiv Kyiv PROPN NNP nsubj 1 B-GPE
struck strike VERB VBD ROOT 1
a a DET DT det 3
deal deal NOUN NN dobj 1
with with ADP IN prep 3
Warsaw Warsaw PROPN NNP pobj 4 B-GPE
. . PUNCT . punct 1
"""

SANCTIONS_IMPOSED = """
The the DET DT det 1
EU EU PROPN NNP nsubj 2 B-GPE
imposed impose VERB VBD ROOT 2
sanctions sanction NOUN NNS dobj 2
on on ADP IN prep 3
Russia Russia PROPN NNP pobj 4 B-GPE
. . PUNCT . punct 2
"""


def _events(built: Built) -> list[EventMention]:
    return list(find_events(built.doc)._.events)


def _names(actors: list[ActorEntity]) -> set[str]:
    return {actor.name for actor in actors}


def test_lexicon_every_trigger_code_maps_to_its_type() -> None:
    lex = lexicon()
    for rules in lex.rules.values():
        for rule in rules:
            code = lex.cameo.get(rule.cameo or "")
            assert code is None or code.plover == rule.type, (rule.lemma, rule.cameo)


@pytest.mark.parametrize(
    ("atom", "kind", "negated", "member"),
    [
        ("obj:@weapons", "obj", False, "missile"),
        ("!prep:for|on", "prep", True, "on"),
        ("obj:ACTOR|state", "obj", False, "ACTOR"),
        ("plural", "plural", False, None),
    ],
)
def test_lexicon_parses_requirements(
    atom: str, kind: str, negated: bool, member: str | None
) -> None:
    condition = parse_condition(atom, lexicon().classes, "test")
    assert (condition.kind, condition.negated) == (kind, negated)
    assert member is None or member in condition.values


@pytest.mark.parametrize("atom", ["obj:@no_such_class", "colour:red"])
def test_lexicon_rejects_unknown_requirements(atom: str) -> None:
    with pytest.raises(KnowledgeError):
        parse_condition(atom, lexicon().classes, "test")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (MET_IN_BUDAPEST, [EventType.CONSULT]),
        (CALLED_FOR_TALKS, [EventType.REQUEST, EventType.CONSULT]),
        (STRUCK_A_DEAL, [EventType.AGREE]),
        (SANCTIONS_IMPOSED, [EventType.SANCTION]),
    ],
)
def test_triggers_read_the_construction(rows: Rows, expected: list[EventType]) -> None:
    built = build(
        rows,
        countries={
            "Putin": "RUS",
            "Trump": "USA",
            "Zelensky": "UKR",
            "Kyiv": "UKR",
            "Warsaw": "POL",
            "EU": "EUR",
            "Russia": "RUS",
        },
    )
    assert sorted(e.type for e in _events(built)) == sorted(expected)


def test_participants_coordinated_subject_meet_symmetrically() -> None:
    built = build(
        MET_IN_BUDAPEST,
        countries={"Putin": "RUS", "Trump": "USA"},
        places={"Budapest": ("city", PlaceKind.CITY, "HUN")},
        times={"Friday": "2025-10-17"},
    )
    (event,) = _events(built)
    assert _names(event.actors) == {"Putin", "Trump"} and event.recipients == []


def test_participants_directed_act_has_actor_and_recipient() -> None:
    built = build(SANCTIONS_IMPOSED, countries={"EU": "EUR", "Russia": "RUS"})
    (event,) = _events(built)
    assert (_names(event.actors), _names(event.recipients)) == ({"EU"}, {"Russia"})


def test_location_third_country_meeting_is_third_party_and_dated() -> None:
    built = build(
        MET_IN_BUDAPEST,
        countries={"Putin": "RUS", "Trump": "USA"},
        places={"Budapest": ("city", PlaceKind.CITY, "HUN")},
        times={"Friday": "2025-10-17"},
    )
    (event,) = _events(built)
    assert event.location is not None and event.location.name == "Budapest"
    assert (event.mode, event.location_role, event.status) == (
        "third-party",
        LocationRole.OCCURRED_IN,
        EventStatus.OCCURRED,
    )
    assert event.date is not None and (event.date.value, event.date.basis) == (
        "2025-10-17",
        DateBasis.TEXT,
    )


@pytest.mark.parametrize(
    ("rows", "status", "cue"),
    [
        (WILL_MEET, EventStatus.PLANNED, "will"),
        (DID_NOT_MEET, EventStatus.NEGATED, "not"),
        (AGREED_TO_MEET, EventStatus.PLANNED, "agreed"),
        (SUMMIT_POSTPONED, EventStatus.POSTPONED, "postponed"),
    ],
)
def test_status_cue_decides_and_is_kept(rows: Rows, status: EventStatus, cue: str) -> None:
    built = build(rows, countries={"Putin": "RUS", "Trump": "USA"})
    consult = [e for e in _events(built) if e.type == EventType.CONSULT]
    assert consult and consult[0].status == status
    assert consult[0].status_cue is not None
    start, end = consult[0].status_cue
    assert cue in built.doc[start:end].text


def test_status_potential_delivery_is_hypothetical_aid() -> None:
    built = build(POTENTIAL_DELIVERY, countries={"Ukraine": "UKR"})
    (event,) = _events(built)
    assert (event.type, event.mode, event.status) == (
        EventType.AID,
        "military",
        EventStatus.HYPOTHETICAL,
    )
    assert _names(event.recipients) == {"Ukraine"}


def test_merge_anaphoric_call_joins_the_call_with_its_duration() -> None:
    built = build(
        CALL_AND_DURATION, countries={"Putin": "RUS", "Trump": "USA"}, times={"two hours": "PT2H"}
    )
    (event,) = _events(built)
    assert (event.type, event.mode) == (EventType.CONSULT, "phone")
    assert len(event.mentions) == 2
    assert event.duration is not None and (event.duration.value, event.duration.modifier) == (
        "PT2H",
        "MORE_THAN",
    )


def test_dates_no_time_expression_gives_no_date() -> None:
    built = build(WILL_MEET, countries={"Putin": "RUS", "Trump": "USA"})
    (event,) = _events(built)
    assert event.date is None


@pytest.mark.parametrize(
    ("value", "expected", "precision"),
    [
        ("2025-10-16", "2025-10-16", Precision.DAY),
        ("2025-10-16TNI", "2025-10-16", Precision.DAY),
        ("2025-W43", "2025-10", Precision.MONTH),
        ("2025-W49", "2025-12", Precision.MONTH),
        ("2025-SU", "2025", Precision.YEAR),
        ("2025-Q1", "2025", Precision.YEAR),
        ("2025-08", "2025-08", Precision.MONTH),
    ],
)
def test_dates_values_take_the_readout_precision(
    value: str, expected: str, precision: Precision
) -> None:
    time = TimeMention(0, 1, 0, 4, "x", TimeKind.DATE, value, None, None)
    reading = event_date(time)
    assert reading is not None and (reading.value, reading.precision) == (expected, precision)


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("Friday", "2025-10-10", "2025-10-17"),
        ("last Friday", "2025-10-10", "2025-10-10"),
        ("October 10", "2025-10-10", "2025-10-10"),
    ],
)
def test_dates_weekday_of_planned_event_is_the_next_one(
    text: str, value: str, expected: str
) -> None:
    time = TimeMention(0, 1, 0, 4, text, TimeKind.DATE, value, Precision.DAY, None)
    reading = DateReading(value, Precision.DAY, time=time)
    assert upcoming(reading, "2025-10-16").value == expected


def test_readout_records_refer_to_ids_and_summarise() -> None:
    built = build(
        MET_IN_BUDAPEST,
        countries={"Putin": "RUS", "Trump": "USA"},
        places={"Budapest": ("city", PlaceKind.CITY, "HUN")},
        times={"Friday": "2025-10-17"},
    )
    find_events(built.doc)

    class Ids:
        def actor(self, entity: object) -> str | None:
            return f"person/{entity.name.lower()}" if isinstance(entity, ActorEntity) else None

        def place(self, entity: object) -> str | None:
            return "place/budapest" if isinstance(entity, PlaceEntity) else None

    (record,) = event_records(built.doc, Ids())
    assert set(record.actors) == {"person/putin", "person/trump"}
    assert record.location == "place/budapest" and record.trigger.text == "met"
    assert record.summary.startswith("Putin and Trump met") and 0 < record.confidence <= 1


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (EventStatus.OCCURRED, "Putin and Trump spoke by phone"),
        (EventStatus.PLANNED, "Putin and Trump: speak by phone [planned]"),
    ],
)
def test_readout_summary_follows_status(status: EventStatus, expected: str) -> None:
    putin = ActorEntity(key="p", name="Putin", kind=ActorKind.PERSON)
    trump = ActorEntity(key="t", name="Trump", kind=ActorKind.PERSON)
    event = EventMention(
        type=EventType.CONSULT,
        mode="phone",
        cameo="041",
        trigger=(0, 1),
        sentence=(0, 1),
        actors=[putin, trump],
        status=status,
    )
    assert summary(event) == expected
