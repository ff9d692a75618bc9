"""TempEval-3 (TimeBank + AQUAINT, "TBAQ-cleaned"): time expressions and their values.

Each document is read with its document creation time (DCT) as the
publication date, as TempEval-3 systems normalise against the DCT. Scored as in
TempEval-3 task A: detection F1 with relaxed (overlapping) and strict (exact)
spans; value and type accuracy over relaxed matches, and value F1 (a relaxed
match that also has the right value).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
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
from communique.evaluation.results import SetResult, prf, ratio, require
from communique.pipeline import Extractor
from communique.records import Readout, TimeExpression

NAME = "tempeval"
# communique's time kinds in TIMEX3 types.
TYPES = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}


def default_path(shared: Path = SHARED) -> Path:
    return benchmark_path("tempeval3", "tbaq_timex.jsonl", shared=shared)


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    type: str
    value: str | None

    def overlaps(self, other: Timex) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True, kw_only=True)
class TimexCounts:
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    value_ok: int = 0
    type_ok: int = 0

    def __add__(self, other: TimexCounts) -> TimexCounts:
        return TimexCounts(
            gold=self.gold + other.gold, system=self.system + other.system,
            relaxed=self.relaxed + other.relaxed, strict=self.strict + other.strict,
            value_ok=self.value_ok + other.value_ok, type_ok=self.type_ok + other.type_ok,
        )  # fmt: skip


def gold_timexes(row: dict[str, Any]) -> list[Timex]:
    return [
        Timex(int(t["start"]), int(t["end"]), str(t.get("type", "")), t.get("value"))
        for t in row["timexes"]
    ]


def system_timexes(readout: Readout | None) -> list[Timex]:
    if readout is None:
        return []
    return [_timex(time) for time in readout.times]


def _timex(time: TimeExpression) -> Timex:
    return Timex(
        time.start_char,
        time.end_char,
        TYPES.get(time.kind.value, time.kind.value.upper()),
        time.value,
    )


def count(gold: list[Timex], system: list[Timex]) -> TimexCounts:
    """Pairs gold and system expressions one to one by overlap, exact spans first."""
    free = list(system)
    relaxed = strict = value_ok = type_ok = 0
    ordered = sorted(
        gold, key=lambda g: not any(s.start == g.start and s.end == g.end for s in system)
    )
    for timex in ordered:
        exact = next((s for s in free if s.start == timex.start and s.end == timex.end), None)
        match = exact or next((s for s in free if s.overlaps(timex)), None)
        if match is None:
            continue
        free.remove(match)
        relaxed += 1
        strict += int(exact is not None)
        value_ok += int(match.value == timex.value)
        type_ok += int(match.type == timex.type)
    return TimexCounts(
        gold=len(gold),
        system=len(system),
        relaxed=relaxed,
        strict=strict,
        value_ok=value_ok,
        type_ok=type_ok,
    )


def evaluate(
    extractor: Extractor, path: Path | None = None, *, limit: int | None = None
) -> SetResult:
    started = time.perf_counter()
    path = require(path or default_path(), "TempEval-3 TBAQ file")
    rows = list(read_jsonl(path))[:limit]
    texts = [Text(str(row["doc_id"]), str(row["text"]), row.get("dct")) for row in rows]
    results = analyse_texts(extractor, texts)
    total = TimexCounts()
    for row, readout in zip(rows, readouts_only(results), strict=True):
        total += count(gold_timexes(row), system_timexes(readout))
    relaxed = prf(total.relaxed, total.system, total.gold)
    strict = prf(total.strict, total.system, total.gold)
    value = prf(total.value_ok, total.system, total.gold)
    return SetResult(
        name=NAME,
        figures={
            **relaxed.named("relaxed"),
            **strict.named("strict"),
            "value_acc": ratio(total.value_ok, total.relaxed),
            "value_f1": round(value.f1, 3),
            "type_acc": ratio(total.type_ok, total.relaxed),
        },
        counts={"documents": len(rows), "gold_timexes": total.gold, "system_timexes": total.system},
        data=str(path),
        seconds=time.perf_counter() - started,
    )
