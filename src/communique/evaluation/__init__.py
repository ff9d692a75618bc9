"""Measured quality: the in-domain gold scorer, public benchmark adapters, the quality gate.

    gold.py       gold files (GUIDELINES format) as records
    matching.py   the matching rules: names, titles, quote words
    scoring.py    one readout against one gold file: persons and furniture here,
                  events in eventscore.py, quotes in quotescore.py, counts in tally.py
    goldscore.py  the gold set: extraction, scoring, figures with the reference names
    results.py    what every set produces (figures, counts, skips), P/R/F1
    spans.py      entity spans and span F1 (CoNLL, re3d)
    cameo.py actorcodes.py   CAMEO roots, PLOVER names, actor codes for event benchmarks
    corpus.py     readouts of benchmark texts, offsets preserved
    conll.py tempeval.py polnear.py plover.py petrarch.py ngec.py re3d.py
                  one adapter per public benchmark
    runner.py     every set in one run (``communique eval all``)
    gate.py       baseline comparison and update
    report.py     figures as terminal tables and Markdown
    bench.py      throughput and memory (``communique bench``)

Every adapter reads its data from ``../shared`` (or a path given to it) and
raises :class:`DataMissingError` when the data is absent, so callers can skip.
"""

from communique.evaluation.results import DataMissingError, SetResult

__all__ = ["DataMissingError", "SetResult"]
