"""Dates counted from another event: "hours before the call", "a day after Trump met Putin".

The time layer gives such an expression no value, only a shift from the event
it names ("-PTXH", "+P1D"). This module finds that event, the trigger inside
the phrase after "before" or "after", and once every event has its own date,
dates the shifted event from it: hours keep the day, days and weeks move it,
an unknown number of days ("days after") keeps only the month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.tokens import Token

from communique.nlp.actors import ActorEntity
from communique.nlp.events.dates import named_phrase
from communique.nlp.events.mentions import DateReading, DocIndex, EventMention
from communique.nlp.times import TimeMention
from communique.records import DateBasis, Precision

_SHIFT = re.compile(r"^([+-])P(T?)(\d+|X)([YMWDH])$")
# "days later", "two weeks earlier": counted from something the text told before
_LATER = re.compile(
    r"^(?:(?P<qty>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a few|several)\s+)?"
    r"(?P<unit>hours?|days?|nights?|weeks?)\s+(?P<dir>later|earlier|afterwards)$",
    re.IGNORECASE,
)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNTS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10}


@dataclass(frozen=True, slots=True)
class Offset:
    """A shift ("+P1D") from the event whose trigger is ``anchor``, said by ``time``."""

    time: TimeMention
    anchor: tuple[int, int]


def offset_of(
    pairs: list[tuple[int, TimeMention]], triggers: list[Token], index: DocIndex
) -> Offset | None:
    """The nearest offset expression attached to a trigger, and the event it counts from."""
    for _, time in sorted(pairs, key=lambda pair: pair[0]):
        if time.shift and time.value is None and (anchor := _named_event(time, triggers, index)):
            return Offset(time, (anchor.i, anchor.i + 1))
    return None


def _named_event(time: TimeMention, triggers: list[Token], index: DocIndex) -> Token | None:
    """The trigger in the phrase the expression's "before"/"after" introduces."""
    phrase = named_phrase(time, index)
    return next((t for t in triggers if t.i in phrase), None)


def resolve_offsets(events: list[EventMention]) -> None:
    """Date each event counted from another from that event's own date."""
    for event in events:
        offset = event.offset
        if offset is None or (event.date is not None and event.date.basis == DateBasis.TEXT):
            continue
        anchor = next((e for e in events if offset.anchor in e.mentions), None)
        if anchor is None or anchor is event or anchor.date is None:
            continue
        if anchor.date.basis == DateBasis.TEXT:
            event.date = shifted(anchor.date, offset.time)


def shifted(reading: DateReading, time: TimeMention) -> DateReading | None:
    """``reading`` moved by the shift of ``time``, at the precision the shift allows."""
    match = _SHIFT.match(time.shift or "")
    if match is None:
        return None
    sign, clock, amount, unit = match.groups()
    if clock or reading.precision == Precision.YEAR:
        return DateReading(reading.value, reading.precision, DateBasis.TEXT, time)
    if unit not in {"D", "W"}:
        return None
    if amount == "X" or reading.precision != Precision.DAY:
        # "days after", or an event known only to the month: the month
        return DateReading(reading.value[:7], Precision.MONTH, DateBasis.TEXT, time)
    days = int(amount) * (7 if unit == "W" else 1) * (1 if sign == "+" else -1)
    day = date.fromisoformat(reading.value[:10]) + timedelta(days=days)
    return DateReading(day.isoformat(), Precision.DAY, DateBasis.TEXT, time)


def from_antecedent(events: list[EventMention]) -> None:
    """ "The pair met on 15 August … They spoke again *days later*": counted from the last event
    told before of the same people, not from the last date the text happened to name."""
    for event in events:
        reading = event.date
        shift = _later_shift(reading.time.text) if reading and reading.time else None
        if reading is None or reading.time is None or shift is None or not event.participants:
            continue
        here = reading.time.start
        best: tuple[int, EventMention] | None = None
        for other in events:
            if other is event or not _counts_from(other) or not _covers(other, event.participants):
                continue
            before = [start for start, _ in other.mentions or [other.trigger] if start < here]
            if before and (best is None or max(before) > best[0]):
                best = (max(before), other)
        if best is not None and best[1].date is not None:
            moved = shifted(best[1].date, replace(reading.time, shift=shift))
            event.date = moved or event.date


def _later_shift(text: str) -> str | None:
    match = _LATER.match(text.strip())
    if match is None:
        return None
    qty, unit = (match["qty"] or "").lower(), match["unit"].lower()
    amount = str(int(qty)) if qty.isdigit() else str(_COUNTS[qty]) if qty in _COUNTS else "X"
    if not qty and not unit.endswith("s"):
        amount = "1"
    sign = "-" if match["dir"].lower() == "earlier" else "+"
    letter = {"h": "TXH", "d": "D", "n": "D", "w": "W"}[unit[0]]
    if letter == "TXH":
        return f"{sign}PT{amount}H"
    return f"{sign}P{amount}{letter}"


def _counts_from(event: EventMention) -> bool:
    """An event with a date of its own the text gives (not itself counted from another)."""
    reading = event.date
    if reading is None or reading.basis != DateBasis.TEXT:
        return False
    return reading.time is None or _later_shift(reading.time.text) is None


def _covers(event: EventMention, people: list[ActorEntity]) -> bool:
    ids = {id(actor) for actor in event.participants}
    countries = {actor.country for actor in event.participants if actor.country}
    return all(
        id(a) in ids or (a.kind.value == "country" and a.country in countries) for a in people
    )
