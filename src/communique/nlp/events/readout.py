"""Event mentions of a Doc become readout :class:`~communique.records.Event` records.

Called by :mod:`communique.nlp.readout`, which owns the record ids of actors
and places (:class:`~communique.nlp.readout.Ids`); this module adds the event
ids, the evidence spans and the one-line summary.
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc

from communique.nlp.events.mentions import DateReading, EventMention
from communique.nlp.times import TimeMention
from communique.nlp.topics import topic_id
from communique.records import Duration, Event, EventDate, EventStatus, EventType, Span

_REALIS = frozenset({EventStatus.OCCURRED, EventStatus.ONGOING})
# (past, base, preposition before recipients) per type; CONSULT and AID also vary by mode.
_PHRASES: dict[EventType, tuple[str, str, str]] = {
    EventType.AGREE: ("agreed", "agree", "with"),
    EventType.CONSULT: ("met", "meet", "with"),
    EventType.SUPPORT: ("expressed support", "express support", "for"),
    EventType.CONCEDE: ("made a concession", "make a concession", "to"),
    EventType.COOPERATE: ("cooperated", "cooperate", "with"),
    EventType.AID: ("gave aid", "give aid", "to"),
    EventType.RETREAT: ("stepped back", "step back", "towards"),
    EventType.REQUEST: ("made a demand", "make a demand", "of"),
    EventType.ACCUSE: ("accused", "accuse", ""),
    EventType.REJECT: ("rejected a demand", "reject a demand", "of"),
    EventType.THREATEN: ("threatened", "threaten", ""),
    EventType.PROTEST: ("protested", "protest", "against"),
    EventType.SANCTION: ("imposed sanctions", "impose sanctions", "on"),
    EventType.MOBILIZE: ("mobilised forces", "mobilise forces", "against"),
    EventType.COERCE: ("took coercive action", "take coercive action", "against"),
    EventType.ASSAULT: ("attacked", "attack", ""),
}
_MODE_PHRASES = {
    "phone": ("spoke by phone", "speak by phone", "with"),
    "visit": ("met on a visit", "meet on a visit", "with"),
    "multilateral": ("met at a multilateral gathering", "meet at a multilateral gathering", "with"),
    "military": ("gave military aid", "give military aid", "to"),
    "economic": ("gave economic aid", "give economic aid", "to"),
    "humanitarian": ("gave humanitarian aid", "give humanitarian aid", "to"),
    "release": ("released", "release", ""),
    "withdraw": ("withdrew", "withdraw", "from"),
    "ceasefire": ("observed a ceasefire", "observe a ceasefire", "with"),
}
_MODIFIER_WORDS = {"MORE_THAN": "over", "LESS_THAN": "under", "APPROX": "about"}


class RecordIds(Protocol):
    def actor(self, entity: object) -> str | None: ...

    def place(self, entity: object) -> str | None: ...


def event_records(doc: Doc, ids: RecordIds) -> tuple[Event, ...]:
    mentions: list[EventMention] = doc._.events or []
    return tuple(_record(doc, ids, number, event) for number, event in enumerate(mentions, start=1))


def _record(doc: Doc, ids: RecordIds, number: int, event: EventMention) -> Event:
    actors = tuple(i for a in event.actors if (i := ids.actor(a)))
    recipients = tuple(i for a in event.recipients if (i := ids.actor(a)))
    sentence = doc[event.sentence[0] : event.sentence[1]]
    return Event(
        id=f"event/{number}",
        type=event.type,
        mode=event.mode,
        cameo=event.cameo,
        actors=actors,
        recipients=recipients,
        status=event.status,
        status_cue=_span(doc, event.status_cue),
        date=_date(event.date),
        duration=_duration(event.duration),
        location=ids.place(event.location) if event.location is not None else None,
        location_role=event.location_role if event.location is not None else None,
        topics=tuple(topic_id(label) for label in event.topics),
        contexts=tuple(event.contexts),
        attributed_to=ids.actor(event.attributed_to) if event.attributed_to is not None else None,
        trigger=_span(doc, event.trigger) or Span(start_char=0, end_char=0, text=""),
        sentence=Span(
            start_char=sentence.start_char, end_char=sentence.end_char, text=sentence.text
        ),
        confidence=event.confidence,
        summary=summary(event),
    )


def _span(doc: Doc, tokens: tuple[int, int] | None) -> Span | None:
    if tokens is None:
        return None
    span = doc[tokens[0] : tokens[1]]
    return Span(start_char=span.start_char, end_char=span.end_char, text=span.text)


def _time_span(time: TimeMention | None) -> Span | None:
    if time is None:
        return None
    return Span(start_char=time.start_char, end_char=time.end_char, text=time.text)


def _date(reading: DateReading | None) -> EventDate | None:
    if reading is None:
        return None
    return EventDate(
        value=reading.value,
        precision=reading.precision,
        basis=reading.basis,
        span=_time_span(reading.time),
    )


def _duration(time: TimeMention | None) -> Duration | None:
    if time is None or time.value is None:
        return None
    return Duration(value=time.value, span=_time_span(time), modifier=time.modifier)


def summary(event: EventMention) -> str:
    """One plain line from the fields: "Vladimir Putin and Donald Trump spoke by phone (over two hours)"."""
    past, base, preposition = _MODE_PHRASES.get(event.mode or "", _PHRASES[event.type])
    who = _names([a.name for a in event.actors]) or "Someone"
    whom = _names([r.name for r in event.recipients])
    verb = past if event.status in _REALIS else base
    line = f"{who} {verb}" if event.status in _REALIS else f"{who}: {verb}"
    if whom:
        line += f" {preposition} {whom}" if preposition else f" {whom}"
    if event.location is not None:
        line += f" in {event.location.name}"
    if event.date is not None and event.date.basis.value == "text":
        line += f" ({event.date.value})"
    if event.duration is not None:
        line += f" ({_duration_words(event.duration)})"
    if event.status not in _REALIS:
        line += f" [{event.status.value}]"
    return line


def _names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _duration_words(time: TimeMention) -> str:
    word = _MODIFIER_WORDS.get(time.modifier or "", "")
    if word and not time.text.lower().startswith(word):
        return f"{word} {time.text}"
    return time.text
