from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.resolve.dates import DayRange, compare_dates, day_range, more_specific


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2025-10-16", date(2025, 10, 16), date(2025, 10, 16)),
        ("2025-10", date(2025, 10, 1), date(2025, 10, 31)),
        ("2025-W42", date(2025, 10, 13), date(2025, 10, 19)),
        ("2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("2025-10-16T14:00", date(2025, 10, 16), date(2025, 10, 16)),
    ],
)
def test_day_range_covers_the_period(value, start, end):
    assert day_range(value) == DayRange(start, end)


@pytest.mark.parametrize("value", [None, "", "P2H", "2025-13", "soon", "2025-02-30"])
def test_day_range_is_none_for_non_dates(value):
    assert day_range(value) is None


@pytest.mark.parametrize(
    ("a", "b", "compatible", "disputed"),
    [
        ("2025-10-16", "2025-10-16", True, False),
        ("2025-10-16", "2025-10", True, False),
        ("2025-10-16", "2025-10-17", True, True),
        ("2025-10-16", "2025-10-19", False, True),
        ("2025-10", "2025-08", False, True),
        ("2025-08-15", "2025", True, False),
    ],
)
def test_compare_dates(a, b, compatible, disputed):
    agreement = compare_dates(day_range(a), day_range(b))
    assert (agreement.compatible, agreement.disputed) == (compatible, disputed)


def test_more_specific_day_beats_month():
    assert more_specific("2025-10-16", "2025-10")
    assert not more_specific("2025-10", "2025-10-16")


def test_day_range_months_lists_buckets():
    assert day_range("2025").months()[0] == "2025-01"
    assert DayRange(date(2025, 12, 30), date(2026, 1, 2)).months() == ["2025-12", "2026-01"]


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


@given(days, days, days, days)
def test_compare_dates_is_symmetric(a, b, c, d):
    first, second = DayRange(min(a, b), max(a, b)), DayRange(min(c, d), max(c, d))
    assert compare_dates(first, second) == compare_dates(second, first)
