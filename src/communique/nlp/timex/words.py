"""The words time expressions are made of: months, weekdays, units, numbers, holidays.

Everything here is lower case; :func:`communique.nlp.timex.normalise` lowers the
text before it looks anything up.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "tonight": "NI",
    "overnight": "NI",
    "midday": "12:00",
    "noon": "12:00",
    "midnight": "24:00",
}

# unit -> (ISO designator, belongs after the "T", how many of the designator one unit is)
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1),
    "minute": ("M", True, 1),
    "hour": ("H", True, 1),
    "day": ("D", False, 1),
    "night": ("D", False, 1),
    "week": ("W", False, 1),
    "weekend": ("D", False, 2),
    "fortnight": ("W", False, 2),
    "month": ("M", False, 1),
    "quarter": ("Q", False, 1),
    "year": ("Y", False, 1),
    "decade": ("Y", False, 10),
    "century": ("Y", False, 100),
}
UNIT_WORD = (
    r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"
)

_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBER_WORDS: dict[str, float] = {word: index for index, word in enumerate(_SMALL)}
NUMBER_WORDS |= _TENS | {
    "a": 1,
    "an": 1,
    "half": 0.5,
    "dozen": 12,
    "hundred": 100,
    "thousand": 1000,
    "couple": 2,
}
# Quantities the text leaves open: the value gets an "X" ("PXY"), never a guess.
VAGUE = ("a few", "few", "several", "many", "some", "a number of", "numerous")
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip

_WORD = "|".join(sorted((re.escape(word) for word in NUMBER_WORDS), key=len, reverse=True))
# "12", "2.5", "1,000", "2 1/2", "twenty four", "one and a half", "a hundred"
NUMBER = rf"(?:\d[\d,]*(?:\.\d+)?(?:\s+\d/\d)?|\d/\d|(?:a\s+)?couple\s+of|(?:{_WORD})(?:\s+(?:and\s+)?(?:{_WORD}))*)"
_VAGUE_RE = "|".join(re.escape(word) for word in VAGUE)
QUANTITY = rf"(?:{NUMBER}|{_VAGUE_RE})"


def number(text: str) -> float | None:
    """The number a digit string or a phrase of number words spells; None if vague or not a number."""
    text = text.strip().replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if match := re.fullmatch(r"(?:(\d+)\s+)?(\d)/(\d)", text):
        return float(match[1] or 0) + int(match[2]) / int(match[3])
    words = text.split()
    if (
        len(words) > 1
        and words[0] in ("a", "an")
        and words[1] not in ("hundred", "thousand", "dozen", "half")
    ):
        words = words[1:]  # "a two-year term": the article, not one
    total, current = 0.0, 0.0
    for word in words:
        if word in ("and", "of"):
            continue
        if word not in NUMBER_WORDS:
            return None
        value = NUMBER_WORDS[word]
        if word in ("hundred", "thousand"):
            current = max(current, 1) * value
            if word == "thousand":
                total, current = total + current, 0
        elif word == "half":
            current = current + 0.5 if current else 0.5
        elif word in ("a", "an"):
            current = current or 1
        else:
            current += value
    return total + current or None


def spoken_year(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand" -> 2000, as broadcast transcripts write years."""
    words = text.replace("-", " ").split()
    if len(words) >= 2 and words[0] in NUMBER_WORDS and 10 <= NUMBER_WORDS[words[0]] <= 20:
        rest = number(" ".join(words[1:]))
        if rest is not None and rest < 100 and words[1] != "hundred":
            return int(NUMBER_WORDS[words[0]] * 100 + rest)
    value = number(" ".join(words))
    if value is not None and 1000 <= value <= 2100 and value == int(value):
        return int(value)
    return None


def holiday(name: str, year: int) -> date | None:
    """The date of a public holiday the news often dates things by."""
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new year's day": (1, 1), "new year's eve": (12, 31), "new year": (1, 1),
        "boxing day": (12, 26), "independence day": (7, 4), "valentine's day": (2, 14),
        "halloween": (10, 31), "bastille day": (7, 14), "victory day": (5, 9),
    }  # fmt: skip
    if name in fixed:
        return date(year, *fixed[name])
    if name in ("thanksgiving", "thanksgiving day"):
        return _nth_weekday(year, 11, 3, 4)
    if name in ("labor day", "labour day"):
        return _nth_weekday(year, 9, 0, 1)
    if name == "memorial day":
        return _nth_weekday(year, 5, 0, 5)
    if name in ("easter", "easter sunday"):
        return _easter(year)
    if name == "good friday":
        return _easter(year) - timedelta(days=2)
    return None


HOLIDAY = (
    r"(?:christmas(?: day| eve)?|new year's(?: day| eve)|boxing day|independence day|valentine's day|halloween"
    r"|bastille day|victory day|thanksgiving(?: day)?|labou?r day|memorial day|easter(?: sunday)?|good friday)"
)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth given weekday of a month; nth=5 means the last one."""
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    while day.month != month:
        day -= timedelta(days=7)
    return day


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)
