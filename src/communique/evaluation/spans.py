"""Entity spans out of a readout, and span-level precision/recall/F1 by type.

Used by the named-entity benchmarks (CoNLL-2003, re3d): each benchmark maps
communique's labels onto its own types.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from communique.evaluation.results import PRF, Figures, prf
from communique.records import MentionKind, Readout

NAMED = frozenset({MentionKind.NAME, MentionKind.ALIAS, MentionKind.ABBREVIATION})
"""Mentions that are names; descriptors, pronouns and titles are not entities."""


@dataclass(frozen=True, slots=True, order=True)
class EntitySpan:
    start: int
    end: int
    label: str


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Without a leading "the" or a trailing possessive, which the benchmarks leave out."""
    piece = text[start:end]
    for suffix in ("'s", "’s"):
        if piece.endswith(suffix):
            end -= len(suffix)
            piece = piece[: -len(suffix)]
    for article in ("the ", "The "):
        if piece.startswith(article) and len(piece) > len(article):
            start += len(article)
    return start, end


def readout_entities(
    readout: Readout, labels: Mapping[str, str], *, kinds: Iterable[MentionKind] = NAMED
) -> set[EntitySpan]:
    """One labelled span per mention, in benchmark labels.

    ``labels`` maps communique's actor kinds (``person``, ``organization``,
    ``country``, ``group``), ``place`` and ``demonym`` to the benchmark's types;
    a kind it leaves out is not reported. Where two kinds claim one span, the
    one listed first in ``labels`` wins (a person named like a city is a person).
    """
    wanted = frozenset(kinds)
    claims: list[tuple[int, int, int, str]] = []
    order = {kind: rank for rank, kind in enumerate(labels)}
    text = readout.article.text
    for actor in readout.actors:
        for mention in actor.mentions:
            kind = "demonym" if mention.kind == MentionKind.DEMONYM else actor.kind.value
            if kind in labels and (mention.kind in wanted or kind == "demonym"):
                start, end = trimmed(text, mention.start_char, mention.end_char)
                claims.append((start, end, order[kind], labels[kind]))
    if "place" in labels:
        for place in readout.places:
            for mention in place.mentions:
                start, end = trimmed(text, mention.start_char, mention.end_char)
                claims.append((start, end, order["place"], labels["place"]))
    chosen: dict[tuple[int, int], tuple[int, str]] = {}
    for start, end, rank, label in claims:
        if (start, end) not in chosen or rank < chosen[(start, end)][0]:
            chosen[(start, end)] = (rank, label)
    return {EntitySpan(start, end, label) for (start, end), (_, label) in chosen.items()}


@dataclass(frozen=True, slots=True)
class SpanCounts:
    """True positives, predictions and gold spans, per label."""

    tp: dict[str, int]
    system: dict[str, int]
    gold: dict[str, int]

    def add(self, other: SpanCounts) -> SpanCounts:
        def plus(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
            return {key: a.get(key, 0) + b.get(key, 0) for key in a.keys() | b.keys()}

        return SpanCounts(
            plus(self.tp, other.tp), plus(self.system, other.system), plus(self.gold, other.gold)
        )

    def prf(self, label: str | None = None) -> PRF:
        """Scores for one label, or micro-averaged over all when ``label`` is ``None``."""
        if label is None:
            return prf(sum(self.tp.values()), sum(self.system.values()), sum(self.gold.values()))
        return prf(self.tp.get(label, 0), self.system.get(label, 0), self.gold.get(label, 0))

    def figures(self, labels: Iterable[str], prefix: str = "") -> Figures:
        out: Figures = {}
        for label in labels:
            out.update(self.prf(label).named(f"{prefix}{label.lower()}"))
        out.update(self.prf().named(f"{prefix}micro"))
        return out


def exact_counts(gold: set[EntitySpan], system: set[EntitySpan]) -> SpanCounts:
    """Exact span and label match."""
    return SpanCounts(_by_label(gold & system), _by_label(system), _by_label(gold))


def overlap_counts(gold: set[EntitySpan], system: set[EntitySpan]) -> SpanCounts:
    """Same label and overlapping characters, each span used at most once."""
    free = sorted(system)
    hits: list[EntitySpan] = []
    for span in sorted(gold):
        match = next(
            (
                s
                for s in free
                if s.label == span.label and s.start < span.end and span.start < s.end
            ),
            None,
        )
        if match is not None:
            free.remove(match)
            hits.append(span)
    return SpanCounts(_by_label(hits), _by_label(system), _by_label(gold))


def untyped(spans: set[EntitySpan]) -> set[EntitySpan]:
    return {EntitySpan(span.start, span.end, "ANY") for span in spans}


def _by_label(spans: Iterable[EntitySpan]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for span in spans:
        counts[span.label] = counts.get(span.label, 0) + 1
    return counts
