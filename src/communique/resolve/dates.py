"""Event dates as day intervals, and when two reports' dates can be one event's.

A date of day precision is a one-day interval; ``2025-10`` covers the month,
``2025-W42`` its week, ``2025`` the year. Two reports agree when their
intervals overlap (``2025-10`` contains ``2025-10-16``); two day dates one day
apart are *compatible but disputed* (outlets in different time zones, or one
that got it wrong): one event, and the disagreement is kept.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")

DISPUTE_DAYS = 1
"""Two day dates this far apart may still be one event, reported as disputed."""


@dataclass(frozen=True, slots=True, order=True)
class DayRange:
    """Inclusive interval of days."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def is_day(self) -> bool:
        return self.start == self.end

    def overlaps(self, other: DayRange) -> bool:
        return self.start <= other.end and other.start <= self.end

    def gap(self, other: DayRange) -> int:
        """Days between the intervals; 0 when they overlap."""
        if self.overlaps(other):
            return 0
        if self.end < other.start:
            return (other.start - self.end).days
        return (self.start - other.end).days

    def widened(self, before: int, after: int) -> DayRange:
        return DayRange(self.start - timedelta(days=before), self.end + timedelta(days=after))

    def months(self) -> list[str]:
        """The ``YYYY-MM`` buckets the interval touches."""
        out: list[str] = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out


def day_range(value: str | None) -> DayRange | None:
    """The interval a TIMEX-style value covers; None for values that are no calendar date."""
    if not value:
        return None
    try:
        if match := _DAY.match(value):
            day = date(int(match[1]), int(match[2]), int(match[3]))
            return DayRange(day, day)
        if match := _MONTH.match(value):
            year, month = int(match[1]), int(match[2])
            last = calendar.monthrange(year, month)[1]
            return DayRange(date(year, month, 1), date(year, month, last))
        if match := _WEEK.match(value):
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
            return DayRange(monday, monday + timedelta(days=6))
        if match := _YEAR.match(value):
            year = int(match[1])
            return DayRange(date(year, 1, 1), date(year, 12, 31))
    except ValueError:
        return None
    return None


@dataclass(frozen=True, slots=True)
class DateAgreement:
    compatible: bool
    disputed: bool
    gap: int


def compare_dates(a: DayRange, b: DayRange) -> DateAgreement:
    """Whether two reported dates can be one event's, and whether they disagree."""
    gap = a.gap(b)
    if gap == 0:
        return DateAgreement(True, False, 0)
    if a.is_day and b.is_day and gap <= DISPUTE_DAYS:
        return DateAgreement(True, True, gap)
    return DateAgreement(False, True, gap)


def more_specific(a: str, b: str) -> bool:
    """Whether date value ``a`` is narrower than ``b`` (a day inside a month)."""
    ra, rb = day_range(a), day_range(b)
    return ra is not None and rb is not None and ra.days < rb.days


def _level(found: DayRange) -> int:
    return 0 if found.days <= 7 else 1 if found.days <= 31 else 2


def narrowest(ranges: list[DayRange]) -> list[DayRange]:
    """The ranges of the finest kind given: days and weeks if any, else months, else years.

    A month some reports give says nothing against a day others give; kept,
    it would make any day of that month look compatible.
    """
    if not ranges:
        return []
    finest = min(map(_level, ranges))
    return [found for found in ranges if _level(found) == finest]
