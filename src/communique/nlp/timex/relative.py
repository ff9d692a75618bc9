"""Expressions whose value depends on another time: "yesterday", "last week", "on Monday",
"three days earlier", "the previous day", "now".

Deictic ones ("yesterday", "last week", "two years ago") count from the
publication date; anaphoric ones ("the previous day", "three days earlier",
"that week") count from the time in focus (``Context.reference``); an offset
from an event ("a day after the call") has no value, only a ``shift``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from communique.nlp.timex.values import (
    Anchor,
    Context,
    Timex,
    add_months,
    day_value,
    iso_duration,
    month_value,
    quarter_value,
    unknown,
    week_value,
    year_value,
)
from communique.nlp.timex.words import QUANTITY, UNIT_WORD, WEEKDAYS, number
from communique.records import Precision, TimeKind

_DAY_WORDS = {
    "the day before yesterday": -2, "the day after tomorrow": 2, "today": 0, "tonight": 0,
    "yesterday": -1, "tomorrow": 1,
}  # fmt: skip
_ANAPHORIC_DAYS = {
    "the previous day": -1, "the day before": -1, "the prior day": -1, "the preceding day": -1,
    "the next day": 1, "the following day": 1, "the day after": 1, "the same day": 0, "that same day": 0,
    "that day": 0, "the day": 0,
}  # fmt: skip
_SHIFTS = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "prior": -1,
    "preceding": -1,
    "next": 1,
    "coming": 1,
    "following": 1,
}
_ANAPHORIC_WHICH = frozenset(
    {"previous", "prior", "preceding", "following", "that", "the same", "that same"}
)
_WEEKDAY = r"(?P<day>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b\.?"
_WEEKDAY_RE = re.compile(
    rf"\b(?:(?P<which>last|this|next|past|coming|previous|following)\s+)?{_WEEKDAY}"
)
_UNIT_RE = re.compile(
    r"\b(?P<which>this|last|next|past|previous|prior|preceding|coming|current|following|that|the same|that same|the)\s+"
    r"(?P<unit>week|weekend|month|year|quarter|decade|century)\b"
)
_OFFSET = re.compile(
    rf"\b(?P<qty>{QUANTITY})?\s*(?:more\s+|other\s+|trading\s+|business\s+|working\s+)?(?P<unit>{UNIT_WORD})\s+(?:or so\s+)?"
    r"(?P<dir>ago|earlier|later|before|after|from now|hence|previously|beforehand|afterwards?|on)\b"
    r"(?:\s+(?P<rest>.+))?"
)
_IN_OFFSET = re.compile(
    rf"^in\s+(?:(?:about|around|some)\s+)?(?P<qty>{QUANTITY})\s+(?P<unit>{UNIT_WORD})$"
)
_PRESENT = re.compile(
    r"\b(?:now|currently|at present|presently|nowadays|these days|at the moment|at this time|to date)\b"
)
_PAST = re.compile(
    r"\b(?:recently|lately|formerly|previously|in the past|the past|in recent times|historically)\b"
)
_FUTURE = re.compile(
    r"\b(?:soon|shortly|the future|future|the near future|the near term|the short term|the long term|someday)\b"
)


def deictic_days(text: str, context: Context) -> Timex | None:
    """ "today", "yesterday", and the anaphoric "the previous day", "that day"."""
    for phrase, shift in _DAY_WORDS.items():
        if re.search(rf"\b{phrase}\b", text):
            return _shift_day(context.anchor, shift, "PRESENT_REF" if shift == 0 else None)
    for phrase, shift in _ANAPHORIC_DAYS.items():
        if re.fullmatch(rf"(?:(?:later|earlier)\s+)?(?:on\s+|in\s+)?{phrase}", text):
            return replace(_shift_day(context.reference, shift, None), anaphoric=True)
    return None


def _shift_day(anchor: Anchor, shift: int, fallback: str | None) -> Timex:
    if not anchor.daily or anchor.day is None:
        return Timex(TimeKind.DATE, fallback)
    return day_value(anchor.day + timedelta(days=shift))


def units(text: str, context: Context) -> Timex | None:
    """ "this week", "next month", "last year", "the following week", "earlier this month"."""
    match = _UNIT_RE.search(text)
    if match is None:
        return None
    which, unit = match["which"], match["unit"]
    if which == "the" and not re.search(
        rf"\b(?:end|start|beginning|middle|rest|close|turn|remainder) of the {unit}\b|^the {unit}$",
        text,
    ):
        return None
    # "the quarter" is the quarter in focus, if the text has one; else the current one.
    anaphoric = which in _ANAPHORIC_WHICH or (
        which == "the" and _focus_fits(context.reference, unit)
    )
    anchor = context.reference if anaphoric else context.anchor
    if anchor.day is None or (anaphoric and _coarser(anchor, unit)):
        return replace(unknown(), anaphoric=anaphoric)
    timex = _unit_value(anchor, unit, _SHIFTS.get(which, 0), context.future)
    return replace(timex, anaphoric=anaphoric)


def _coarser(anchor: Anchor, unit: str) -> bool:
    """ "the previous week" cannot be counted from a year."""
    if anchor.precision is Precision.YEAR:
        return unit not in ("year", "decade", "century")
    return anchor.precision is Precision.MONTH and unit in ("week", "weekend")


def _focus_fits(reference: Anchor, unit: str) -> bool:
    if unit == "quarter":
        return reference.quarter
    if unit in ("week", "weekend"):
        return reference.precision in (Precision.WEEK, Precision.DAY)
    return (
        unit == "month"
        and reference.precision in (Precision.MONTH, Precision.DAY)
        and not reference.quarter
    )


def _unit_value(anchor: Anchor, unit: str, shift: int, future: bool) -> Timex:
    assert anchor.day is not None
    if unit == "weekend":
        # A weekend spoken of in the past tense is the last one, unless it is under way.
        if shift == 0 and not future and anchor.day.weekday() < 5:
            shift = -1
        timex = week_value(anchor.day + timedelta(weeks=shift))
        return Timex(TimeKind.DATE, f"{timex.value}-WE", Precision.WEEK)
    if unit == "week":
        return week_value(anchor.day + timedelta(weeks=shift))
    if unit == "month":
        return month_value(*add_months(anchor.day.year, anchor.day.month, shift))
    if unit == "quarter":
        year, month = add_months(anchor.day.year, anchor.day.month, 3 * shift)
        return quarter_value(year, (month - 1) // 3 + 1)
    if unit in ("decade", "century"):
        size = 10 if unit == "decade" else 100
        start = anchor.day.year // size + shift
        # TIMEX3 writes a decade with three digits ("202"), a century with two ("20").
        value = f"{start:03d}" if unit == "decade" else f"{start:02d}"
        return Timex(TimeKind.DATE, value, Precision.YEAR)
    return year_value(anchor.day.year + shift)


def weekdays(text: str, context: Context) -> Timex | None:
    """ "Monday" (the last one, or the next one in future tense; the publication weekday is that day)."""
    match = _WEEKDAY_RE.search(text)
    if match is None:
        return None
    target = WEEKDAYS[match["day"]]
    which = match["which"] or ""
    anchor = context.reference if which in ("previous", "following") else context.anchor
    if not anchor.daily or anchor.day is None:
        return Timex(TimeKind.DATE, f"XXXX-WXX-{target + 1}", Precision.DAY)
    delta = target - anchor.day.weekday()
    if which in ("next", "coming", "following") or (not which and context.future):
        delta = delta if delta > 0 or (delta == 0 and not which) else delta + 7
    elif which == "this":
        pass
    else:
        delta = delta if delta < 0 or (delta == 0 and not which) else delta - 7
    return day_value(anchor.day + timedelta(days=delta))


def offsets(text: str, context: Context) -> Timex | None:
    """ "three days ago", "a year earlier", "in two weeks", "a day after <event>"."""
    if (match := _IN_OFFSET.search(text)) and context.future:
        # Only a future "in two weeks" is a date; "doubled in a year" is an amount of time.
        unit = _unit(match["unit"])
        if unit in ("second", "minute", "hour"):
            return None
        return _shifted(context.anchor, number(match["qty"]), unit, 1)
    match = _OFFSET.search(text)
    if match is None:
        return None
    unit, direction = _unit(match["unit"]), match["dir"]
    amount = number(match["qty"]) if match["qty"] else None if match["unit"].endswith("s") else 1.0
    if amount is None and direction in ("ago", "from now", "hence"):
        return Timex(TimeKind.DATE, "PAST_REF" if direction == "ago" else "FUTURE_REF")
    if direction in ("ago", "from now", "hence"):
        return _shifted(context.anchor, amount, unit, -1 if direction == "ago" else 1)
    sign = -1 if direction in ("earlier", "before", "previously", "beforehand") else 1
    if direction in ("before", "after", "on"):
        # The point it counts from is an event ("a day after the call"); the event
        # layer dates it. An offset from a date is read by `normalise` as "later".
        sign_text = "-" if sign < 0 else "+"
        return Timex(TimeKind.DATE, None, shift=sign_text + iso_duration(amount, unit))
    return replace(_shifted(context.reference, amount, unit, sign), anaphoric=True)


def _unit(word: str) -> str:
    word = word.removesuffix("s")
    return "century" if word == "centurie" else word


def _shifted(anchor: Anchor, amount: float | None, unit: str, sign: int) -> Timex:
    """The anchor moved by amount units, at the precision of the unit (or the anchor's, if coarser)."""
    day = anchor.day
    if day is None or unit in ("second", "minute", "hour"):
        return unknown()
    if amount is None or amount != int(amount):
        # "days later": no count to move by, but it is still the month in focus.
        if unit in ("day", "night") and anchor.precision in (
            Precision.DAY,
            Precision.WEEK,
            Precision.MONTH,
        ):
            return month_value(day.year, day.month)
        return unknown()
    n = int(amount) * sign
    if anchor.quarter and unit in ("year", "quarter"):
        year, month = add_months(day.year, day.month, n * (12 if unit == "year" else 3))
        return quarter_value(year, (month - 1) // 3 + 1)
    coarse = anchor.precision in (Precision.MONTH, Precision.YEAR)
    if unit in ("day", "night", "week", "fortnight", "weekend") and not coarse:
        days = n * {"week": 7, "fortnight": 14, "weekend": 7}.get(unit, 1)
        moved = day + timedelta(days=days)
        return day_value(moved) if unit in ("day", "night") and anchor.daily else week_value(moved)
    if (
        unit in ("month", "day", "night", "week", "fortnight", "weekend")
        and anchor.precision is not Precision.YEAR
    ):
        months = n if unit == "month" else 0
        return month_value(*add_months(day.year, day.month, months))
    if unit in ("decade", "century"):
        return year_value(day.year + n * (10 if unit == "decade" else 100))
    return year_value(day.year + (n if unit == "year" else 0))


def references(text: str, context: Context) -> Timex | None:
    """ "now" (``PRESENT_REF``), "recently" (``PAST_REF``), "soon" (``FUTURE_REF``)."""
    for pattern, value in ((_PRESENT, "PRESENT_REF"), (_PAST, "PAST_REF"), (_FUTURE, "FUTURE_REF")):
        if pattern.search(text):
            return Timex(TimeKind.DATE, value)
    return None
