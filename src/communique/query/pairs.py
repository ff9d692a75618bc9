"""Clustering measured on labelled pairs of event mentions ("same real event or not").

A label names two mentions by article and character offsets (a trigger or
sentence inside the cleaned text) and says whether they report one real event.
The system's decision for the pair is whether the event reports found at those
offsets belong to one canonical event. A mention the system did not extract
counts as a "different" decision, so missed extractions lower recall.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from communique.store import Store


@dataclass(frozen=True, slots=True, kw_only=True)
class LabelledMention:
    article: str
    article_id: str
    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True, kw_only=True)
class LabelledPair:
    a: LabelledMention
    b: LabelledMention
    same: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Confusion:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0

    @property
    def precision(self) -> float:
        predicted = self.true_positive + self.false_positive
        return self.true_positive / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        actual = self.true_positive + self.false_negative
        return self.true_positive / actual if actual else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, predicted: bool, actual: bool) -> Confusion:
        return Confusion(
            true_positive=self.true_positive + (predicted and actual),
            false_positive=self.false_positive + (predicted and not actual),
            false_negative=self.false_negative + (actual and not predicted),
            true_negative=self.true_negative + (not predicted and not actual),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class PairScores:
    """Decisions on every labelled pair, and on those whose two mentions were both extracted.

    The first measures the whole system; the second clustering on its own.
    """

    pairs: int
    found: int
    every: Confusion
    extracted: Confusion


def read_pairs(path: Path) -> list[LabelledPair]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            LabelledPair(
                a=_mention(row, "a"),
                b=_mention(row, "b"),
                same=row["same"].strip() == "1",
            )
            for row in csv.DictReader(handle)
        ]


def _mention(row: dict[str, str], side: str) -> LabelledMention:
    return LabelledMention(
        article=row[f"article_{side}"],
        article_id=row[f"id_{side}"],
        start=int(row[f"start_{side}"]),
        end=int(row[f"end_{side}"]),
        type=row["type"],
    )


def canonical_at(store: Store, mention: LabelledMention) -> str | None:
    """The canonical event of the system's report at the labelled offsets, if it made one.

    The article's event of the labelled type whose trigger overlaps the
    labelled span: another event of the same sentence is not taken for it.
    """
    with store.reading() as db:
        rows = db.execute(
            """SELECT m.canonical_id, m.trigger_start, m.trigger_end
               FROM event_mentions m JOIN events e
                   ON e.article_id = m.article_id AND e.event_id = m.event_id
               WHERE m.article_id = ? AND e.type = ?
                   AND m.trigger_start < ? AND m.trigger_end > ?""",
            (mention.article_id, mention.type, mention.end, mention.start),
        ).fetchall()
    overlapping = [r for r in rows if _overlap(mention, r[1], r[2])]
    return str(overlapping[0][0]) if overlapping else None


def _overlap(mention: LabelledMention, start: int, end: int) -> bool:
    return start < mention.end and mention.start < end


def score_pairs(store: Store, pairs: list[LabelledPair]) -> PairScores:
    every, extracted, found = Confusion(), Confusion(), 0
    for pair in pairs:
        first, second = canonical_at(store, pair.a), canonical_at(store, pair.b)
        same = first is not None and first == second
        every = every.add(same, pair.same)
        if first is not None and second is not None:
            found += 1
            extracted = extracted.add(same, pair.same)
    return PairScores(pairs=len(pairs), found=found, every=every, extracted=extracted)
