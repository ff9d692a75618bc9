"""TIMEX3 values and the anchor they are computed against.

A :class:`Timex` is what one expression means: a kind, a value in TIMEX3 form
(``2025-10-16``, ``2025-W43``, ``2025-Q4``, ``2025-SU``, ``197``, ``PT2H``,
``PXY``, ``PRESENT_REF``), a precision and a modifier. An :class:`Anchor` is a
known point in time: the publication date, or a date the text mentioned before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from communique.nlp.timex.words import UNITS
from communique.records import Precision, TimeKind


@dataclass(frozen=True, slots=True)
class Timex:
    kind: TimeKind
    value: str | None
    precision: Precision | None = None
    modifier: str | None = None
    # "+P1D" for "a day after <an event>": the offset from a point the text
    # names by an event, which only the event layer can date.
    shift: str | None = None
    # Counted from the time in focus ("a year earlier"): such a value never becomes the focus
    # itself, so that a run of "a year earlier" compares each to the same period.
    anaphoric: bool = False

    def with_modifier(self, modifier: str | None) -> Timex:
        if modifier is None or self.modifier is not None:
            return self
        return replace(self, modifier=modifier)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A point relative expressions are resolved against, at the precision it is known to."""

    day: date | None
    precision: Precision | None = None
    # A quarter is kept as such, so that "a year earlier" than Q3 1989 is Q3 1988.
    quarter: bool = False

    @classmethod
    def from_published(cls, published: str | None) -> Anchor:
        """The anchor of a publication date: ``YYYY-MM-DD`` (time of day ignored) or ``YYYY-MM``."""
        if not published:
            return cls(None)
        try:
            if len(published) == 7:
                return cls(date.fromisoformat(published + "-01"), Precision.MONTH)
            return cls(date.fromisoformat(published[:10]), Precision.DAY)
        except ValueError:
            return cls(None)

    @classmethod
    def from_value(cls, value: str | None) -> Anchor | None:
        """The anchor a resolved TIMEX3 date value gives, or None for values that are not points."""
        if value is None:
            return None
        if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            return cls(date(int(match[1]), int(match[2]), int(match[3])), Precision.DAY)
        if match := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            return cls(date.fromisocalendar(int(match[1]), int(match[2]), 1), Precision.WEEK)
        if match := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return cls(date(int(match[1]), int(match[2]), 1), Precision.MONTH)
        if match := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            return cls(date(int(match[1]), 3 * int(match[2]) - 2, 1), Precision.MONTH, quarter=True)
        if match := re.fullmatch(r"(\d{4})", value):
            return cls(date(int(match[1]), 1, 1), Precision.YEAR)
        return None

    @property
    def daily(self) -> bool:
        """Whether the anchor is known to the day (weekdays and "yesterday" need it)."""
        return self.day is not None and self.precision is Precision.DAY


def day_value(day: date) -> Timex:
    return Timex(TimeKind.DATE, day.isoformat(), Precision.DAY)


def week_value(day: date) -> Timex:
    year, week, _ = day.isocalendar()
    return Timex(TimeKind.DATE, f"{year:04d}-W{week:02d}", Precision.WEEK)


def month_value(year: int, month: int) -> Timex:
    return Timex(TimeKind.DATE, f"{year:04d}-{month:02d}", Precision.MONTH)


def year_value(year: int) -> Timex:
    return Timex(TimeKind.DATE, f"{year:04d}", Precision.YEAR)


def quarter_value(year: int, quarter: int) -> Timex:
    return Timex(TimeKind.DATE, f"{year:04d}-Q{quarter}", Precision.MONTH)


def unknown(kind: TimeKind = TimeKind.DATE) -> Timex:
    """A time expression whose value the text alone does not fix."""
    return Timex(kind, None)


def add_months(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + shift
    return index // 12, index % 12 + 1


def valid_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def iso_duration(amount: float | None, unit: str) -> str:
    """``P2W``, ``PT90M``, ``P2Y6M``; ``PXY`` when the amount is vague (None)."""
    code, is_time, multiplier = UNITS[unit]
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{code}"
    value = amount * multiplier
    if value != int(value):
        smaller = {
            "Y": ("M", 12),
            "M": ("D", 30) if not is_time else ("S", 60),
            "W": ("D", 7),
            "D": ("H", 24),
            "H": ("M", 60),
        }
        if code in smaller:
            small_code, factor = smaller[code]
            whole, rest = int(value), round((value - int(value)) * factor)
            head = f"{whole}{code}" if whole else ""
            joiner = "T" if small_code in ("H",) and not is_time else ""
            return f"{prefix}{head}{joiner}{rest}{small_code}"
    return f"{prefix}{int(value)}{code}"


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may resolve against: the publication date, the time in focus, the tense."""

    anchor: Anchor
    # The last time the text mentioned, for "three days earlier" and "the next day";
    # the publication date where the text has mentioned none.
    reference: Anchor
    future: bool = False
