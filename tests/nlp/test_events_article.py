"""Events read from a whole article with the real model: the constructions of a typical
call-and-summit report, in an article written for this test."""

from __future__ import annotations

import pytest

from communique.records import DateBasis, EventStatus, EventType, LocationRole, RawArticle, Readout

ARTICLE = """A long telephone conversation between German Chancellor Friedrich Merz and French President \
Emmanuel Macron on November 4 has opened a new phase in European defence planning, according to \
Steffen Hebestreit, the German government spokesman.

The call lasted over an hour and focused on energy prices. According to Macron's adviser Emmanuel \
Bonne, discussions included the potential delivery of air-defence systems to Moldova.

The conversation set the stage for an in-person summit, with early signals pointing to Geneva, \
Switzerland as the likely venue.

Additionally, Merz considers a potential meeting between Macron and Polish Prime Minister Donald Tusk \
both possible and necessary, according to Hebestreit.

Officials said the Geneva summit could also cover migration.
"""

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def readout(extractor) -> Readout:  # type: ignore[no-untyped-def]
    return extractor.extract(RawArticle(source="test", text=ARTICLE, published="2025-11-04"))


def _names(readout: Readout, ids: tuple[str, ...]) -> set[str]:
    return {actor.name.split()[-1] for i in ids if (actor := readout.actor(i)) is not None}


def _consults(readout: Readout) -> dict[frozenset[str], list]:  # type: ignore[type-arg]
    found: dict[frozenset[str], list] = {}  # type: ignore[type-arg]
    for event in readout.events:
        if event.type == EventType.CONSULT:
            found.setdefault(frozenset(_names(readout, event.actors)), []).append(event)
    return found


def test_events_article_call_is_one_dated_phone_call_with_its_duration(readout: Readout) -> None:
    (call,) = [e for e in readout.events if e.mode == "phone"]
    assert _names(readout, call.actors) == {"Merz", "Macron"}
    assert call.status == EventStatus.OCCURRED
    assert call.date is not None and (call.date.value, call.date.basis) == (
        "2025-11-04",
        DateBasis.TEXT,
    )
    assert call.duration is not None and (call.duration.value, call.duration.modifier) == (
        "PT1H",
        "MORE_THAN",
    )


def test_events_article_summit_is_planned_at_its_venue(readout: Readout) -> None:
    summit = [e for e in _consults(readout)[frozenset({"Merz", "Macron"})] if e.mode != "phone"]
    assert summit and summit[0].status == EventStatus.PLANNED
    assert (summit[0].mode, summit[0].location_role) == ("third-party", LocationRole.VENUE)
    place = readout.place(summit[0].location or "")
    assert place is not None and place.name == "Geneva"
    assert summit[0].date is None


def test_events_article_delivery_is_hypothetical_military_aid(readout: Readout) -> None:
    (aid,) = [e for e in readout.events if e.type == EventType.AID]
    assert (aid.mode, aid.status) == ("military", EventStatus.HYPOTHETICAL)
    assert _names(readout, aid.recipients) == {"Moldova"}
    assert aid.status_cue is not None and aid.status_cue.text == "potential"


def test_events_article_meeting_wished_for_is_proposed(readout: Readout) -> None:
    (meeting,) = _consults(readout)[frozenset({"Macron", "Tusk"})]
    assert meeting.status == EventStatus.PROPOSED
    assert meeting.location is None  # "the Geneva summit" later is the summit, not this meeting


def test_events_article_no_date_is_copied_from_publication(readout: Readout) -> None:
    assert all(e.date is None or e.date.basis == DateBasis.TEXT for e in readout.events)


def test_events_article_every_event_has_evidence_and_summary(readout: Readout) -> None:
    for event in readout.events:
        assert (
            readout.article.text[event.trigger.start_char : event.trigger.end_char]
            == event.trigger.text
        )
        assert event.trigger.text in event.sentence.text and event.summary
