"""Token patterns for time expressions the statistical model misses.

Plain data for a spaCy ``Matcher`` (this module imports no spaCy): weekday
names, "next week", "mid-November", "within two weeks", "over two hours",
"three days earlier", clock times, "now", sets such as "every week". The
matches are merged with the model's DATE and TIME entities, then trimmed.
"""

from __future__ import annotations

from typing import Any

from communique.nlp.timex.words import MONTHS, PARTS_OF_DAY, SEASONS, UNITS, VAGUE, WEEKDAYS

Pattern = list[dict[str, Any]]

FULL_WEEKDAYS = [name for name in WEEKDAYS if len(name) > 4 or name == "friday"]
FULL_MONTHS = [
    name for name in MONTHS if len(name) > 4 or name in ("june", "july", "march", "april")
]
UNIT_FORMS = [form for unit in UNITS for form in (unit, unit + "s")] + ["centuries"]
SHIFT_WORDS = ["this", "last", "next", "past", "previous", "coming", "following", "current", "that"]
QUANTITY_WORDS = [
    "a",
    "an",
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
    "twelve",
    "few",
    "several",
    "couple",
    "dozen",
    "many",
]
CLOCK_SUFFIXES = ["am", "pm", "a.m.", "p.m.", "a.m", "p.m", "o'clock"]
ZONES = ["gmt", "utc", "bst", "cet", "cest", "eet", "msk", "est", "edt", "cst", "cdt", "pst", "pdt"]
# "quarterly" is left to the model: "quarterly results" is no set of times.
SETS = ["hourly", "daily", "nightly", "weekly", "fortnightly", "monthly", "annually", "yearly"]
REFERENCES = ["now", "currently", "recently", "nowadays", "lately"]
HOLIDAYS = ["thanksgiving", "christmas", "easter", "halloween"]

_QUANTITY: Pattern = [
    {"LOWER": {"IN": ["more", "less", "fewer"]}, "OP": "?"},
    {"LOWER": "than", "OP": "?"},
    {"LOWER": {"IN": ["a", "the"]}, "OP": "?"},
    {"LIKE_NUM": True, "OP": "+"},
]
_UNIT: Pattern = [{"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": UNIT_FORMS}}]


def patterns() -> dict[str, list[Pattern]]:
    """Matcher patterns by label; every match is a candidate span, to be normalised or dropped."""
    weekday = {"LOWER": {"IN": FULL_WEEKDAYS}}
    month = {"LOWER": {"IN": FULL_MONTHS}, "IS_TITLE": True}
    part = {"LOWER": {"IN": list(PARTS_OF_DAY)}}
    number = {"LIKE_NUM": True}
    quantity = {
        "LOWER": {"IN": QUANTITY_WORDS + [word for phrase in VAGUE for word in phrase.split()]}
    }
    return {
        "WEEKDAY": [
            [{"LOWER": {"IN": SHIFT_WORDS}, "OP": "?"}, weekday, part | {"OP": "?"}],
            [part, weekday],
        ],
        "RELATIVE": [
            [{"LOWER": {"IN": ["earlier", "later", "early", "late"]}, "OP": "?"}, {"LOWER": {"IN": SHIFT_WORDS}},
             {"LOWER": {"IN": ["week", "weekend", "month", "year", "quarter", "decade", "century", "summer", "winter", "spring", "autumn"]}}],
            [{"LOWER": {"IN": ["the", "that"]}}, {"LOWER": {"IN": ["previous", "next", "following", "same", "preceding"]}},
             {"LOWER": {"IN": ["day", "morning", "evening", "night", "week", "month", "year"]}}],
            [{"LOWER": {"IN": ["today", "tonight", "yesterday", "tomorrow", "overnight"]}}],
            [{"LOWER": "the"}, {"LOWER": {"IN": ["week", "weekend", "quarter"]}}],
            [{"LOWER": {"IN": ["this", "last", "tomorrow", "yesterday"]}}, part],
        ],
        "MONTH": [
            [{"LOWER": {"IN": ["mid", "early", "late"]}}, {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": FULL_MONTHS}}],
            [{"LOWER": {"IN": ["mid", "early", "late"]}}, {"ORTH": "-", "OP": "?"}, {"SHAPE": "dddd"}],
            [month, {"IS_DIGIT": True, "OP": "?"}],
        ],
        "DURATION": [
            [{"LOWER": {"IN": ["within", "over", "under", "nearly", "almost", "about", "around", "roughly", "some"]}},
             {"LOWER": {"IN": ["a", "an"]}, "OP": "?"}, number | {"OP": "+"}, *_UNIT],
            [*_QUANTITY, *_UNIT],
            [quantity, {"LOWER": "of", "OP": "?"}, *_UNIT],
            [{"LOWER": {"IN": ["more", "less", "at"]}}, {"LOWER": {"IN": ["than", "least"]}}, quantity, *_UNIT],
        ],
        "OFFSET": [
            [quantity | {"OP": "?"}, number | {"OP": "*"}, {"LOWER": {"IN": UNIT_FORMS}},
             {"LOWER": {"IN": ["ago", "earlier", "later", "hence"]}}],
        ],
        "CLOCK": [
            [number, {"LOWER": {"IN": CLOCK_SUFFIXES}}, {"LOWER": {"IN": ZONES}, "OP": "?"}],
            [{"TEXT": {"REGEX": r"^[0-2]?\d:[0-5]\d$"}}, {"LOWER": {"IN": ZONES + CLOCK_SUFFIXES}, "OP": "?"}],
            [{"LOWER": {"IN": ["noon", "midnight", "midday"]}}],
        ],
        "SEASON": [[{"LOWER": {"IN": ["this", "last", "next", "past"]}, "OP": "?"},
                    {"LOWER": {"IN": list(SEASONS)}, "POS": {"IN": ["NOUN", "PROPN"]}},
                    {"SHAPE": "dddd", "OP": "?"}]],
        "YEAR": [[{"LOWER": {"IN": ["in", "since", "by", "until", "from", "before", "after", "during", "of"]}},
                  {"TEXT": {"REGEX": r"^(?:1[89]|20)\d\d$"}}],
                 [{"TEXT": {"REGEX": r"^(?:1[0-9]|20)\d0s$|^'\d0s$"}}]],
        "SET": [[{"LOWER": {"IN": SETS}}],
                [{"LOWER": {"IN": ["every", "each"]}}, number | {"OP": "?"},
                 {"LOWER": {"IN": UNIT_FORMS + FULL_WEEKDAYS + FULL_MONTHS + list(SEASONS)}}]],
        "REFERENCE": [[{"LOWER": {"IN": REFERENCES}}],
                      [{"LOWER": {"IN": ["in", "for"]}}, {"LOWER": "the"}, {"LOWER": {"IN": ["past", "future"]}}],
                      [{"LOWER": "the"}, {"LOWER": {"IN": ["near", "short", "long"]}}, {"LOWER": {"IN": ["future", "term"]}}],
                      [{"LOWER": "these"}, {"LOWER": "days"}]],
        "HOLIDAY": [[{"LOWER": {"IN": HOLIDAYS}, "IS_TITLE": True}, {"LOWER": {"IN": ["day", "eve"]}, "OP": "?"}]],
    }  # fmt: skip


# Words a time expression may begin or end with; anything else at an edge of a
# candidate span is cut off ("Two-Hour Phone Call" -> "Two-Hour", "next week's" -> "next week").
EDGE_WORDS = frozenset(
    [*MONTHS, *WEEKDAYS, *UNIT_FORMS, *PARTS_OF_DAY, *SEASONS, *SHIFT_WORDS, *SETS, *REFERENCES, *HOLIDAYS,
     *CLOCK_SUFFIXES, *ZONES, *QUANTITY_WORDS,
     "the", "recent", "early", "earlier", "late", "later", "mid", "middle", "end", "beginning", "start", "ago",
     "today", "tonight", "yesterday", "tomorrow", "overnight", "weekend", "more", "than", "less", "fewer", "least",
     "nearly", "almost", "about", "around", "roughly", "some", "approximately", "every", "each", "half", "quarter",
     "same", "preceding", "prior", "fiscal", "day", "eve", "future", "hence", "sometime", "decades", "q1", "q2", "q3",
     "q4", "h1", "h2", "first", "second", "third", "fourth", "final", "spring", "century", "thousand", "hundred",
     "these", "near", "term", "long", "short"]
)  # fmt: skip
# Prepositions that change what the expression means; they stay outside the span.
MEANINGFUL_PREPOSITIONS = frozenset(
    {"within", "over", "under", "by", "since", "until", "in", "after", "before"}
)
# Where one span holds two expressions ("today through Nov. 17", "the quarter ended Sept. 30").
SPLITTERS = frozenset({"ended", "ending", "through", "thru", "until", "till"})
CONNECTORS = frozenset({"and", "or", "to", ",", "-", "–", "—", "&"})
# Words that open a time expression only when a temporal word follows ("a week", not "an interview").
OPENERS = frozenset(
    {
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "some",
        "about",
        "around",
        "few",
        "several",
        "many",
        "last",
        "next",
    }
)
