"""Time expressions: find them, normalise them TIMEX3-style against the publication date.

Values: ``2025-10-16`` (day), ``2025-10`` (month), ``2025`` (year),
``2025-W43`` (week), ``PT2H`` / ``P3D`` (durations). ``modifier`` keeps what
the value alone loses: ``MORE_THAN`` for "over two hours", ``MID`` for
"mid-November", ``LESS_THAN`` for "within two weeks".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from communique.nlp.timexes import Anchor, normalise
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


_LABELS = frozenset({"DATE", "TIME"})


@Language.component(
    "communique_times",
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.times"],
)
def find_times(doc: Doc) -> Doc:
    anchor = Anchor.from_published(doc._.published)
    mentions: list[TimeMention] = []
    for ent in doc.ents:
        if ent.label_ not in _LABELS:
            continue
        span = _with_preposition(ent)
        timex = normalise(span.text, anchor, future=_future_context(ent))
        if timex is None:
            continue
        mentions.append(
            TimeMention(
                start=ent.start,
                end=ent.end,
                start_char=ent.start_char,
                end_char=ent.end_char,
                text=ent.text,
                kind=timex.kind,
                value=timex.value,
                precision=timex.precision,
                modifier=timex.modifier,
            )
        )
    doc._.times = mentions
    return doc


def _with_preposition(ent: Span) -> Span:
    """Include the word before the entity where it changes the meaning ("over two hours")."""
    if ent.start == 0:
        return ent
    before = ent.doc[ent.start - 1]
    if before.lower_ in {"over", "within", "since", "until", "by", "before", "after", "around", "about", "nearly", "almost", "under"}:
        return ent.doc[ent.start - 1 : ent.end]
    return ent


_FUTURE_WORDS = frozenset({"will", "shall", "'ll", "going", "plan", "plans", "planned", "set", "scheduled", "expected", "due"})


def _future_context(ent: Span) -> bool:
    """Whether the clause around the expression talks about the future."""
    head = ent.root.head
    while head.dep_ not in {"ROOT", "ccomp", "advcl", "relcl", "xcomp", "conj"} and head.head is not head:
        head = head.head
    window = [child.lower_ for child in head.children] + [head.lower_]
    if any(word in _FUTURE_WORDS for word in window):
        return True
    return head.tag_ == "VB" and any(child.lower_ in {"to", "would", "could", "may", "might"} for child in head.children)
