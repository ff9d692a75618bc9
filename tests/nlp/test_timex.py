"""The pure normaliser: one expression and an anchor in, a TIMEX3 value out (no model)."""

from __future__ import annotations

import pytest

from communique.nlp.timex import Anchor, normalise, rejects
from communique.nlp.timex.words import holiday, number, spoken_year
from communique.records import Precision, TimeKind

THURSDAY = "2025-10-16"
FRIDAY = "2025-10-17"
TUESDAY = "2025-10-21"


@pytest.mark.parametrize(
    ("expression", "published", "value", "precision"),
    [
        ("October 16", THURSDAY, "2025-10-16", Precision.DAY),
        ("on October 16", THURSDAY, "2025-10-16", Precision.DAY),
        ("16 October", THURSDAY, "2025-10-16", Precision.DAY),
        ("the 16th of October", THURSDAY, "2025-10-16", Precision.DAY),
        ("Oct. 16, 2024", THURSDAY, "2024-10-16", Precision.DAY),
        ("August 18th", "2025-08-21", "2025-08-18", Precision.DAY),
        ("Friday 15 August", THURSDAY, "2025-08-15", Precision.DAY),
        ("Friday, Oct. 13", THURSDAY, "2025-10-13", Precision.DAY),
        ("2025-10-16", THURSDAY, "2025-10-16", Precision.DAY),
        ("10/16/2025", THURSDAY, "2025-10-16", Precision.DAY),
        ("16/10/2025", THURSDAY, "2025-10-16", Precision.DAY),
        ("October 2025", THURSDAY, "2025-10", Precision.MONTH),
        ("March 2021", THURSDAY, "2021-03", Precision.MONTH),
        ("January 6th 2021", THURSDAY, "2021-01-06", Precision.DAY),
        ("in March", THURSDAY, "2025-03", Precision.MONTH),
        ("December", "2025-08-01", "2024-12", Precision.MONTH),
        ("February", THURSDAY, "2025-02", Precision.MONTH),
        ("last December", THURSDAY, "2024-12", Precision.MONTH),
        ("last April", THURSDAY, "2025-04", Precision.MONTH),
        ("next April", THURSDAY, "2026-04", Precision.MONTH),
        ("this September", "2025-02-01", "2025-09", Precision.MONTH),
        ("June last year", THURSDAY, "2024-06", Precision.MONTH),
        ("in mid-November", THURSDAY, "2025-11", Precision.MONTH),
        ("in 2022", THURSDAY, "2022", Precision.YEAR),
        ("nineteen ninety-six", THURSDAY, "1996", Precision.YEAR),
        ("the year two thousand", THURSDAY, "2000", Precision.YEAR),
        ("the 1970s", THURSDAY, "197", Precision.YEAR),
        ("the '80s", THURSDAY, "198", Precision.YEAR),
        ("the nineties", THURSDAY, "199", Precision.YEAR),
        ("the 20th century", THURSDAY, "19", Precision.YEAR),
        ("this summer", THURSDAY, "2025-SU", Precision.YEAR),
        ("last summer", "2025-07-01", "2024-SU", Precision.YEAR),
        ("last winter", THURSDAY, "2024-WI", Precision.YEAR),
        ("the winter of 2022", THURSDAY, "2022-WI", Precision.YEAR),
        ("the third quarter", THURSDAY, "2025-Q3", Precision.MONTH),
        ("the fourth quarter", "2025-02-01", "2024-Q4", Precision.MONTH),
        ("Q1 2026", THURSDAY, "2026-Q1", Precision.MONTH),
        ("the first half of 2026", THURSDAY, "2026-H1", Precision.MONTH),
        ("Thanksgiving", "2025-11-21", "2025-11-27", Precision.DAY),
        ("Christmas Eve", "2025-12-20", "2025-12-24", Precision.DAY),
        ("Easter 2026", THURSDAY, "2026-04-05", Precision.DAY),
    ],
)
def test_normalise_reads_named_dates(expression, published, value, precision):
    timex = normalise(expression, Anchor.from_published(published))
    assert timex is not None
    assert (timex.kind, timex.value, timex.precision) == (TimeKind.DATE, value, precision)


@pytest.mark.parametrize(
    ("expression", "published", "value"),
    [
        ("today", THURSDAY, "2025-10-16"),
        ("yesterday", THURSDAY, "2025-10-15"),
        ("tomorrow", THURSDAY, "2025-10-17"),
        ("the day before yesterday", THURSDAY, "2025-10-14"),
        ("last Thursday", TUESDAY, "2025-10-16"),
        ("last Thursday", THURSDAY, "2025-10-09"),
        ("on Monday", TUESDAY, "2025-10-20"),
        ("Thursday", THURSDAY, "2025-10-16"),
        ("Friday", FRIDAY, "2025-10-17"),
        ("Wednesday", "2025-08-13", "2025-08-13"),
        ("next Friday", FRIDAY, "2025-10-24"),
        ("this week", THURSDAY, "2025-W42"),
        ("next week", THURSDAY, "2025-W43"),
        ("last week", "2025-11-26", "2025-W47"),
        ("earlier this week", THURSDAY, "2025-W42"),
        ("last weekend", THURSDAY, "2025-W41-WE"),
        ("the weekend", THURSDAY, "2025-W41-WE"),
        ("this month", THURSDAY, "2025-10"),
        ("earlier this month", THURSDAY, "2025-10"),
        ("last month", THURSDAY, "2025-09"),
        ("next month", "2025-12-02", "2026-01"),
        ("last year", THURSDAY, "2024"),
        ("later this year", THURSDAY, "2025"),
        ("the end of the year", THURSDAY, "2025"),
        ("by the end of the year", THURSDAY, "2025"),
        ("this quarter", THURSDAY, "2025-Q4"),
        ("two weeks ago", THURSDAY, "2025-W40"),
        ("three days ago", THURSDAY, "2025-10-13"),
        ("six years ago", THURSDAY, "2019"),
        ("a month ago", THURSDAY, "2025-09"),
        ("several years ago", THURSDAY, "PAST_REF"),
        ("a day earlier", THURSDAY, "2025-10-15"),
        ("three days earlier", "2025-08-21", "2025-08-18"),
        ("the previous day", THURSDAY, "2025-10-15"),
        ("the next day", THURSDAY, "2025-10-17"),
        ("days later", THURSDAY, "2025-10"),
        ("a year earlier", THURSDAY, "2024"),
        ("two days after October 12", THURSDAY, "2025-10-14"),
        ("now", THURSDAY, "PRESENT_REF"),
        ("currently", THURSDAY, "PRESENT_REF"),
        ("recently", THURSDAY, "PAST_REF"),
        ("in the past", THURSDAY, "PAST_REF"),
        ("in the future", THURSDAY, "FUTURE_REF"),
    ],
)
def test_normalise_resolves_relative_dates_against_the_anchor(expression, published, value):
    timex = normalise(expression, Anchor.from_published(published))
    assert timex is not None
    assert timex.value == value


@pytest.mark.parametrize(
    ("expression", "published", "value"),
    [
        ("Monday", THURSDAY, "2025-10-20"),
        ("Thursday", THURSDAY, "2025-10-16"),
        ("on Friday", THURSDAY, "2025-10-17"),
        ("next Thursday", THURSDAY, "2025-10-23"),
        ("January", THURSDAY, "2026-01"),
        ("October 20", THURSDAY, "2025-10-20"),
        ("March 3", THURSDAY, "2026-03-03"),
        ("in two weeks", THURSDAY, "2025-W44"),
        ("in three days", THURSDAY, "2025-10-19"),
        ("Christmas", THURSDAY, "2025-12-25"),
    ],
)
def test_normalise_looks_ahead_in_the_future_tense(expression, published, value):
    timex = normalise(expression, Anchor.from_published(published), future=True)
    assert timex is not None
    assert timex.value == value


@pytest.mark.parametrize(
    ("expression", "value", "modifier"),
    [
        ("over two hours", "PT2H", "MORE_THAN"),
        ("more than two thousand years", "P2000Y", "MORE_THAN"),
        ("within two weeks", "P2W", "LESS_THAN"),
        ("less than a fortnight", "P2W", "LESS_THAN"),
        ("almost four years", "P4Y", "LESS_THAN"),
        ("at least 30 days", "P30D", "EQUAL_OR_MORE"),
        ("no more than sixty days", "P60D", "EQUAL_OR_LESS"),
        ("about a decade", "P10Y", "APPROX"),
        ("two hours", "PT2H", None),
        ("Two-Hour", "PT2H", None),
        ("a two-year", "P2Y", None),
        ("the past two years", "P2Y", None),
        ("twenty four hours", "PT24H", None),
        ("2 1/2 years", "P2Y6M", None),
        ("a minute and a half", "PT1M30S", None),
        ("an hour and a half", "PT1H30M", None),
        ("a couple of years", "P2Y", None),
        ("a quarter-century", "P25Y", None),
        ("several years", "PXY", None),
        ("a few days", "PXD", None),
        ("the coming weeks", "PXW", None),
        ("a few minutes", "PTXM", None),
        ("decades", "PXY", None),
    ],
)
def test_normalise_reads_durations_with_their_bounds(expression, value, modifier):
    timex = normalise(expression, Anchor.from_published(THURSDAY))
    assert timex is not None
    assert (timex.kind, timex.value, timex.modifier) == (TimeKind.DURATION, value, modifier)


@pytest.mark.parametrize(
    ("expression", "value", "modifier"),
    [
        ("in mid-November", "2025-11", "MID"),
        ("the middle of March", "2025-03", "MID"),
        ("early 2026", "2026", "START"),
        ("the start of next year", "2026", "START"),
        ("late July", "2025-07", "END"),
        ("the end of the month", "2025-10", "END"),
        ("the late 1990s", "199", "END"),
        ("the mid-1990s", "199", "MID"),
    ],
)
def test_normalise_keeps_the_part_of_a_period_as_a_modifier(expression, value, modifier):
    timex = normalise(expression, Anchor.from_published(THURSDAY))
    assert timex is not None
    assert (timex.value, timex.modifier) == (value, modifier)


@pytest.mark.parametrize(
    ("expression", "published", "value"),
    [
        ("2pm", THURSDAY, "2025-10-16T14:00"),
        ("2 p.m.", THURSDAY, "2025-10-16T14:00"),
        ("14:30 GMT", THURSDAY, "2025-10-16T14:30"),
        ("12 a.m.", THURSDAY, "2025-10-16T00:00"),
        ("this morning", THURSDAY, "2025-10-16TMO"),
        ("tonight", THURSDAY, "2025-10-16TNI"),
        ("last night", THURSDAY, "2025-10-15TNI"),
        ("Friday night", TUESDAY, "2025-10-17TNI"),
        ("Tuesday morning", TUESDAY, "2025-10-21TMO"),
        ("10 p.m. Wednesday", THURSDAY, "2025-10-15T22:00"),
        ("noon Saturday", TUESDAY, "2025-10-18T12:00"),
        ("midnight", THURSDAY, "2025-10-16T24:00"),
        ("mid-afternoon yesterday", THURSDAY, "2025-10-15TAF"),
        ("9 a.m.", "2025-10", "XXXX-XX-XXT09:00"),
    ],
)
def test_normalise_reads_times_of_day(expression, published, value):
    timex = normalise(expression, Anchor.from_published(published))
    assert timex is not None
    assert (timex.kind, timex.value) == (TimeKind.TIME, value)


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("every week", "P1W"),
        ("weekly", "P1W"),
        ("annually", "P1Y"),
        ("daily", "P1D"),
        ("every two years", "P2Y"),
        ("twice a week", "P1W"),
        ("per month", "P1M"),
        ("every Thursday", "XXXX-WXX-4"),
        ("Tuesday nights", "XXXX-WXX-2TNI"),
        ("each July", "XXXX-07"),
        ("every summer", "XXXX-SU"),
    ],
)
def test_normalise_reads_sets(expression, value):
    timex = normalise(expression, Anchor.from_published(THURSDAY))
    assert timex is not None
    assert (timex.kind, timex.value) == (TimeKind.SET, value)


@pytest.mark.parametrize(
    ("expression", "shift"),
    [("a day after", "+P1D"), ("two weeks before", "-P2W"), ("hours before", "-PTXH")],
)
def test_normalise_leaves_offsets_from_an_event_unvalued(expression, shift):
    timex = normalise(expression, Anchor.from_published(THURSDAY))
    assert timex is not None
    assert (timex.value, timex.shift) == (None, shift)


@pytest.mark.parametrize(
    ("expression", "reference", "value"),
    [
        ("three days earlier", "2025-08-18", "2025-08-15"),
        ("the next day", "2025-11-18", "2025-11-19"),
        ("the following week", "2025-11-18", "2025-W48"),
        ("a year earlier", "2024-Q3", "2023-Q3"),
        ("days later", "2025-08", "2025-08"),
        ("the previous week", "2000", None),
        ("that month", "2025-03-02", "2025-03"),
    ],
)
def test_normalise_counts_anaphoric_expressions_from_the_reference(expression, reference, value):
    anchor = Anchor.from_published(TUESDAY)
    timex = normalise(expression, anchor, reference=Anchor.from_value(reference))
    assert timex is not None
    assert timex.value == value
    assert timex.anaphoric


@pytest.mark.parametrize(
    "expression",
    [
        "62-year-old",
        "37 years old",
        "a six-month-old",
        "the 1990s-era",
        "a day of rage",
        "Tuesday-style",
    ],
)
def test_normalise_rejects_phrases_that_are_not_times(expression):
    assert rejects(expression)
    assert normalise(expression, Anchor.from_published(THURSDAY)) is None


@pytest.mark.parametrize("expression", ["", "the talks", "Putin", "25", "may be"])
def test_normalise_returns_none_for_text_without_a_time(expression):
    assert normalise(expression, Anchor.from_published(THURSDAY)) is None


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("Monday", "XXXX-WXX-1"),
        ("October 16", "XXXX-10-16"),
        ("March", "XXXX-03"),
        ("yesterday", None),
    ],
)
def test_normalise_without_a_publication_date_leaves_the_year_open(expression, value):
    timex = normalise(expression, Anchor.from_published(None))
    assert timex is not None
    assert timex.value == value


@pytest.mark.parametrize(
    ("published", "day", "precision"),
    [
        ("2025-10-16", "2025-10-16", Precision.DAY),
        ("2025-10", "2025-10-01", Precision.MONTH),
        ("bad", None, None),
    ],
)
def test_anchor_from_published_keeps_its_precision(published, day, precision):
    anchor = Anchor.from_published(published)
    assert (str(anchor.day) if anchor.day else None, anchor.precision) == (day, precision)


def test_weekday_needs_a_publication_day_not_a_month():
    timex = normalise("Monday", Anchor.from_published("2025-10"))
    assert timex is not None
    assert timex.value == "XXXX-WXX-1"


@pytest.mark.parametrize(
    ("words", "value"),
    [("twenty four", 24), ("one and a half", 1.5), ("2 1/2", 2.5), ("a hundred", 100), ("1,000", 1000),
     ("a two", 2), ("a couple of", 2), ("several", None), ("fish", None)],
)  # fmt: skip
def test_number_reads_digits_and_words(words, value):
    assert number(words) == value


@pytest.mark.parametrize(
    ("words", "year"),
    [
        ("nineteen ninety-six", 1996),
        ("two thousand", 2000),
        ("nineteen eighty", 1980),
        ("twelve", None),
    ],
)
def test_spoken_year_reads_years_as_broadcasts_say_them(words, year):
    assert spoken_year(words) == year


@pytest.mark.parametrize(
    ("name", "year", "day"),
    [("thanksgiving", 2025, "2025-11-27"), ("easter", 2025, "2025-04-20"), ("memorial day", 2025, "2025-05-26"),
     ("christmas", 2025, "2025-12-25"), ("good friday", 2026, "2026-04-03"), ("diwali", 2025, None)],
)  # fmt: skip
def test_holiday_dates_fixed_and_movable_feasts(name, year, day):
    found = holiday(name, year)
    assert (found.isoformat() if found else None) == day
