"""What needs the whole event, once its mentions are merged, and which events to report.

* the date: a weekday for an event still to come is the next one; an event
  dated after publication without a status cue is planned; the publication
  date, flagged, only for what the opening lines report as just done;
* the host of a visit, the CONSULT mode, the victim of an attack named only by
  its place, the state holding a person arrested or freed by no one named;
* the location role, the confidence and which events are reported
  (:mod:`communique.nlp.events.confidence`).
"""

from __future__ import annotations

from communique.nlp.actors import ActorEntity
from communique.nlp.events.confidence import confidence, reported
from communique.nlp.events.dates import is_future, publication_date, upcoming
from communique.nlp.events.lexicon import Lexicon
from communique.nlp.events.locations import (
    assault_recipient,
    consult_mode,
    location_role,
    visit_host,
)
from communique.nlp.events.mentions import CUE, TENSE, DocIndex, EventMention
from communique.nlp.events.offsets import from_antecedent, resolve_offsets
from communique.records import ActorKind, EventStatus, EventType

_IRREALIS = frozenset(
    {EventStatus.PLANNED, EventStatus.PROPOSED, EventStatus.CONDITIONAL, EventStatus.HYPOTHETICAL}
)
_CUSTODY = frozenset({EventType.COERCE, EventType.RETREAT})


def settle(events: list[EventMention], index: DocIndex, lex: Lexicon) -> list[EventMention]:
    for event in events:
        _complete(event, index, lex)
    resolve_offsets(events)
    from_antecedent(events)
    for event in events:
        event.confidence = confidence(event, index, lex)
    return reported(events, index, lex)


def _complete(event: EventMention, index: DocIndex, lex: Lexicon) -> None:
    published = index.doc._.published
    undecided = event.status == EventStatus.OCCURRED and event.status_strength < CUE
    if event.date is not None and undecided and is_future(event.date, published):
        if event.status_strength == TENSE:
            # "sat down together *the next day*": a past act is not after publication; the day
            # was counted from the wrong point, so it is dropped rather than the tense
            event.date = None
        else:
            event.status = EventStatus.PLANNED
    if event.date is not None and event.status in _IRREALIS:
        event.date = upcoming(event.date, published)
    if event.date is None:
        trigger = index.doc[event.trigger[0]]
        event.date = publication_date(published, event.status, index.sent_of[trigger.i], trigger)
    if event.type == EventType.CONSULT:
        if event.mode == "visit" and (host := visit_host(event, index)) is not None:
            event.actors.append(host)
        event.mode = consult_mode(event, index, lex, event.mode)
    if (victim := assault_recipient(event, index)) is not None:
        event.recipients.append(victim)
    if (keeper := custodian(event, index)) is not None:
        event.actors.append(keeper)
    if event.location is not None:
        event.location_role = location_role(event.status)


def custodian(event: EventMention, index: DocIndex) -> ActorEntity | None:
    """Who arrests or frees a person when the text names no one: their own state's justice
    ("Sarkozy was released from prison" → France)."""
    if event.type not in _CUSTODY or event.actors or len(event.recipients) != 1:
        return None
    person = event.recipients[0]
    if person.kind != ActorKind.PERSON or not person.country:
        return None
    return index.countries.get(person.country)
