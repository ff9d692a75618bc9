"""Normalise one time expression TIMEX3-style (no spaCy here).

>>> anchor = Anchor.from_published("2025-10-21")
>>> normalise("last Thursday", anchor).value
'2025-10-16'
>>> timex = normalise("over two hours", anchor)
>>> timex.value, timex.modifier
('PT2H', 'MORE_THAN')

Rules are tried in order, most specific first; the first that reads the text
wins. Modifiers (``MID``, ``START``, ``END``, ``MORE_THAN``, ``LESS_THAN``,
``EQUAL_OR_MORE``, ``EQUAL_OR_LESS``, ``APPROX``) come from the words around
the expression, whichever rule reads its value.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from communique.nlp.timex import absolute, relative
from communique.nlp.timex.clock import times_of_day
from communique.nlp.timex.durations import durations, is_age, sets
from communique.nlp.timex.values import Anchor, Context, Timex

__all__ = ["Anchor", "Timex", "normalise", "rejects"]

Rule = Callable[[str, Context], Timex | None]

_DATE_RULES: tuple[Rule, ...] = (
    relative.offsets,
    absolute.explicit,
    absolute.holidays,
    absolute.quarters,
    relative.deictic_days,
    absolute.months,
    relative.units,
    relative.weekdays,
    absolute.seasons,
    absolute.years,
)
_MODIFIERS = (
    (re.compile(r"\b(?:mid|(?:the )?middle of|the midst of)\b"), "MID"),
    (re.compile(r"\b(?:early|(?:the )?(?:start|beginning|dawn|turn) of|the first days of)\b"), "START"),
    (re.compile(r"\b(?:late|(?:the )?(?:end|close) of|the (?:last|final) days of)\b"), "END"),
    (re.compile(r"^(?:at least|no less than|a minimum of)\b"), "EQUAL_OR_MORE"),
    (re.compile(r"^(?:no more than|up to|at most|a maximum of)\b"), "EQUAL_OR_LESS"),
    (re.compile(r"^(?:(?:just\s+)?over|more than|upwards of|in excess of|longer than|beyond)\s+(?:a|an|\d|[a-z]+ty|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)\b"), "MORE_THAN"),
    (re.compile(r"^(?:within|less than|under|(?:just\s+)?under|nearly|almost|fewer than|shorter than|barely|just shy of)\b"), "LESS_THAN"),
    (re.compile(r"^(?:about|around|some|roughly|approximately|circa|or so|close to|an estimated)\b|\bor so$"), "APPROX"),
)  # fmt: skip
_NOT_TEMPORAL = re.compile(r"\b(?:era|style|vintage)$|^(?:the\s+)?(?:a\s+)?day of [a-z]+$")
_FROM_DATE = re.compile(r"(?P<amount>.+?)\s+(?P<signal>after|before)\s+(?P<point>.+)")
_HYPHEN = re.compile(r"(?<=[a-z0-9])-(?=[a-z])|(?<=[a-z])-(?=[0-9'])")


def normalise(
    text: str, anchor: Anchor, *, future: bool = False, reference: Anchor | None = None
) -> Timex | None:
    """The TIMEX3 reading of ``text``, or None when it is not a time expression.

    ``future`` says the clause is in the future tense ("will meet on Monday");
    ``reference`` is the time in focus for anaphoric expressions ("the next
    day"), the anchor where None.
    """
    lowered = clean(text)
    if not lowered or rejects(lowered):
        return None
    context = Context(anchor, reference or anchor, future)
    modifier = next((name for pattern, name in _MODIFIERS if pattern.search(lowered)), None)
    timex = (
        _from_date(lowered, context)
        or relative.offsets(lowered, context)
        or _first_reading(_without_preposition(lowered), context)
    )
    return timex.with_modifier(modifier) if timex is not None else None


def _from_date(text: str, context: Context) -> Timex | None:
    """ "two days after October 12": an offset from the date the text names."""
    match = _FROM_DATE.fullmatch(text)
    if match is None:
        return None
    base = normalise(match["point"], context.anchor, future=context.future)
    point = Anchor.from_value(base.value if base else None)
    if point is None:
        return None
    word = "later" if match["signal"] == "after" else "earlier"
    return relative.offsets(f"{match['amount']} {word}", Context(context.anchor, point))


def rejects(text: str) -> bool:
    """Whether a phrase that looks temporal is not: an age, an era adjective, "a day of rage"."""
    lowered = clean(text)
    return is_age(lowered) or _NOT_TEMPORAL.search(lowered) is not None


def clean(text: str) -> str:
    """Lower case, one space between words, plain hyphens between words become spaces."""
    lowered = " ".join(text.lower().replace("–", "-").replace("—", "-").replace("’", "'").split())
    lowered = _HYPHEN.sub(" ", lowered)
    lowered = re.sub(r"'s\b", "", lowered)
    return lowered.strip(" .,;:!?\"'`()")


def _without_preposition(text: str) -> str:
    for word in (
        "within",
        "over",
        "by",
        "since",
        "until",
        "till",
        "through",
        "from",
        "in",
        "on",
        "at",
        "during",
        "for",
    ):
        text = text.removeprefix(word + " ")
    return text


def _first_reading(text: str, context: Context) -> Timex | None:
    timex = sets(text) or times_of_day(text, context, _date)
    if timex is not None:
        return timex
    offset = relative.offsets(text, context)
    if offset is not None:
        return offset
    return durations(text) or _date(text, context) or relative.references(text, context)


def _date(text: str, context: Context) -> Timex | None:
    for rule in _DATE_RULES:
        timex = rule(text, context)
        if timex is not None:
            return timex
    return None
