"""Expressions that name their time: dates, months, years, decades, quarters, seasons, holidays.

Where the year is left out ("October 16", "in March", "Thanksgiving"), it is the
one that puts the date nearest the anchor on the side the tense points to.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from communique.nlp.timex.values import (
    Anchor,
    Context,
    Timex,
    day_value,
    month_value,
    quarter_value,
    valid_date,
    year_value,
)
from communique.nlp.timex.words import HOLIDAY, MONTHS, ORDINALS, SEASONS, holiday, spoken_year
from communique.records import Precision, TimeKind

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})"
_ISO = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
_DAY_MONTH = re.compile(rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:\s*,?\s+{_YEAR})?\b")
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\s+(?:the\s+)?{_DAY}\b(?!\s*(?::|[ap]\.?m\b))(?:\s*,?\s+{_YEAR})?"
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}(?:\s+of)?,?\s+(?:{_YEAR}\b|'(?P<short>\d{{2}})\b)")
_MONTH_SHIFTED = re.compile(
    rf"\b(?:(?P<which>last|next|this|past|coming)\s+)?{_MONTH}(?:\s+(?P<of>last|this|next)\s+year)?\b"
)
_QUARTER = re.compile(
    r"\b(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+(?:fiscal\s+)?(?P<unit>quarter|half)s?\b"
    r"|\b(?P<q>q[1-4]|h[12])\b"
)
_SEASON = re.compile(
    rf"\b(?:(?P<which>last|next|this|past|coming|this past)\s+)?(?P<season>spring|summer|autumn|fall|winter)\b"
    rf"(?:\s+(?:of\s+)?{_YEAR})?"
)
_DECADE = re.compile(r"\b(?:the\s+)?(?:(?P<century>1[0-9]|20)(?P<decade>\d)0s|'(?P<short>\d)0s)\b")
_SPOKEN_DECADE = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
_CENTURY = re.compile(
    r"\b(?P<nth>\d{1,2})(?:st|nd|rd|th)\s+century\b|\b(?P<word>[a-z]+(?:[ -][a-z]+)?)\s+century\b"
)
_YEAR_ALONE = re.compile(rf"(?<![\d.,$])\b{_YEAR}\b(?![.,]\d)")
_SPOKEN_YEAR = re.compile(
    r"\b(?:nineteen|eighteen|twenty|two thousand)(?:\s+(?:and\s+)?[a-z]+){0,2}"
)
_HOLIDAY = re.compile(rf"\b(?P<name>{HOLIDAY})\b(?:\s+(?:of\s+)?{_YEAR})?")
_SHIFT_WORDS = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}


def explicit(text: str, context: Context) -> Timex | None:
    """ISO and slashed dates, "16 October", "October 16, 2025", "October 2025"."""
    if match := _ISO.search(text):
        year, month, day = int(match[1]), int(match[2]), match[3]
        if day and valid_date(year, month, int(day)):
            return day_value(date(year, month, int(day)))
        if not day and 1 <= month <= 12:
            return month_value(year, month)
    if match := _SLASHED.search(text):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        year += 2000 if year < 50 else 1900 if year < 100 else 0
        month, day = (second, first) if first > 12 else (first, second)
        if valid_date(year, month, day):
            return day_value(date(year, month, day))
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        if (match := pattern.search(text)) is not None and (
            found := _month_day(match, text, context)
        ):
            return found
    if match := _MONTH_YEAR.search(text):
        year = (
            int(match["year"])
            if match["year"]
            else _short_year(int(match["short"]), context.anchor)
        )
        return month_value(year, MONTHS[match["month"]])
    return None


def _month_day(match: re.Match[str], text: str, context: Context) -> Timex | None:
    month, day = MONTHS[match["month"]], int(match["day"])
    if match["year"]:
        year: int | None = int(match["year"])
    elif spoken := _SPOKEN_YEAR.search(text[match.end() :]):
        year = spoken_year(spoken[0])
    else:
        year = infer_year(context, month, day)
    if year is None:
        return Timex(TimeKind.DATE, f"XXXX-{month:02d}-{day:02d}", Precision.DAY)
    return day_value(date(year, month, day)) if valid_date(year, month, day) else None


def holidays(text: str, context: Context) -> Timex | None:
    if (match := _HOLIDAY.search(text)) is None:
        return None
    name = match["name"]
    if match["year"]:
        found = holiday(name, int(match["year"]))
    else:
        probe = holiday(name, context.anchor.day.year) if context.anchor.day else None
        year = infer_year(context, probe.month, probe.day) if probe else None
        found = holiday(name, year) if year is not None else None
    return day_value(found) if found else Timex(TimeKind.DATE, None)


def months(text: str, context: Context) -> Timex | None:
    """ "March", "last April", "June last year", "this September"."""
    if (match := _MONTH_SHIFTED.search(text)) is None:
        return None
    if match["month"] == "may" and not re.search(
        r"^may$|\b(?:in|mid|early|late|last|next|this|since|until|by|of) may\b", text
    ):
        return None
    month, anchor = MONTHS[match["month"]], context.anchor
    if anchor.day is None:
        return Timex(TimeKind.DATE, f"XXXX-{month:02d}", Precision.MONTH)
    which, year = match["which"], anchor.day.year
    if match["of"]:
        year += {"last": -1, "next": 1}.get(match["of"], 0)
    elif which in ("last", "past"):
        year -= 1 if month >= anchor.day.month else 0
    elif which in ("next", "coming"):
        year += 1 if month <= anchor.day.month else 0
    elif which != "this":
        year = infer_year(context, month, 15) or year
    return month_value(year, month)


def quarters(text: str, context: Context) -> Timex | None:
    """ "the third quarter", "Q4 2025", "the first half of 2026", "the 1988 second quarter"."""
    if (match := _QUARTER.search(text)) is None:
        return None
    if match["q"]:
        unit, nth = ("half" if match["q"][0] == "h" else "quarter"), int(match["q"][1])
    else:
        unit = match["unit"]
        nth = ORDINALS.get(match["nth"].replace("1st", "first"), 0) or {
            "2nd": 2,
            "3rd": 3,
            "4th": 4,
        }.get(match["nth"], 0)
        if match["nth"] in ("final", "last"):
            nth = 4 if unit == "quarter" else 2
    year = _year_of_period(text, context, nth * (3 if unit == "quarter" else 6) - 2)
    if year is None:
        return Timex(
            TimeKind.DATE, f"XXXX-{'Q' if unit == 'quarter' else 'H'}{nth}", Precision.MONTH
        )
    if unit == "half":
        return Timex(TimeKind.DATE, f"{year:04d}-H{nth}", Precision.MONTH)
    return quarter_value(year, nth)


def _year_of_period(text: str, context: Context, first_month: int) -> int | None:
    if match := _YEAR_ALONE.search(text):
        return int(match["year"])
    anchor = context.anchor
    if anchor.day is None:
        return None
    if match := re.search(
        r"\b(last|next|this|previous|following) year\b|\byear (?:earlier|ago)\b", text
    ):
        return anchor.day.year + _SHIFT_WORDS.get(match[1] or "last", 0)
    if not context.future and date(anchor.day.year, first_month, 1) > anchor.day:
        return anchor.day.year - 1
    return anchor.day.year


def seasons(text: str, context: Context) -> Timex | None:
    if (match := _SEASON.search(text)) is None:
        return None
    code = SEASONS[match["season"]]
    if match["year"]:
        return Timex(TimeKind.DATE, f"{match['year']}-{code}", Precision.YEAR)
    anchor = context.anchor
    if anchor.day is None:
        return Timex(TimeKind.DATE, f"XXXX-{code}", Precision.YEAR)
    year, now = anchor.day.year, _season_index(anchor.day.month)
    target = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}[code]
    which = (match["which"] or "").replace("this past", "last")
    if which in ("last", "past") and target >= now:
        year -= 1
    elif which in ("next", "coming") and target <= now:
        year += 1
    return Timex(TimeKind.DATE, f"{year:04d}-{code}", Precision.YEAR)


def _season_index(month: int) -> int:
    """0 spring, 1 summer, 2 autumn, 3 winter (December to February, counted with its January)."""
    return {3: 0, 4: 0, 5: 0, 6: 1, 7: 1, 8: 1, 9: 2, 10: 2, 11: 2}.get(month, 3)


def years(text: str, context: Context) -> Timex | None:
    """Decades ("the 1970s" -> ``197``), centuries (``19``), years, spoken years."""
    if match := _DECADE.search(text):
        if match["short"]:
            century = _short_year(int(match["short"]) * 10, context.anchor) // 100
            return Timex(TimeKind.DATE, f"{century}{match['short']}", Precision.YEAR)
        return Timex(TimeKind.DATE, f"{match['century']}{match['decade']}", Precision.YEAR)
    if match := re.search(r"\b(" + "|".join(_SPOKEN_DECADE) + r")\b", text):
        century = context.anchor.day.year // 100 - 1 if context.anchor.day else 19
        return Timex(TimeKind.DATE, f"{century}{_SPOKEN_DECADE[match[1]]}", Precision.YEAR)
    if match := _CENTURY.search(text):
        nth = (
            int(match["nth"])
            if match["nth"]
            else ORDINALS.get(match["word"].split()[-1] if match["word"] else "", 0)
        )
        if match["word"] and match["word"].split()[-1] == "this" and context.anchor.day:
            nth = context.anchor.day.year // 100 + 1
        if nth:
            return Timex(TimeKind.DATE, f"{nth - 1:02d}", Precision.YEAR)
    if match := _YEAR_ALONE.search(text):
        return year_value(int(match["year"]))
    if (match := _SPOKEN_YEAR.search(text)) and (year := spoken_year(match[0])):
        return year_value(year)
    return None


def infer_year(context: Context, month: int, day: int) -> int | None:
    """The year that puts month/day nearest the anchor, on the side the tense points to."""
    anchor = context.anchor.day
    if anchor is None:
        return None
    candidate = date(anchor.year, month, min(day, 28))
    if context.future and candidate < anchor - timedelta(days=14):
        return anchor.year + 1
    if not context.future and candidate > anchor + timedelta(days=62):
        return anchor.year - 1
    return anchor.year


def _short_year(short: int, anchor: Anchor) -> int:
    """ "'98" is 1998 and "'05" 2005, seen from the anchor's century."""
    base = anchor.day.year if anchor.day else 2000
    year = base - base % 100 + short
    return year - 100 if year > base + 10 else year
