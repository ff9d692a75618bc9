"""re3d (Dstl): entity F1 on Syria/Iraq diplomacy and defence documents.

Gold entities are those with confidence ≥ 0.5 (the data set's recommendation:
confidence 0 marks unconfirmed automatic candidates). Only the types communique
produces are scored: Person (person actors), Organisation (organisations and groups),
Location (places and country actors) and Nationality (demonym mentions).
re3d calls a state Organisation where it acts and Location where it is a place;
communique does not make that split for names, so the untyped span figures are
the fairer view of detection, and the per-type figures show the labelling.
Spans are scored exactly and by overlap.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from communique.evaluation.corpus import (
    SHARED,
    Text,
    analyse_texts,
    benchmark_path,
    read_jsonl,
    readouts_only,
)
from communique.evaluation.results import SetResult, require
from communique.evaluation.spans import (
    EntitySpan,
    SpanCounts,
    exact_counts,
    overlap_counts,
    readout_entities,
    untyped,
)
from communique.pipeline import Extractor

NAME = "re3d"
TYPES = ("Person", "Organisation", "Location", "Nationality")
LABELS = {
    "person": "Person",
    "organization": "Organisation",
    "group": "Organisation",
    "place": "Location",
    "country": "Location",
    "demonym": "Nationality",
}
MIN_CONFIDENCE = 0.5


def default_path(shared: Path = SHARED) -> Path:
    return benchmark_path("re3d", shared=shared)


def read_documents(folder: Path) -> list[tuple[dict[str, Any], set[EntitySpan]]]:
    """Every subset's documents, by subset and id, with their confident gold entities."""
    documents: list[tuple[dict[str, Any], set[EntitySpan]]] = []
    for subset in sorted(path for path in folder.iterdir() if (path / "documents.json").is_file()):
        entities: dict[str, set[EntitySpan]] = {}
        for entity in read_jsonl(subset / "entities.json"):
            if entity.get("type") in TYPES and float(entity.get("confidence", 0)) >= MIN_CONFIDENCE:
                span = EntitySpan(int(entity["begin"]), int(entity["end"]), str(entity["type"]))
                entities.setdefault(str(entity["documentId"]), set()).add(span)
        for document in sorted(read_jsonl(subset / "documents.json"), key=lambda d: str(d["_id"])):
            documents.append((document, entities.get(str(document["_id"]), set())))
    return documents


def evaluate(
    extractor: Extractor, path: Path | None = None, *, limit: int | None = None
) -> SetResult:
    started = time.perf_counter()
    folder = require(path or default_path(), "re3d folder")
    documents = read_documents(folder)[:limit]
    texts = [Text(str(doc["_id"]), str(doc["text"])) for doc, _ in documents]
    exact = overlapping = spans = SpanCounts({}, {}, {})
    for (_, gold), readout in zip(
        documents, readouts_only(analyse_texts(extractor, texts)), strict=True
    ):
        system = readout_entities(readout, LABELS) if readout else set()
        exact = exact.add(exact_counts(gold, system))
        overlapping = overlapping.add(overlap_counts(gold, system))
        spans = spans.add(exact_counts(untyped(gold), untyped(system)))
    figures = exact.figures(TYPES)
    figures.update(overlapping.prf().named("overlap_micro"))
    figures.update(spans.prf().named("span"))
    return SetResult(
        name=NAME,
        figures=figures,
        counts={
            "documents": len(documents),
            **{f"gold_{t.lower()}": exact.gold.get(t, 0) for t in TYPES},
        },
        data=str(folder),
        seconds=time.perf_counter() - started,
    )
