"""Readouts of benchmark texts, with offsets into exactly the text given.

Benchmarks annotate character offsets into their own text, so their texts skip
cleaning (which would drop or rejoin lines) and go straight to the NLP stage.
Where to find the shared benchmark data is decided here too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from communique.clean.body import article_id
from communique.errors import EvaluationError
from communique.pipeline import Extractor, failure
from communique.records import Article, Failure, Readout

SHARED = Path("../shared")
"""Where the shared evaluation data lives, relative to the repository (the working folder)."""


def benchmark_path(*parts: str, shared: Path = SHARED) -> Path:
    return shared.joinpath("eval", "benchmarks", *parts)


@dataclass(frozen=True, slots=True)
class Text:
    """One benchmark document: its key, its text, and the date relative times refer to."""

    key: str
    text: str
    published: str | None = None


def analyse_texts(extractor: Extractor, texts: Sequence[Text]) -> list[Readout | Failure]:
    """Readouts in input order, batched; a text the pipeline fails on becomes a Failure."""
    articles = [
        Article(
            id=article_id(text.text) if text.text.strip() else text.key,
            source=text.key,
            published=text.published,
            text=text.text,
        )
        for text in texts
    ]
    try:
        return list(extractor.analyse_many(articles))
    except Exception:  # a component crashed inside the batch: find which, go on
        return [_analyse_one(extractor, article) for article in articles]


def _analyse_one(extractor: Extractor, article: Article) -> Readout | Failure:
    try:
        return next(iter(extractor.analyse_many([article])))
    except Exception as e:  # one document's crash must not stop a benchmark
        return failure(article.source, "nlp", e)


def readouts_only(results: Sequence[Readout | Failure]) -> Iterator[Readout | None]:
    """Each result as a readout, ``None`` for a failure (scored as producing nothing)."""
    for result in results:
        yield result if isinstance(result, Readout) else None


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """JSON objects, one a line (a byte-order mark and blank lines are allowed)."""
    with path.open(encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as e:
                raise EvaluationError(f"line {number} is not JSON: {e}", source=str(path)) from e


def published_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from ``YYYYMMDD`` or ``YYYY-MM-DD``; ``None`` for anything else."""
    if not value:
        return None
    digits = value.replace("-", "")
    if len(digits) == 8 and digits.isdigit():
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    return None
