"""Durations ("over two hours" -> ``PT2H``, "several years" -> ``PXY``) and sets ("every week")."""

from __future__ import annotations

import re

from communique.nlp.timex.values import Timex, iso_duration
from communique.nlp.timex.words import MONTHS, QUANTITY, SEASONS, UNIT_WORD, WEEKDAYS, number
from communique.records import TimeKind

_DURATION = re.compile(
    rf"(?:^|\s)(?:the\s+)?(?:(?:past|last|next|first|previous|coming|following|final|recent|remaining|whole|entire)\s+)?"
    rf"(?P<qty>{QUANTITY})?\s*(?:more\s+|additional\s+|further\s+|full\s+|straight\s+|consecutive\s+|trading\s+|business\s+)?"
    rf"(?P<unit>{UNIT_WORD})\b(?P<rest>.*)$"
)
_PER = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "fortnightly": "P2W",
    "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "biannually": "P6M",
}  # fmt: skip
_EVERY = re.compile(rf"\b(?:every|each|per)\s+(?:(?P<qty>{QUANTITY})\s+)?(?P<what>[a-z]+)\b")
_TIMES_A = re.compile(
    rf"\b(?:once|twice|\w+ times|{UNIT_WORD})\s+(?:a|an|per|every|each)\s+(?P<what>[a-z]+)\b"
)
_PLURAL_WEEKDAY = re.compile(
    r"\b(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:s\b|\s+(?P<part>nights|mornings|evenings|afternoons)\b)"
)
_NOT_DURATION_REST = re.compile(r"^\s*(?:old|era|of age|-old)\b")


def sets(text: str) -> Timex | None:
    """ "every week" -> ``P1W``, "weekly" -> ``P1W``, "every Monday" -> ``XXXX-WXX-1``."""
    for word, value in _PER.items():
        if re.search(rf"\b{word}\b", text):
            return Timex(TimeKind.SET, value)
    if plural := _PLURAL_WEEKDAY.search(text):
        part = {"nights": "TNI", "mornings": "TMO", "evenings": "TEV", "afternoons": "TAF"}.get(
            plural["part"] or "", ""
        )
        return Timex(TimeKind.SET, f"XXXX-WXX-{WEEKDAYS[plural['day']] + 1}{part}")
    match = _TIMES_A.search(text) or _EVERY.search(text)
    if match is None:
        return None
    what = match["what"].removesuffix("s") if match["what"] not in WEEKDAYS else match["what"]
    amount = number(match["qty"]) if match.re is _EVERY and match["qty"] else 1
    if what in WEEKDAYS:
        return Timex(TimeKind.SET, f"XXXX-WXX-{WEEKDAYS[what] + 1}")
    if what in MONTHS:
        return Timex(TimeKind.SET, f"XXXX-{MONTHS[what]:02d}")
    if what in SEASONS:
        return Timex(TimeKind.SET, f"XXXX-{SEASONS[what]}")
    if re.fullmatch(UNIT_WORD, what):
        unit = "century" if what == "centurie" else what
        return Timex(TimeKind.SET, iso_duration(amount, unit))
    return None


def durations(text: str) -> Timex | None:
    """An amount of time: "two hours", "the past two years", "several weeks", "a decade"."""
    match = _DURATION.search(text)
    if match is None or _NOT_DURATION_REST.match(match["rest"]):
        return None
    unit = match["unit"].removesuffix("s").replace("centurie", "century")
    plural = match["unit"].endswith("s")
    qty = match["qty"]
    if (qty and re.fullmatch(r"1\d{3}|20\d{2}", qty)) or re.match(
        r"\s*(?:quarter|half)\b", match["rest"]
    ):
        return None  # "the 1988 quarter", "the second quarter": a date, not an amount
    if qty is None and not plural:
        # "the week" is a date, "week" alone an unnamed one; neither is an amount.
        return None
    amount = number(qty) if qty else None
    if unit == "quarter" and re.match(r"\s*century\b", match["rest"]):
        amount, unit = (amount or 1) * 25, "year"  # "a quarter-century"
    if amount is not None and re.match(r"\s*and a half\b", match["rest"]):
        amount += 0.5
    if unit == "weekend":
        return None
    return Timex(TimeKind.DURATION, iso_duration(amount, unit))


def is_age(text: str) -> bool:
    """ "62-year-old", "37 years old", "a six-month-old son": an age, not a time."""
    return re.search(rf"\b{UNIT_WORD}\s+old\b|\b{UNIT_WORD} of age\b", text) is not None
