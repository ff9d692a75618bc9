"""Clustering measured on labelled pairs of event mentions from ../shared raw articles.

The pairs (tests/data/event_pairs.csv) name articles and character offsets
only. This test ingests the articles they name and prints precision and
recall of "same event" decisions, over all pairs and over the pairs whose two
mentions the extractor found; the floors below are a gate, never lowered
silently. ``scripts/score_event_pairs.py STORE`` prints the same figures for
any store.
"""

from pathlib import Path

import pytest

from communique.api import open_store
from communique.query.pairs import read_pairs, score_pairs

pytestmark = [pytest.mark.shared, pytest.mark.model, pytest.mark.slow]

PAIRS = Path(__file__).resolve().parents[1] / "data" / "event_pairs.csv"

FLOORS = {"extracted precision": 0.75, "extracted recall": 0.35, "found": 30}


def test_event_pairs_precision_and_recall(shared_dir, tmp_path, capsys):
    pairs = read_pairs(PAIRS)
    assert len(pairs) >= 150
    names = sorted({m.article for p in pairs for m in (p.a, p.b)})
    raw = shared_dir / "eval" / "articles" / "raw"
    paths = [raw / name if (raw / name).exists() else shared_dir / "seed" / name for name in names]
    with open_store(tmp_path / "pairs.db") as archive:
        archive.ingest(paths)
        stored = {row.id for row in archive.articles()}
        usable = [p for p in pairs if p.a.article_id in stored and p.b.article_id in stored]
        assert len(usable) == len(pairs), "cleaning changed some texts: relabel their offsets"
        scores = score_pairs(archive.store, usable)
    with capsys.disabled():
        for label, counts in (("all pairs", scores.every), ("both extracted", scores.extracted)):
            print(
                f"\n{label}: precision {counts.precision:.3f} recall {counts.recall:.3f} "
                f"(tp {counts.true_positive} fp {counts.false_positive} "
                f"fn {counts.false_negative} tn {counts.true_negative})"
            )
    assert scores.found >= FLOORS["found"]
    assert scores.extracted.precision >= FLOORS["extracted precision"]
    assert scores.extracted.recall >= FLOORS["extracted recall"]
