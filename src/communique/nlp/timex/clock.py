"""Times of day: "2pm", "14:30 GMT", "noon Saturday", "this morning", "Wednesday night".

The value is a TIMEX3 time, ``2025-10-16T14:00`` or ``2025-10-16TMO``; the
date part comes from the rest of the expression (resolved by the date rules),
else from the publication date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from communique.nlp.timex.values import Context, Timex
from communique.nlp.timex.words import PARTS_OF_DAY
from communique.records import Precision, TimeKind

_ZONE = r"(?:\s*\(?(?:gmt|utc|bst|cet|cest|eet|eest|msk|est|edt|cst|cdt|pst|pdt|mst|mdt|ist|jst|local time)\)?)?"
_CLOCK = re.compile(
    rf"\b(?P<hour>[0-2]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>a\.?\s?m\b\.?|p\.?\s?m\b\.?|o'clock\b|h\b){_ZONE}"
    rf"|\b(?P<h24>[0-2]?\d):(?P<m24>[0-5]\d)\b{_ZONE}"
)
_PART = re.compile(
    r"\b(?:(?P<which>this|last|tomorrow|yesterday|the next|the following|the previous|early|late|mid|the)\s+)?"
    r"(?P<part>morning|afternoon|evening|night|tonight|overnight|midday|noon|midnight)\b"
)
_DAY_SHIFT = {
    "last": -1,
    "yesterday": -1,
    "tomorrow": 1,
    "the previous": -1,
    "the next": 1,
    "the following": 1,
}

DateRule = Callable[[str, Context], Timex | None]


def times_of_day(text: str, context: Context, date_of: DateRule) -> Timex | None:
    """The time a clock reading or a part of the day names, on the day the rest of the text names."""
    clock = _CLOCK.search(text)
    part = _PART.search(text)
    if clock is not None:
        time = _clock_value(clock)
        if time is None:
            return None
        rest = text[: clock.start()] + " " + text[clock.end() :]
        precision = Precision.MINUTE if clock["minute"] or clock["m24"] else Precision.HOUR
    elif part is not None:
        time, precision = PARTS_OF_DAY[part["part"]], Precision.HOUR
        rest = text[: part.start()] + " " + text[part.end() :]
        if part["which"] and part["which"] not in ("early", "late", "mid", "the", "this"):
            return _on_shifted_day(context, part["which"], time, precision)
    else:
        return None
    rest = re.sub(
        r"\b(?:at|on|of|in|the|this|early|late|around|about|local|time)\b|[,()]", " ", rest
    ).strip()
    date = date_of(rest, context) if rest else None
    if (
        date is not None
        and date.value
        and re.fullmatch(r"\d{4}-\d{2}-\d{2}|XXXX-WXX-\d", date.value)
    ):
        return Timex(TimeKind.TIME, f"{date.value}T{time}", precision)
    return _on_shifted_day(context, "", time, precision)


def _on_shifted_day(context: Context, which: str, time: str, precision: Precision) -> Timex:
    shift = _DAY_SHIFT.get(which, 0)
    anchor = context.reference if which.startswith("the ") else context.anchor
    if not anchor.daily or anchor.day is None:
        return Timex(TimeKind.TIME, f"XXXX-XX-XXT{time}", precision)
    day = anchor.day + timedelta(days=shift)
    return Timex(TimeKind.TIME, f"{day.isoformat()}T{time}", precision)


def _clock_value(match: re.Match[str]) -> str | None:
    if match["h24"] is not None:
        hour, minute = int(match["h24"]), match["m24"]
    else:
        hour, minute = int(match["hour"]), match["minute"] or "00"
        ampm = match["ampm"].replace(".", "").replace(" ", "")
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    if hour > 24:
        return None
    return f"{hour:02d}:{minute}"
