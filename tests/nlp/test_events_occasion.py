"""One occasion, several acts: what an act borrows from another of its sentence, with the real
model. The sentences are the team's own."""

from __future__ import annotations

import pytest

from communique.records import EventType, RawArticle, Readout

pytestmark = pytest.mark.model


def _read(extractor, text: str) -> Readout:  # type: ignore[no-untyped-def]
    return extractor.extract(RawArticle(source="test", text=text, published="2025-10-22"))


def _by_type(readout: Readout) -> dict[EventType, list]:  # type: ignore[type-arg]
    out: dict[EventType, list] = {}  # type: ignore[type-arg]
    for event in readout.events:
        out.setdefault(event.type, []).append(event)
    return out


def test_occasion_act_of_the_same_people_takes_the_meetings_day_and_place(extractor) -> None:  # type: ignore[no-untyped-def]
    readout = _read(
        extractor,
        "Sergei Lavrov and Marco Rubio met in Riyadh on Tuesday and signed an accord on embassies.",
    )
    events = _by_type(readout)
    (deal,) = events[EventType.AGREE]
    assert deal.date is not None and deal.date.value == "2025-10-21"
    places = {p.id: p.name for p in readout.places}
    assert places.get(deal.location or "") == "Riyadh"


def test_occasion_act_ordered_before_another_keeps_no_date(extractor) -> None:  # type: ignore[no-untyped-def]
    readout = _read(
        extractor,
        "Sergei Lavrov met Marco Rubio in Riyadh on Tuesday, although he had earlier accused "
        "Rubio of lying.",
    )
    (accusation,) = _by_type(readout)[EventType.ACCUSE]
    assert accusation.date is None and accusation.location is None


def test_occasion_other_parties_do_not_share_the_day(extractor) -> None:  # type: ignore[no-untyped-def]
    readout = _read(
        extractor,
        "Sergei Lavrov and Marco Rubio met in Riyadh on Tuesday, and Iran accused Israel of sabotage.",
    )
    (accusation,) = _by_type(readout)[EventType.ACCUSE]
    assert accusation.date is None and accusation.location is None


def _calls(readout: Readout) -> list:  # type: ignore[type-arg]
    return [e for e in readout.events if e.type == EventType.CONSULT and e.mode == "phone"]


def test_offset_later_counts_from_the_last_event_of_the_same_people(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sergei Lavrov met Marco Rubio in Riyadh on 6 October. Russia had invaded Ukraine in "
        "February 2022. Two days later, Lavrov called Rubio."
    )
    readout = extractor.extract(RawArticle(source="test", text=text, published="2025-10-16"))
    (call,) = _calls(readout)
    assert call.date is not None and call.date.value == "2025-10-08"


def test_date_of_a_when_clause_reaches_a_purpose_clause_inside_it(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Donald Trump and Vladimir Putin met in Anchorage on 15 August.\n\nThey spoke again days "
        "later when Trump interrupted a meeting with Volodymyr Zelensky to call Putin."
    )
    readout = extractor.extract(RawArticle(source="test", text=text, published="2025-10-16"))
    (call,) = _calls(readout)
    assert call.date is not None and call.date.value == "2025-08"


def test_merge_newcomers_joining_the_meeting_named_before(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "An aide said Emmanuel Macron and Volodymyr Zelensky would talk by video link on "
        "Wednesday. The Zelensky meeting will be joined by several African leaders."
    )
    readout = extractor.extract(RawArticle(source="test", text=text, published="2025-08-11"))
    consults = [e for e in readout.events if e.type == EventType.CONSULT]
    names = {a.id: a.name for a in readout.actors}
    assert len(consults) == 1
    assert "African leaders" in {names[a] for a in consults[0].actors}


def test_participants_subject_of_a_clause_the_parser_hangs_on_an_object(extractor) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "a day before meeting" on "Xi Jinping"; who met Scholz is still Macron
    text = (
        "Emmanuel Macron had discussed a summit in the Italian capital over the phone with "
        "Xi Jinping, a day before meeting Olaf Scholz at the Elysee Palace."
    )
    readout = extractor.extract(RawArticle(source="test", text=text, published="2025-10-16"))
    names = {a.id: a.name for a in readout.actors}
    pairs = [{names[a] for a in e.actors} for e in readout.events if e.type == EventType.CONSULT]
    assert {"Emmanuel Macron", "Olaf Scholz"} in pairs


def test_another_meeting_left_open_is_a_new_proposed_meeting(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Xi Jinping and Narendra Modi met in Kazan on Tuesday. Nothing was signed at the Kazan "
        "summit, yet the two leaders left the door open for another meeting."
    )
    readout = extractor.extract(RawArticle(source="test", text=text, published="2025-10-23"))
    statuses = sorted(e.status.value for e in readout.events if e.type == EventType.CONSULT)
    assert statuses == ["occurred", "proposed"]


def test_location_a_nations_soil_is_that_country(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Xi Jinping and Narendra Modi met in Kazan on Tuesday. Nothing was signed at the Kazan "
        "summit, yet the two leaders left the door open for another meeting, this time on "
        "Indian soil."
    )
    readout = extractor.extract(RawArticle(source="test", text=text, published="2025-10-23"))
    places = {p.id: p for p in readout.places}
    (planned,) = [e for e in readout.events if e.status.value == "proposed"]
    assert planned.location is not None and places[planned.location].country == "IND"
    assert planned.mode == "visit"


def test_merge_the_call_someone_joined_is_the_meeting_held_before(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On Monday, Pedro Sanchez and Giorgia Meloni chaired a meeting of Mediterranean leaders, "
        "including tentative talks on a possible naval mission. During the call – which was also "
        "joined by Greek Prime Minister Kyriakos Mitsotakis – the leaders agreed to set up a "
        "working group."
    )
    readout = extractor.extract(RawArticle(source="test", text=text, published="2025-11-26"))
    names = {a.id: a.name for a in readout.actors}
    held = [
        {names[a] for a in e.actors}
        for e in readout.events
        if e.type == EventType.CONSULT and e.status.value == "occurred"
    ]
    assert any({"Pedro Sanchez", "Giorgia Meloni", "Kyriakos Mitsotakis"} <= h for h in held)


def test_both_countries_are_the_two_named_together(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Xi Jinping said he and Lula had talked about trade between China and Brazil once the "
        "dispute with Argentina is settled. He said envoys from both countries would meet next week."
    )
    readout = extractor.extract(RawArticle(source="test", text=text, published="2025-10-16"))
    names = {a.id: a.name for a in readout.actors}
    planned = [
        {names[a] for a in e.actors}
        for e in readout.events
        if e.type == EventType.CONSULT and e.status.value == "planned"
    ]
    assert {"China", "Brazil"} in planned


def test_participants_of_a_meeting_in_which_they_were_present(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ilham Aliyev accused Nikol Pashinyan of delaying the border deal on Monday, and Recep "
        "Tayyip Erdogan urged calm. Ankara later said it was ready to organise a trilateral in "
        "which all three leaders were present."
    )
    readout = extractor.extract(RawArticle(source="test", text=text, published="2025-10-16"))
    names = {a.id: a.name for a in readout.actors}
    groups = [{names[a] for a in e.actors} for e in readout.events if e.type == EventType.CONSULT]
    assert any({"Ilham Aliyev", "Nikol Pashinyan", "Recep Tayyip Erdogan"} <= g for g in groups)
