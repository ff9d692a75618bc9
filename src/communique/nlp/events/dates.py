"""Dates and durations of events, from the time expressions of their own clause.

Each time expression of a sentence goes to the nearest trigger it attaches to
(:mod:`communique.nlp.events.attachment`). Its TIMEX3 value becomes the event
date at the precision the gold conventions use: days stay days, weeks ("this
week", "next week") become their month, seasons and quarters their year.
Durations ("lasted over two hours") become the event's duration.

The publication date is used only for an event reported as just done in the
article's opening lines with no time expression of its own, and is then
flagged ``basis: publication``; otherwise an event without a time expression
has no date.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Token

from communique.nlp.events.attachment import RELATIVE_PREPOSITIONS, distance, reach, root_of
from communique.nlp.events.mentions import DateReading, DocIndex
from communique.nlp.times import TimeMention
from communique.records import DateBasis, EventStatus, Precision, TimeKind

_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_MONTH = re.compile(r"^(\d{4}-\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_YEAR_PART = re.compile(r"^(\d{4})(?:-(?:SP|SU|FA|WI|Q[1-4]|H[12]))?$")
# Nouns whose own date is when they run out.
_EXPIRING = frozenset({"deadline", "ultimatum"})
# Opening sentences that carry the news: an event there with no date of its own happened "now".
LEAD_SENTENCES = 2


def event_date(time: TimeMention) -> DateReading | None:
    """The date reading of a time expression, at the precision the readout uses."""
    value = time.value or ""
    if m := _DAY.match(value):
        return DateReading(m.group(1), Precision.DAY, time=time)
    if m := _MONTH.match(value):
        return DateReading(m.group(1), Precision.MONTH, time=time)
    if m := _WEEK.match(value):
        return DateReading(
            _week_month(int(m.group(1)), int(m.group(2))), Precision.MONTH, time=time
        )
    if m := _YEAR_PART.match(value):
        return DateReading(m.group(1), Precision.YEAR, time=time)
    return None


def _week_month(year: int, week: int) -> str:
    """The month of an ISO week: the month of its Thursday, which holds most of its days."""
    try:
        thursday = date.fromisocalendar(year, week, 4)
    except ValueError:
        return f"{year}"
    return f"{thursday.year}-{thursday.month:02d}"


def sentence_times(index: DocIndex, start: int, end: int) -> list[TimeMention]:
    seen: list[TimeMention] = []
    for i in range(start, end):
        time = index.time_at.get(i)
        if time is not None and all(time is not t for t in seen):
            seen.append(time)
    return seen


def assign_times(
    triggers: list[Token], times: list[TimeMention], index: DocIndex
) -> dict[int, list[tuple[int, TimeMention]]]:
    """For each trigger token, the (distance, time) pairs of the times that attach nearest to it."""
    reaches = {trigger.i: reach(trigger) for trigger in triggers}
    assigned: dict[int, list[tuple[int, TimeMention]]] = {}
    for time in times:
        if _relative(time, index):
            continue
        root = root_of(list(index.doc[time.start : time.end]))
        if _expiry(root):
            continue
        # "hours before *the call*": the event counted from is not the one dated
        counted_from = named_phrase(time, index) if time.shift else set()
        best: tuple[int, int] | None = None
        for trigger in triggers:
            if trigger.i in counted_from:
                continue
            steps = distance(root, reaches[trigger.i])
            if steps is None and _when_clause(trigger, time):
                steps = 1
            if steps is not None and (best is None or steps < best[0]):
                best = (steps, trigger.i)
        if best is not None:
            assigned.setdefault(best[1], []).append((best[0], time))
    return assigned


def named_phrase(time: TimeMention, index: DocIndex) -> set[int]:
    """Tokens of the phrase an offset's "before"/"after" introduces ("hours before *the call*")."""
    doc = index.doc
    for i in range(time.start, min(time.end + 1, len(doc))):
        word = doc[i]
        if word.lower_ in {"before", "after"}:
            phrase = word.subtree if word.dep_ == "prep" else word.head.subtree
            return {t.i for t in phrase if t.i != word.i}
    return set()


def _expiry(root: Token) -> bool:
    """ "an *8 August* deadline": the day a deadline runs out, not the day it was set."""
    return root.dep_ in {"compound", "nmod", "amod", "npadvmod"} and root.head.lemma_ in _EXPIRING


def elapsed_since(
    trigger: Token, times: list[TimeMention], published: str | None
) -> DateReading | None:
    """ "It is five months *since* America broke off talks": publication minus the span."""
    marks = {c.lower_ for c in trigger.children if c.dep_ == "mark"}
    if "since" not in marks or not published or len(published) < 7:
        return None
    for time in times:
        if time.kind != TimeKind.DURATION or not time.value:
            continue
        if not (time.start <= trigger.head.i < time.end or _attached_to(time, trigger.head)):
            continue
        return _before_publication(published, time.value)
    return None


def _attached_to(time: TimeMention, verb: Token) -> bool:
    return any(t.head.i == verb.i for t in verb.doc[time.start : time.end])


def _before_publication(published: str, span: str) -> DateReading | None:
    match = re.fullmatch(r"P(\d+)([YMWD])", span)
    if match is None:
        return None
    amount, unit = int(match.group(1)), match.group(2)
    year, month = int(published[:4]), int(published[5:7])
    if unit == "Y":
        return DateReading(f"{year - amount}", Precision.YEAR)
    months = amount if unit == "M" else (amount * 7 if unit == "W" else amount) // 30
    total = year * 12 + month - 1 - months
    return DateReading(f"{total // 12}-{total % 12 + 1:02d}", Precision.MONTH)


def _when_clause(trigger: Token, time: TimeMention) -> bool:
    """ "on 28 February, when he *berated* the president": a clause hung on the time expression."""
    return trigger.dep_ in {"relcl", "advcl", "acl"} and time.start <= trigger.head.i < time.end


def _relative(time: TimeMention, index: DocIndex) -> bool:
    """ "since mid-August", "hours before": the expression dates something else."""
    before = index.doc[time.start - 1] if time.start > 0 else None
    first = time.text.split()[0].lower() if time.text else ""
    return (
        before is not None and before.lower_ in RELATIVE_PREPOSITIONS
    ) or first in RELATIVE_PREPOSITIONS


def choose(pairs: list[tuple[int, TimeMention]]) -> tuple[DateReading | None, TimeMention | None]:
    """The event's date and duration from the times attached to its trigger."""
    date_reading: DateReading | None = None
    duration: TimeMention | None = None
    for _, time in sorted(pairs, key=lambda pair: pair[0]):
        if time.kind == TimeKind.DURATION:
            duration = duration or time
        elif date_reading is None:
            date_reading = event_date(time)
    return date_reading, duration


def publication_date(
    published: str | None, status: EventStatus, sentence_number: int, trigger: Token
) -> DateReading | None:
    """The publication date, flagged, for an event the opening lines report as just done."""
    if not published or status != EventStatus.OCCURRED or sentence_number >= LEAD_SENTENCES:
        return None
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if not auxiliaries & {"has", "have", "'s", "'ve"}:
        return None
    precision = Precision.DAY if len(published) >= 10 else Precision.MONTH
    return DateReading(published[:10], precision, DateBasis.PUBLICATION)


def is_future(reading: DateReading, published: str | None) -> bool:
    """Whether a date lies after publication: a meeting "on Friday" or "next month" yet to come."""
    if (
        not published
        or reading.precision == Precision.YEAR
        or reading.basis == DateBasis.PUBLICATION
    ):
        return False
    width = 10 if reading.precision == Precision.DAY else 7
    return len(published) >= width and reading.value[:width] > published[:width]


_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


def upcoming(reading: DateReading, published: str | None) -> DateReading:
    """A weekday named for an event still to come is the next one ("will meet on Friday"),
    even when the expression alone was read as the last one."""
    time = reading.time
    if time is None or not published or reading.precision != Precision.DAY or len(published) < 10:
        return reading
    words = set(time.text.lower().split())
    if (
        not words & _WEEKDAYS
        or words & {"last", "past", "previous"}
        or reading.value >= published[:10]
    ):
        return reading
    day = date.fromisoformat(reading.value)
    shifted = date.fromordinal(day.toordinal() + 7)
    if shifted.isoformat() < published[:10]:
        return reading
    return DateReading(shifted.isoformat(), reading.precision, reading.basis, time)
