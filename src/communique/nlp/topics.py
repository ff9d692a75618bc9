"""Topics: what an article and its events are about, from a lexicon of terms.

``data/topics.csv`` maps terms ("Tomahawk", "tariffs", "ceasefire") to a topic
label ("weapons", "trade", "conflict resolution") and the PLOVER context it
implies (military, economic, diplomatic …). Terms match on lemmas, so
"missiles" and "sanctions" need no plural rows; a term of several words
matches the words in sequence. The component writes every match to
``doc._.topics``; :func:`topic_records` groups them into readout topics and
the events component gives each event the topics of its own clause.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from communique.knowledge.tables import read_rows
from communique.records import Span, Topic


@dataclass(frozen=True, slots=True)
class TopicTerm:
    words: tuple[str, ...]
    topic: str
    context: str | None


@dataclass(slots=True)
class TopicMention:
    topic: str
    context: str | None
    start: int
    end: int
    start_char: int
    end_char: int
    text: str


@cache
def topic_terms() -> dict[str, tuple[TopicTerm, ...]]:
    """Terms by their first word, longest first so that "peace plan" beats "peace"."""
    by_first: dict[str, list[TopicTerm]] = {}
    for row in read_rows("topics.csv", ("term", "topic", "context")):
        words = tuple(row["term"].lower().split())
        term = TopicTerm(words=words, topic=row["topic"], context=row["context"] or None)
        by_first.setdefault(words[0], []).append(term)
    return {
        first: tuple(sorted(terms, key=lambda t: len(t.words), reverse=True))
        for first, terms in by_first.items()
    }


@Language.component("communique_topics", assigns=["doc._.topics"])
def find_topics(doc: Doc) -> Doc:
    terms = topic_terms()
    mentions: list[TopicMention] = []
    i = 0
    while i < len(doc):
        found = _term_at(doc, i, terms)
        if found is None:
            i += 1
            continue
        term, end = found
        span = doc[i:end]
        mentions.append(
            TopicMention(
                term.topic, term.context, i, end, span.start_char, span.end_char, span.text
            )
        )
        i = end
    doc._.topics = mentions
    return doc


def _term_at(
    doc: Doc, i: int, terms: dict[str, tuple[TopicTerm, ...]]
) -> tuple[TopicTerm, int] | None:
    token = doc[i]
    for key in dict.fromkeys((_word(token), token.lower_)):
        for term in terms.get(key, ()):
            end = i + len(term.words)
            if end <= len(doc) and all(
                term.words[n] in {_word(doc[i + n]), doc[i + n].lower_}
                for n in range(1, len(term.words))
            ):
                return term, end
    return None


def _word(token: Token) -> str:
    return token.lemma_.lower()


def topic_id(label: str) -> str:
    return "topic/" + "-".join(label.lower().split())


def topic_records(doc: Doc) -> tuple[Topic, ...]:
    """One readout topic per label, with every matching span as evidence."""
    grouped: dict[str, list[TopicMention]] = {}
    for mention in doc._.topics or []:
        grouped.setdefault(mention.topic, []).append(mention)
    return tuple(
        Topic(
            id=topic_id(label),
            label=label,
            evidence=tuple(
                Span(start_char=m.start_char, end_char=m.end_char, text=m.text) for m in mentions
            ),
        )
        for label, mentions in grouped.items()
    )
