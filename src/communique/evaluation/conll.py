"""CoNLL-2003 English (dev): person / organisation / location exact-span F1.

Each document's text is rebuilt from its tokens (one sentence a line, tokens
joined by spaces), so every gold entity has character offsets; communique reads
the rebuilt text and its actor and place mentions are mapped onto the CoNLL
types: persons → PER, organisations and groups → ORG, countries and places → LOC. MISC
(nationalities, events) is not scored; a system span there counts as a false
positive, as in conlleval restricted to three types.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from communique.evaluation.corpus import SHARED, Text, analyse_texts, benchmark_path, readouts_only
from communique.evaluation.results import SetResult, require
from communique.evaluation.spans import (
    EntitySpan,
    SpanCounts,
    exact_counts,
    readout_entities,
    untyped,
)
from communique.pipeline import Extractor

NAME = "conll"
TYPES = ("PER", "ORG", "LOC")
LABELS = {"person": "PER", "organization": "ORG", "group": "ORG", "country": "LOC", "place": "LOC"}


def default_path(shared: Path = SHARED) -> Path:
    return benchmark_path("conll2003", "eng.testa.iob2.txt", shared=shared)


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    entities: frozenset[EntitySpan]


def read_documents(path: Path) -> Iterator[Document]:
    """Documents of an IOB2 file, each with its rebuilt text and gold spans (all four types)."""
    tokens: list[tuple[str, str]] = []
    sentences: list[list[tuple[str, str]]] = []
    with path.open(encoding="utf-8") as lines:
        for raw in lines:
            line = raw.strip()
            if line.startswith("-DOCSTART-"):
                if tokens:
                    sentences.append(tokens)
                    tokens = []
                if sentences:
                    yield _document(sentences)
                sentences = []
            elif not line:
                if tokens:
                    sentences.append(tokens)
                tokens = []
            else:
                columns = line.split()
                tokens.append((columns[0], columns[-1]))
    if tokens:
        sentences.append(tokens)
    if sentences:
        yield _document(sentences)


def _document(sentences: list[list[tuple[str, str]]]) -> Document:
    pieces: list[str] = []
    entities: set[EntitySpan] = set()
    offset = 0
    for sentence in sentences:
        open_start, open_type, last_end, position = -1, "", 0, offset
        for token, tag in sentence:
            start, end = position, position + len(token)
            position = end + 1
            if open_type and not (tag.startswith("I-") and tag[2:] == open_type):
                entities.add(EntitySpan(open_start, last_end, open_type))
                open_type = ""
            if tag.startswith("B-") or (tag.startswith("I-") and not open_type):
                open_start, open_type = start, tag[2:]
            last_end = end
        if open_type:
            entities.add(EntitySpan(open_start, last_end, open_type))
        line = " ".join(word for word, _ in sentence)
        pieces.append(line)
        offset += len(line) + 1
    return Document("\n".join(pieces), frozenset(entities))


def evaluate(
    extractor: Extractor, path: Path | None = None, *, limit: int | None = None
) -> SetResult:
    started = time.perf_counter()
    path = require(path or default_path(), "CoNLL-2003 dev file")
    documents = list(read_documents(path))[:limit]
    results = analyse_texts(
        extractor, [Text(f"doc{i}", doc.text) for i, doc in enumerate(documents)]
    )
    exact = SpanCounts({}, {}, {})
    spans = SpanCounts({}, {}, {})
    for document, readout in zip(documents, readouts_only(results), strict=True):
        gold = {span for span in document.entities if span.label in TYPES}
        system = readout_entities(readout, LABELS) if readout else set()
        exact = exact.add(exact_counts(gold, system))
        spans = spans.add(exact_counts(untyped(gold), untyped(system)))
    figures = exact.figures(TYPES)
    figures.update(spans.prf().named("span"))
    return SetResult(
        name=NAME,
        figures=figures,
        counts={
            "documents": len(documents),
            "failed": sum(1 for r in readouts_only(results) if r is None),
            **{f"gold_{label.lower()}": exact.gold.get(label, 0) for label in TYPES},
        },
        data=str(path),
        seconds=time.perf_counter() - started,
    )
