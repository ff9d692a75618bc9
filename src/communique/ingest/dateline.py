"""The seed layout: an optional first line ``date YYYY-MM-DD`` (or ``date YYYY-MM``).

In files written by crawlers the body often continues on the same line after
the date (``date 2025-10-16 A productive telephone conversation …``); both
forms are read.
"""

from __future__ import annotations

import re
from datetime import date

from communique.errors import DateLineError

_DATE_LINE = re.compile(r"\A\s*date[ \t]+(?P<value>\S+)[ \t]*(?P<rest>[^\n]*)(?:\n|\Z)")
_DAY = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})\Z")
_MONTH = re.compile(r"\A(\d{4})-(\d{2})\Z")


def split_date_line(text: str, source: str) -> tuple[str | None, str]:
    """Return ``(published, body)``; ``published`` is None when there is no date line."""
    match = _DATE_LINE.match(text)
    if match is None or not any(ch.isdigit() for ch in match["value"]):
        return None, text
    published = parse_published(match["value"], source)
    rest = match["rest"].strip()
    body = text[match.end() :]
    return published, f"{rest}\n{body}" if rest else body


def parse_published(value: str, source: str) -> str:
    """Validate a ``YYYY-MM-DD`` or ``YYYY-MM`` publication date."""
    if day := _DAY.match(value):
        try:
            date(int(day[1]), int(day[2]), int(day[3]))
        except ValueError as e:
            raise DateLineError(
                f"date line {value!r} is not a real date: {e}", source=source
            ) from e
        return value
    if month := _MONTH.match(value):
        if not 1 <= int(month[2]) <= 12:
            raise DateLineError(f"date line {value!r} has no month {month[2]}", source=source)
        return value
    raise DateLineError(
        f"date line {value!r} is malformed; expected 'date YYYY-MM-DD' or 'date YYYY-MM'",
        source=source,
    )
