"""Normalise one time expression against an anchor date (no spaCy here).

>>> anchor = Anchor.from_published("2025-10-21")
>>> normalise("last Thursday", anchor).value
'2025-10-16'
>>> normalise("over two hours", anchor).value
'PT2H'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from communique.records import Precision, TimeKind

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
         ("thursday", "thu", "thurs"), ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"))
    )
    for name in names
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "a couple of": 2, "couple of": 2, "a few": 3, "few": 3, "several": 3, "half a": 0.5,
}
_UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "week": ("W", False), "fortnight": ("W2", False), "month": ("M", False),
    "year": ("Y", False), "decade": ("Y10", False), "century": ("Y100", False),
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_MODIFIERS = (
    (r"(?:over|more than|at least|upwards of|in excess of)", "MORE_THAN"),
    (r"(?:within|less than|under|up to|no more than|fewer than)", "LESS_THAN"),
    (r"(?:about|around|some|roughly|approximately|nearly|almost|close to)", "APPROX"),
)

_NUM = r"(?:\d+(?:\.\d+)?|" + "|".join(sorted((re.escape(k) for k in NUMBERS), key=len, reverse=True)) + ")"
_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|century|centurie)s?"
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"

_DURATION = re.compile(rf"\b(?P<num>{_NUM})[\s-]+(?P<unit>{_UNIT})\b(?P<rest>.*)$", re.I)
_AGO = re.compile(r"\b(?:ago|earlier|before|previously|prior|later|after|since|from now|hence|beforehand)\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>\d{{4}}))?", re.I)
_MONTH_DAY = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?", re.I)
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})(?:\s+of)?,?\s+(?P<year>\d{{4}})\b", re.I)
_MONTH_ALONE = re.compile(rf"\b(?P<month>{_MONTH})\b", re.I)
_DECADE = re.compile(r"\b(?:the\s+)?(?P<decade>\d{3})0s\b", re.I)
_YEAR = re.compile(r"\b(?P<year>1[5-9]\d{2}|20\d{2})\b")
_WEEKDAY_RE = re.compile(rf"\b(?P<which>last|this|next|past|coming)?\s*(?P<day>{_WEEKDAY})\b", re.I)
_RELATIVE_UNIT = re.compile(r"\b(?P<which>this|last|next|past|previous|coming|current|the same)\s+(?P<unit>week|weekend|month|year|quarter)\b", re.I)
_SEASON = re.compile(r"\b(?P<which>this|last|next|past|coming)?\s*(?P<season>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(?P<year>\d{4}))?", re.I)
_QUARTER = re.compile(r"\b(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th|q[1-4])\s*(?:quarter)?\b(?:\s+of)?\s*(?P<year>\d{4})?", re.I)
_CLOCK = re.compile(r"\b(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?", re.I)
_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


@dataclass(frozen=True, slots=True)
class Timex:
    kind: TimeKind
    value: str | None
    precision: Precision | None = None
    modifier: str | None = None


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date relative expressions are resolved against (the publication date)."""

    day: date | None
    precision: Precision | None = None

    @classmethod
    def from_published(cls, published: str | None) -> Anchor:
        if not published:
            return cls(None)
        try:
            if len(published) == 7:
                return cls(date.fromisoformat(published + "-01"), Precision.MONTH)
            return cls(date.fromisoformat(published[:10]), Precision.DAY)
        except ValueError:
            return cls(None)


def normalise(text: str, anchor: Anchor, *, future: bool = False) -> Timex | None:
    """The TIMEX3 reading of ``text``, or None when it is not a time expression."""
    lowered = " ".join(text.lower().replace("–", "-").split())
    modifier = _modifier(lowered)
    for rule in (_duration, _explicit, _relative_word, _relative_unit, _weekday, _season, _quarter, _month_only, _decade_or_year, _clock):
        timex = rule(lowered, anchor, future)
        if timex is not None:
            return _with_modifier(timex, modifier)
    return None


def _with_modifier(timex: Timex, modifier: str | None) -> Timex:
    if modifier is None or timex.modifier is not None:
        return timex
    return Timex(timex.kind, timex.value, timex.precision, modifier)


def _modifier(text: str) -> str | None:
    if re.search(r"\bmid(?:-|\s|dle of\s)", text):
        return "MID"
    if re.search(r"\b(?:early|start of|beginning of)\b", text):
        return "START"
    if re.search(r"\b(?:late|end of)\b", text):
        return "END"
    for pattern, name in _MODIFIERS:
        if re.match(rf"{pattern}\b", text):
            return name
    return None


def _number(word: str) -> float | None:
    word = word.lower().strip()
    if word in NUMBERS:
        return NUMBERS[word]
    try:
        return float(word)
    except ValueError:
        return None


def _duration(text: str, anchor: Anchor, future: bool) -> Timex | None:
    match = _DURATION.search(text)
    if match is None:
        return None
    amount = _number(match["num"])
    unit = match["unit"].lower().rstrip("s").replace("centurie", "century")
    if amount is None or unit not in _UNITS:
        return None
    if _AGO.search(match["rest"]) or re.search(r"\b(?:in|after)\s+" + re.escape(match["num"]), text):
        return _offset(text, amount, unit, anchor, match["rest"])
    return Timex(TimeKind.DURATION, _iso_duration(amount, unit))


def _iso_duration(amount: float, unit: str) -> str:
    code, is_time = _UNITS[unit]
    multiplier = 1
    if code[1:].isdigit():
        multiplier, code = int(code[1:]), code[0]
    value = amount * multiplier
    number = str(int(value)) if value == int(value) else str(value)
    return f"PT{number}{code}" if is_time else f"P{number}{code}"


def _offset(text: str, amount: float, unit: str, anchor: Anchor, rest: str) -> Timex | None:
    """"three days ago", "in two weeks": a date relative to the anchor."""
    if anchor.day is None or not re.search(r"\b(?:ago|from now|hence)\b|^in\b", text) or amount != int(amount):
        return Timex(TimeKind.DATE, None)
    sign = -1 if "ago" in rest else 1
    n = int(amount) * sign
    if unit == "day":
        return _day(anchor.day + timedelta(days=n))
    if unit in ("week", "fortnight"):
        return _week(anchor.day + timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
    if unit == "month":
        year, month = _add_months(anchor.day.year, anchor.day.month, n)
        return Timex(TimeKind.DATE, f"{year:04d}-{month:02d}", Precision.MONTH)
    if unit == "year":
        return Timex(TimeKind.DATE, f"{anchor.day.year + n:04d}", Precision.YEAR)
    return Timex(TimeKind.DATE, None)


def _explicit(text: str, anchor: Anchor, future: bool) -> Timex | None:
    if match := _ISO.search(text):
        year, month, day = int(match[1]), int(match[2]), match[3]
        if day and _valid(year, month, int(day)):
            return _day(date(year, month, int(day)))
        if 1 <= month <= 12 and not day:
            return Timex(TimeKind.DATE, f"{year:04d}-{month:02d}", Precision.MONTH)
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        if (match := pattern.search(text)) is None:
            continue
        month, day = MONTHS[match["month"].rstrip(".").lower()], int(match["day"])
        if match["year"]:
            year = int(match["year"])
        else:
            year = _infer_year(anchor, month, day, future)
            if year is None:
                return Timex(TimeKind.DATE, f"XXXX-{month:02d}-{day:02d}", Precision.DAY)
        if _valid(year, month, day):
            return _day(date(year, month, day))
    if match := _MONTH_YEAR.search(text):
        month = MONTHS[match["month"].rstrip(".").lower()]
        return Timex(TimeKind.DATE, f"{int(match['year']):04d}-{month:02d}", Precision.MONTH)
    return None


def _relative_word(text: str, anchor: Anchor, future: bool) -> Timex | None:
    words = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the previous day": -1,
             "the day before": -1, "the next day": 1, "the following day": 1, "this morning": 0,
             "this afternoon": 0, "this evening": 0, "last night": -1}
    for phrase, shift in words.items():
        if re.search(rf"\b{phrase}\b", text):
            if anchor.day is None or anchor.precision is not Precision.DAY:
                return Timex(TimeKind.DATE, "PRESENT_REF" if shift == 0 else None)
            return _day(anchor.day + timedelta(days=shift))
    if re.search(r"\b(?:now|currently|at present|nowadays)\b", text):
        return Timex(TimeKind.DATE, "PRESENT_REF")
    if re.search(r"\b(?:recently|lately|in the past|formerly|once)\b", text):
        return Timex(TimeKind.DATE, "PAST_REF")
    if re.search(r"\b(?:soon|in the future|in (?:the )?coming (?:days|weeks|months|years))\b", text):
        return Timex(TimeKind.DATE, "FUTURE_REF")
    return None


def _relative_unit(text: str, anchor: Anchor, future: bool) -> Timex | None:
    match = _RELATIVE_UNIT.search(text)
    if match is None:
        if re.search(r"\b(?:earlier|later)\s+(?:this|in the)\s+month\b", text):
            match = re.search(r"(?P<which>this)\s+(?P<unit>month)", "this month")
        elif re.search(r"\b(?:earlier|later)\s+this\s+year\b", text):
            match = re.search(r"(?P<which>this)\s+(?P<unit>year)", "this year")
        else:
            return None
    assert match is not None
    if anchor.day is None:
        return Timex(TimeKind.DATE, None)
    which, unit = match["which"].lower(), match["unit"].lower()
    shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit in ("week", "weekend"):
        timex = _week(anchor.day + timedelta(weeks=shift))
        if unit == "weekend" and timex.value:
            return Timex(TimeKind.DATE, f"{timex.value}-WE", Precision.WEEK)
        return timex
    if unit == "month":
        year, month = _add_months(anchor.day.year, anchor.day.month, shift)
        return Timex(TimeKind.DATE, f"{year:04d}-{month:02d}", Precision.MONTH)
    if unit == "quarter":
        year, month = _add_months(anchor.day.year, anchor.day.month, 3 * shift)
        return Timex(TimeKind.DATE, f"{year:04d}-Q{(month - 1) // 3 + 1}", Precision.MONTH)
    return Timex(TimeKind.DATE, f"{anchor.day.year + shift:04d}", Precision.YEAR)


def _weekday(text: str, anchor: Anchor, future: bool) -> Timex | None:
    match = _WEEKDAY_RE.search(text)
    if match is None:
        return None
    target = WEEKDAYS[match["day"].rstrip(".").lower()]
    if anchor.day is None or anchor.precision is not Precision.DAY:
        return Timex(TimeKind.DATE, f"XXXX-WXX-{target + 1}", Precision.DAY)
    which = (match["which"] or "").lower()
    delta = target - anchor.day.weekday()
    if which in ("next", "coming") or (not which and future):
        delta = delta if delta > 0 else delta + 7
        if which == "next" and delta < 2:
            delta += 7
    elif which in ("last", "past") or not which:
        delta = delta if delta < 0 or (delta == 0 and not which) else delta - 7
    return _day(anchor.day + timedelta(days=delta))


def _season(text: str, anchor: Anchor, future: bool) -> Timex | None:
    match = _SEASON.search(text)
    if match is None:
        return None
    code = SEASONS[match["season"].lower()]
    if match["year"]:
        return Timex(TimeKind.DATE, f"{match['year']}-{code}", Precision.YEAR)
    if anchor.day is None:
        return Timex(TimeKind.DATE, f"XXXX-{code}", Precision.YEAR)
    shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get((match["which"] or "").lower(), 0)
    return Timex(TimeKind.DATE, f"{anchor.day.year + shift:04d}-{code}", Precision.YEAR)


def _quarter(text: str, anchor: Anchor, future: bool) -> Timex | None:
    if "quarter" not in text and not re.search(r"\bq[1-4]\b", text):
        return None
    match = _QUARTER.search(text)
    if match is None:
        return None
    nth = match["nth"].lower()
    number = int(nth[1]) if nth.startswith("q") else _ORDINALS[nth]
    year = match["year"] or (str(anchor.day.year) if anchor.day else "XXXX")
    return Timex(TimeKind.DATE, f"{year}-Q{number}", Precision.MONTH)


def _month_only(text: str, anchor: Anchor, future: bool) -> Timex | None:
    match = _MONTH_ALONE.search(text)
    if match is None or (match["month"].lower().startswith("may") and not re.match(r"^(?:in |mid-?|early |late )?may\b", text)):
        return None
    month = MONTHS[match["month"].rstrip(".").lower()]
    year = _infer_year(anchor, month, 15, future)
    if year is None:
        return Timex(TimeKind.DATE, f"XXXX-{month:02d}", Precision.MONTH)
    return Timex(TimeKind.DATE, f"{year:04d}-{month:02d}", Precision.MONTH)


def _decade_or_year(text: str, anchor: Anchor, future: bool) -> Timex | None:
    if match := _DECADE.search(text):
        return Timex(TimeKind.DATE, f"{match['decade']}", Precision.YEAR)
    if match := _YEAR.search(text):
        return Timex(TimeKind.DATE, match["year"], Precision.YEAR)
    return None


def _clock(text: str, anchor: Anchor, future: bool) -> Timex | None:
    for part, code in _PARTS_OF_DAY.items():
        if part in text:
            base = anchor.day.isoformat() if anchor.day and anchor.precision is Precision.DAY else "XXXX-XX-XX"
            return Timex(TimeKind.TIME, f"{base}T{code}", Precision.HOUR)
    match = _CLOCK.search(text)
    if match is None or not (match["minute"] or match["ampm"]):
        return None
    hour = int(match["hour"])
    ampm = (match["ampm"] or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    if ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return None
    base = anchor.day.isoformat() if anchor.day and anchor.precision is Precision.DAY else "XXXX-XX-XX"
    minute = match["minute"] or "00"
    return Timex(TimeKind.TIME, f"{base}T{hour:02d}:{minute}", Precision.MINUTE)


def _infer_year(anchor: Anchor, month: int, day: int, future: bool) -> int | None:
    """The year that puts month/day nearest the anchor, on the side the tense points to."""
    if anchor.day is None:
        return None
    year = anchor.day.year
    day = min(day, 28)
    candidate = date(year, month, day)
    if future and candidate < anchor.day - timedelta(days=7):
        return year + 1
    if not future and candidate > anchor.day + timedelta(days=62):
        return year - 1
    return year


def _day(day: date) -> Timex:
    return Timex(TimeKind.DATE, day.isoformat(), Precision.DAY)


def _week(day: date) -> Timex:
    year, week, _ = day.isocalendar()
    return Timex(TimeKind.DATE, f"{year:04d}-W{week:02d}", Precision.WEEK)


def _add_months(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + shift
    return index // 12, index % 12 + 1


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
