"""Precision and recall of "same event" decisions on the labelled pairs.

    python scripts/score_event_pairs.py STORE [PAIRS]

STORE must hold the articles the pairs name (ingest ../shared/eval/articles/raw
with --include '*.txt' and ../shared/seed). Pairs whose article id differs from
the stored article's (cleaning changed the text, so offsets moved) are
reported and left out.
"""

from __future__ import annotations

import sys
from pathlib import Path

from communique.query.pairs import LabelledPair, read_pairs, score_pairs
from communique.store import Store

PAIRS = Path(__file__).resolve().parents[1] / "tests" / "data" / "event_pairs.csv"


def usable(store: Store, pairs: list[LabelledPair]) -> tuple[list[LabelledPair], int]:
    with store.reading() as db:
        stored = {row[0] for row in db.execute("SELECT id FROM articles")}
    kept = [p for p in pairs if p.a.article_id in stored and p.b.article_id in stored]
    return kept, len(pairs) - len(kept)


def main() -> None:
    store_path = Path(sys.argv[1])
    pairs_path = Path(sys.argv[2]) if len(sys.argv) > 2 else PAIRS
    with Store(store_path, readonly=True) as store:
        pairs, missing = usable(store, read_pairs(pairs_path))
        scores = score_pairs(store, pairs)
    print(f"pairs {scores.pairs} (left out: {missing}, article not in the store or changed)")
    for label, counts in (("all pairs", scores.every), ("both extracted", scores.extracted)):
        print(
            f"{label:<16} tp {counts.true_positive:>3}  fp {counts.false_positive:>3}  "
            f"fn {counts.false_negative:>3}  tn {counts.true_negative:>3}   "
            f"precision {counts.precision:.3f}  recall {counts.recall:.3f}  f1 {counts.f1:.3f}"
        )


if __name__ == "__main__":
    main()
