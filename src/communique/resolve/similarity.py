"""Wording similarity between an event report and what a canonical event's reports said.

A bag of content-word stems per sentence; a canonical event keeps the counts of
the stems its reports used (capped, so that the row stays small however many
reports it gathers). Similarity is the share of a report's stems the canonical
event has seen. Sentence embeddings were considered (DESIGN.md names a small
ONNX MiniLM); on diplomatic wire copy the participants, dates and places carry
the decision, and a bag of stems is enough to break the ties that remain
(a call vs a summit, talks vs sanctions) at no model cost per article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from communique.knowledge.gazetteer import fold

_WORD = re.compile(r"[a-z][a-z'-]+")

_STOP = frozenset(
    """
    a about above after again against all also an and any are as at be because been before
    being between both but by can could did do does doing during each few for from further
    had has have having he her here hers him his how i if in into is it its itself just
    last may me might more most must my no nor not now of off on once only or other our out
    over own said same says say she should so some such than that the their them then there
    these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your week month year monday tuesday
    wednesday thursday friday saturday sunday today yesterday tomorrow mr mrs ms new
    according told
    """.split()  # noqa: SIM905  (a word list reads better as text)
)

MAX_WORDS = 60
"""Stems a canonical event keeps; the most used win."""


def stem(word: str) -> str:
    """A crude English stem: enough to join "talks"/"talked", "meeting"/"meetings"."""
    for suffix in ("ings", "ing", "edly", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> frozenset[str]:
    """Stems of the words that say what happened, without function words."""
    words = _WORD.findall(fold(text))
    return frozenset(stem(w.strip("'-")) for w in words if w not in _STOP and len(w) > 2)


def add_words(counts: Mapping[str, int], words: Iterable[str]) -> dict[str, int]:
    """Counts with one more report's words, trimmed to the :data:`MAX_WORDS` most used."""
    merged = Counter(counts)
    merged.update(words)
    return dict(merged.most_common(MAX_WORDS))


def overlap(words: frozenset[str], counts: Mapping[str, int]) -> float:
    """Share of ``words`` the canonical event's reports used, 0..1."""
    if not words or not counts:
        return 0.0
    return sum(1 for word in words if word in counts) / len(words)
