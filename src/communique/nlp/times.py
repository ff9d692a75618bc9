"""Time expressions: find them, normalise them TIMEX3-style against the publication date.

Values: ``2025-10-16`` (day), ``2025-10`` (month), ``2025`` (year),
``2025-W43`` (week), ``2025-SU`` (season), ``197`` (the 1970s), ``PT2H`` /
``P3D`` / ``PXY`` (durations), ``P1W`` (a set: "every week"), ``PRESENT_REF``
("now"). ``modifier`` keeps what the value alone loses: ``MORE_THAN`` for
"over two hours", ``MID`` for "mid-November", ``LESS_THAN`` for "within two
weeks", ``END`` for "the end of the year". ``shift`` ("+P1D") is the offset
from an event for "a day after the call", whose value only the event dates.

Candidates are the model's DATE and TIME entities and the matches of token
patterns for what the model misses; overlapping or touching candidates merge,
a candidate holding two expressions is split, words that are not temporal are
trimmed from the edges, and what the normaliser cannot read is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from communique.nlp.timex import Anchor, Timex, normalise, rejects
from communique.nlp.timex.patterns import (
    CONNECTORS,
    EDGE_WORDS,
    MEANINGFUL_PREPOSITIONS,
    OPENERS,
    SPLITTERS,
    patterns,
)
from communique.records import Precision, TimeKind


@dataclass(slots=True)
class TimeMention:
    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    kind: TimeKind
    value: str | None
    precision: Precision | None
    modifier: str | None
    shift: str | None = None


_LABELS = frozenset({"DATE", "TIME"})
_WEEKDAY_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_RATE = re.compile(r"an? (?:second|minute|hour|day|night|week|month|year)")
_FRACTIONS = frozenset({"quarter", "quarters", "half", "third", "thirds"})


@Language.factory(
    "communique_times",
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.times"],
)
def make_time_finder(nlp: Language, name: str) -> TimeFinder:
    return TimeFinder(nlp.vocab)


class TimeFinder:
    """The component: its token patterns are compiled once, when the pipeline is built."""

    def __init__(self, vocab: Vocab) -> None:
        self.matcher = Matcher(vocab)
        for label, label_patterns in patterns().items():
            self.matcher.add(label, label_patterns)

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = find_times(doc, self.matcher)
        return doc


def find_times(doc: Doc, matcher: Matcher) -> list[TimeMention]:
    anchor = Anchor.from_published(doc._.published)
    spans = candidates(doc, matcher)
    mentions: list[TimeMention] = []
    focus: Anchor | None = None
    for index, span in enumerate(spans):
        following = spans[index + 1] if index + 1 < len(spans) else None
        future = _future(span)
        timex = _read(span, following, anchor, focus, future)
        if timex is None:
            continue
        mentions.append(_mention(span, timex))
        focus = _refocus(focus, timex, future)
    return mentions


def _refocus(focus: Anchor | None, timex: Timex, future: bool) -> Anchor | None:
    """The time in focus after a mention: the last past or present date the text named.

    Plans ("will meet next week"), weeks, and values counted from the focus
    itself leave it where it was; so does a period that holds it ("October"
    after "October 16").
    """
    if future or timex.kind is not TimeKind.DATE or timex.anaphoric:
        return focus
    point = Anchor.from_value(timex.value)
    if point is None or point.precision is Precision.WEEK:
        return focus
    return point if focus is None or not _within(focus, point) else focus


_ORDER = {Precision.YEAR: 0, Precision.MONTH: 1, Precision.WEEK: 2, Precision.DAY: 3}


def _within(finer: Anchor, coarser: Anchor) -> bool:
    """Whether ``finer`` lies inside ``coarser`` ("October 16" inside "October"): then it stays the focus."""
    if (
        finer.day is None
        or coarser.day is None
        or finer.precision is None
        or coarser.precision is None
    ):
        return False
    if (
        _ORDER.get(finer.precision, 0) <= _ORDER.get(coarser.precision, 0)
        or coarser.precision is Precision.WEEK
    ):
        return False
    same_year = finer.day.year == coarser.day.year
    return same_year and (
        coarser.precision is Precision.YEAR or finer.day.month == coarser.day.month
    )


def candidates(doc: Doc, matcher: Matcher) -> list[Span]:
    """Candidate expressions in text order: merged, split at connectors, trimmed."""
    ranges = sorted(
        {(ent.start, ent.end) for ent in doc.ents if ent.label_ in _LABELS}
        | {(s, e) for _, s, e in matcher(doc)}
    )
    spans: list[Span] = []
    for start, end in _union(doc, ranges):
        if rejects(_with_compound(doc[start:end]).text):
            continue
        for piece in _split(doc[start:end]):
            if (
                (trimmed := _trim(piece)) is not None
                and not _fraction(trimmed)
                and not _verb_like_season(trimmed)
            ):
                spans.append(trimmed)
    return spans


def _union(doc: Doc, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping ranges, and ranges that touch on one line ("Friday" + "night"), become one."""
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and (
            start < merged[-1][1]
            or (start == merged[-1][1] and _joinable(doc[start - 1], doc[start]))
        ):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _joinable(left: Token, right: Token) -> bool:
    return "\n" not in left.whitespace_ and not left.is_punct and not right.is_punct


def _fraction(span: Span) -> bool:
    """ "three-quarters of the vote", "half of the members": a share, not a time."""
    doc = span.doc
    if (
        span[-1].lower_.split("-")[-1] not in _FRACTIONS
        or span.end + 1 >= len(doc)
        or doc[span.end].lower_ != "of"
    ):
        return False
    return not (
        doc[span.end + 1].shape_ == "dddd"
        or doc[span.end + 2 : span.end + 3].text.lower() == "year"
    )


def _verb_like_season(span: Span) -> bool:
    """ "a fall in prices", "the fall of Kabul": no seasons."""
    if span[-1].lower_ not in ("fall", "spring") or len(span) > 2:
        return False
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return after in ("of", "in") or before in ("a", "an") or span[0].lower_ in ("a", "an")


def _with_compound(span: Span) -> Span:
    """The span with what is hyphenated to it and a following "old": "62-year-old", "1990s-era"."""
    doc, end = span.doc, span.end
    while end < len(doc) and not doc[end - 1].whitespace_ and not doc[end].is_space:
        end += 1
    if end < len(doc) and doc[end].lower_ in ("old", "era", "of"):
        end += (
            2
            if doc[end].lower_ == "of" and end + 1 < len(doc) and _abstract_noun(doc[end + 1])
            else 1
        )
    return doc[span.start : min(end, len(doc))]


def _abstract_noun(token: Token) -> bool:
    """ "rage" in "a day of rage": a day that names an occasion, not a length of time."""
    return token.tag_ == "NN" and token.lower_ not in EDGE_WORDS


def _split(span: Span) -> list[Span]:
    """ "today through Nov. 17" and "2pm and 4pm" are two expressions each."""
    for token in span[1:-1]:
        if token.lower_ not in SPLITTERS and token.lower_ not in CONNECTORS:
            continue
        left, right = span.doc[span.start : token.i], span.doc[token.i + 1 : span.end]
        if token.text == "," and (right[0].shape_ == "dddd" or left[-1].lower_ in _WEEKDAY_WORDS):
            continue  # "Aug. 7, 1998" and "Friday, Oct. 13" are one date each
        if token.lower_ in SPLITTERS or (_readable(left) and _readable(right)):
            return [left, *_split(right)]
    return [span]


def _readable(span: Span) -> bool:
    timex = normalise(span.text, Anchor(None))
    return timex is not None and (timex.value is not None or timex.kind is not TimeKind.DATE)


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        not _edge(doc[start], doc[start + 1] if start + 1 < end else None)
        or (doc[start].lower_ in OPENERS and start + 1 < end and not _edge(doc[start + 1], None))
    ):
        start += 1
    while end > start and not _edge(doc[end - 1], None):
        end -= 1
    return doc[start:end] if start < end else None


def _edge(token: Token, following: Token | None) -> bool:
    lower = token.lower_.rstrip(".")
    if "-" in lower.strip("-"):
        return all(_edge_word(part) for part in lower.split("-"))  # "two-hour", "year-end"
    if token.like_num or _edge_word(lower):
        return True
    return lower == "at" and following is not None and following.lower_ in ("least", "most")


def _edge_word(lower: str) -> bool:
    return lower in EDGE_WORDS or lower[:1].isdigit() or (lower[:1] == "'" and lower[1:2].isdigit())


def _read(
    span: Span, following: Span | None, anchor: Anchor, focus: Anchor | None, future: bool
) -> Timex | None:
    """The expression's value, read with the words around it that change it."""
    special = _rate_or_same_day(span, anchor)
    if special is not None:
        return special
    timex = normalise(_prefix(span) + span.text, anchor, future=future, reference=focus)
    doc = span.doc
    if timex is None or timex.kind is not TimeKind.DURATION or span.end >= len(doc):
        return timex
    signal = doc[span.end].lower_
    if signal not in ("after", "before"):
        return timex
    # "two days after Oct. 12" counts from a date; "a day after the call" from an event.
    point = following.text if following is not None and following.start == span.end + 1 else ""
    text = f"{span.text} {signal} {point}"
    return normalise(text, anchor, future=future, reference=focus) or timex


def _prefix(span: Span) -> str:
    """The preposition before the span where it changes the value: "over", "within", "in"."""
    if span.start == 0:
        return ""
    before = span.doc[span.start - 1].lower_
    if before in MEANINGFUL_PREPOSITIONS and before not in ("after", "before"):
        return before + " "
    return ""


def _rate_or_same_day(span: Span, anchor: Anchor) -> Timex | None:
    """ "$400 a month" is a set; "the same day as his deadline" is an event's day."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    rate = before is not None and (before.like_num or before.pos_ in ("NOUN", "NUM", "SYM"))
    if rate and _RATE.fullmatch(span.text.lower()):
        return normalise("per " + span.text.split()[-1], anchor)
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if after == "as" and span.text.lower().startswith(("the same", "that same")):
        return Timex(TimeKind.DATE, None, shift="+P0D")
    return None


def _mention(span: Span, timex: Timex) -> TimeMention:
    return TimeMention(
        start=span.start,
        end=span.end,
        start_char=span.start_char,
        end_char=span.end_char,
        text=span.text,
        kind=timex.kind,
        value=timex.value,
        precision=timex.precision,
        modifier=timex.modifier,
        shift=timex.shift,
    )


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
# Words whose clause is about what is to come: "payable Jan. 2", "planned a rally on Saturday".
_FUTURE_LEMMAS = frozenset(
    {
        "plan",
        "schedule",
        "expect",
        "due",
        "intend",
        "prepare",
        "propose",
        "payable",
        "effective",
        "upcoming",
        "slate",
    }
)
# Verbs that put an infinitive in the future: "set to meet", "is to resume", "agreed to meet".
_FUTURE_XCOMP_HEADS = frozenset(
    {"set", "go", "hope", "aim", "want", "seek", "agree", "promise", "vow", "pledge", "be"}
)
_SOON = re.compile(r"\bas (?:soon|early|late) as$")


def _future(span: Span) -> bool:
    """Whether the clause the expression belongs to talks about the future (else: the past)."""
    doc = span.doc
    if _SOON.search(doc[max(0, span.start - 3) : span.start].text.lower()):
        return True
    token = span.root
    while token.pos_ not in ("VERB", "AUX") and token.head != token:
        token = token.head
        if token.lemma_ in _FUTURE_LEMMAS and not _past(token):
            return True
        if any(child.dep_ == "amod" and child.lemma_ in _FUTURE_LEMMAS for child in token.children):
            return True  # "his upcoming visit on Friday"
    verb = token
    while True:
        if any(child.lower_ in _FUTURE_AUX for child in verb.children):
            return True
        if verb.lemma_ in _FUTURE_LEMMAS and not _past(verb):
            return True
        if verb.dep_ != "xcomp" or verb.head == verb:
            break
        verb = verb.head
        if verb.lemma_ in _FUTURE_XCOMP_HEADS:
            return True
    # A headline's "Trump to meet Putin on Friday".
    return (
        token.tag_ == "VB"
        and token.dep_ == "ROOT"
        and any(child.lower_ == "to" for child in token.children)
    )


def _past(token: Token) -> bool:
    """ "planned" and "was planned": the planning is what the date belongs to."""
    return token.tag_ == "VBD" or any(
        child.dep_ in ("aux", "auxpass") and child.tag_ == "VBD" for child in token.children
    )
