"""What needs the whole event, once its mentions are merged, and which events to report.

* the date: a weekday for an event still to come is the next one; an event
  dated after publication without a status cue is planned; the publication
  date, flagged, only for what the opening lines report as just done;
* the host of a visit, the CONSULT mode, the victim of an attack named only by
  its place, the state holding a person arrested or freed by no one named;
* the location role, the confidence, and the cut: events below
  :data:`MIN_CONFIDENCE` (one side of a two-sided act missing, a meeting with
  one party) are not reported.
"""

from __future__ import annotations

from communique.nlp.actors import ActorEntity
from communique.nlp.events.dates import is_future, publication_date, upcoming
from communique.nlp.events.lexicon import Lexicon
from communique.nlp.events.locations import (
    assault_recipient,
    consult_mode,
    location_role,
    visit_host,
)
from communique.nlp.events.mentions import CUE, DocIndex, EventMention
from communique.records import ActorKind, EventStatus, EventType

MIN_CONFIDENCE = 0.6
_SYMMETRIC = frozenset({EventType.CONSULT, EventType.COOPERATE})
_REALIS = frozenset({EventStatus.OCCURRED, EventStatus.ONGOING})
_IRREALIS = frozenset(
    {EventStatus.PLANNED, EventStatus.PROPOSED, EventStatus.CONDITIONAL, EventStatus.HYPOTHETICAL}
)
_CUSTODY = frozenset({EventType.COERCE, EventType.RETREAT})
# Acts that are complete with one side named: praise, endorsement.
_ONE_SIDED = frozenset({EventType.SUPPORT})
# Acts that may name both sides as doers: "X and Y agreed a deal", "a clash between X and Y".
_MUTUAL = frozenset({EventType.AGREE, EventType.ASSAULT})
# Acts whose doer is often unknown or unnamed when they happen: an attack, a delivery, a protest.
_DOER_UNKNOWN = frozenset({EventType.ASSAULT, EventType.AID, EventType.PROTEST})


def settle(events: list[EventMention], index: DocIndex, lex: Lexicon) -> list[EventMention]:
    for event in events:
        _complete(event, index, lex)
        event.confidence = confidence(event, index)
    return [event for event in events if event.confidence >= MIN_CONFIDENCE]


def _complete(event: EventMention, index: DocIndex, lex: Lexicon) -> None:
    published = index.doc._.published
    undecided = event.status == EventStatus.OCCURRED and event.status_strength < CUE
    if event.date is not None and undecided and is_future(event.date, published):
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


def confidence(event: EventMention, index: DocIndex) -> float:
    """A rough, calibrated-ish score: how sure the trigger is, how complete the parties are,
    whether a cue decided the status, and how often the article reports the event."""
    trigger = index.doc[event.trigger[0]]
    score = 0.45 if trigger.pos_ in {"VERB", "AUX"} else 0.4
    score += _completeness(event)
    score += 0.05 if event.status_strength == CUE else 0.0
    score += min(0.15, 0.05 * (len(event.mentions) - 1))
    score -= 0.1 if event.bridged else 0.0
    return round(max(0.0, min(score, 0.95)), 2)


def _completeness(event: EventMention) -> float:
    if event.type in _SYMMETRIC:
        parties = len(event.participants)
        if parties >= 2 or event.mode == "multilateral":
            return 0.3
        return 0.05 if parties == 1 else 0.0
    if event.actors and (event.recipients or (event.type in _MUTUAL and len(event.actors) >= 2)):
        return 0.35
    if event.actors:
        return 0.2 if event.type in _ONE_SIDED else 0.05
    if event.recipients:
        # an unnamed attacker is news when the attack happened; aid is news even when discussed
        if event.type == EventType.AID or (event.type in _DOER_UNKNOWN and event.status in _REALIS):
            return 0.2
        return 0.05
    return 0.0
