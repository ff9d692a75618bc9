"""Every evaluation set in one run: ``communique eval all``.

The registry :data:`SETS` lists each set once, with the function that scores it,
where its data lives under ``../shared`` and how much of it the fast run
(``--fast``, the CI gate) reads. The fast limits are part of the baseline's
meaning: change one and the baseline must be regenerated.
"""

from __future__ import annotations

import os
import platform
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from communique.evaluation import conll, ngec, petrarch, plover, polnear, re3d, tempeval
from communique.evaluation.corpus import SHARED
from communique.evaluation.goldscore import default_gold_dir, evaluate_gold
from communique.evaluation.results import DataMissingError, SetResult, skipped
from communique.pipeline import Extractor

Evaluate = Callable[[Extractor, Path | None, int | None], SetResult]


@dataclass(frozen=True, slots=True)
class EvaluationSet:
    name: str
    title: str
    evaluate: Evaluate
    default_path: Callable[[Path], Path]
    fast_limit: int | None
    metrics: str = ""


def _gold(extractor: Extractor, path: Path | None, limit: int | None) -> SetResult:
    result, _ = evaluate_gold(path or default_gold_dir(), extractor, limit=limit)
    return result


def _adapter(evaluate: Callable[..., SetResult]) -> Evaluate:
    def run(extractor: Extractor, path: Path | None, limit: int | None) -> SetResult:
        return evaluate(extractor, path, limit=limit)

    return run


SETS: tuple[EvaluationSet, ...] = (
    EvaluationSet(
        "gold", "in-domain gold (dev)", _gold, default_gold_dir, None,
        "persons, events, quotes and furniture scored by the evaluation guidelines",
    ),
    EvaluationSet(
        "conll", "CoNLL-2003 dev", _adapter(conll.evaluate), conll.default_path, 40,
        "PER / ORG / LOC exact-span precision, recall and F1, by type and micro-averaged",
    ),
    EvaluationSet(
        "tempeval", "TempEval-3 TBAQ", _adapter(tempeval.evaluate), tempeval.default_path, 40,
        "time expression detection F1 (relaxed and strict) and value accuracy against the DCT",
    ),
    EvaluationSet(
        "polnear", "PolNeAR dev", _adapter(polnear.evaluate), polnear.default_path, 12,
        "attribution source / cue / content span F1 by overlap, and speaker accuracy",
    ),
    EvaluationSet(
        "plover", "PLOVER gold records", _adapter(plover.evaluate), plover.default_path, None,
        "event type accuracy and source / target country and sector accuracy",
    ),
    EvaluationSet(
        "petrarch", "PETRARCH unit tests", _adapter(petrarch.evaluate), petrarch.default_path, None,
        "CAMEO root-code and triple F1, and events reported on no-event sentences",
    ),
    EvaluationSet(
        "ngec", "NGEC actor tests", _adapter(ngec.evaluate), ngec.default_path, None,
        "actor text to country and sector accuracy",
    ),
    EvaluationSet(
        "re3d", "re3d entities", _adapter(re3d.evaluate), re3d.default_path, 25,
        "Person / Organisation / Location / Nationality span F1, exact and by overlap",
    ),
)  # fmt: skip
BY_NAME = {item.name: item for item in SETS}


def run_set(
    item: EvaluationSet, extractor: Extractor, *, shared: Path = SHARED, fast: bool = False
) -> SetResult:
    """One set's result, or a skip naming the missing data."""
    path = item.default_path(shared)
    try:
        return item.evaluate(extractor, path, item.fast_limit if fast else None)
    except DataMissingError as e:
        return skipped(item.name, f"skipped: {e}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    """All sets' results with the facts needed to compare runs."""

    results: tuple[SetResult, ...]
    fast: bool
    model: str
    seconds: float

    @property
    def figures(self) -> dict[str, dict[str, float | None]]:
        return {result.name: result.figures for result in self.results if not result.skipped}

    def as_json(self) -> dict[str, object]:
        return {
            "fast": self.fast,
            "model": self.model,
            "machine": machine(),
            "seconds": round(self.seconds, 1),
            "sets": {result.name: result.as_json() for result in self.results},
        }


def run_all(
    extractor: Extractor,
    *,
    shared: Path = SHARED,
    fast: bool = False,
    names: Iterable[str] | None = None,
    progress: Callable[[SetResult], None] | None = None,
) -> Run:
    started = time.perf_counter()
    chosen = [BY_NAME[name] for name in names] if names else list(SETS)
    results = []
    for item in chosen:
        result = run_set(item, extractor, shared=shared, fast=fast)
        results.append(result)
        if progress:
            progress(result)
    return Run(
        results=tuple(results),
        fast=fast,
        model=extractor.settings.model,
        seconds=time.perf_counter() - started,
    )


def machine() -> dict[str, object]:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
    }
