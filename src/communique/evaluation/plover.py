"""PLOVER gold-standard records: event type, and source / target country and sector.

Each record is one sentence with one gold event. communique reads the sentence;
the event it is scored on is the first of its events with the gold type, else its
first event. The gold uses PLOVER 0.5 names, mapped to today's categories
(DEMAND → REQUEST, DISAPPROVE and INVESTIGATE → ACCUSE, FIGHT → ASSAULT).
A gold actor's country is right when an actor on the same side of the chosen
event has that ISO3 code (``IGO`` for international organisations); its sector
is right when such an actor also has the gold sector. Reciprocal gold events
(no target) are checked against all participants. A sentence without any
event scores as wrong on every figure.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from communique.evaluation.actorcodes import actors_of, country_code
from communique.evaluation.cameo import current_plover
from communique.evaluation.corpus import (
    SHARED,
    Text,
    analyse_texts,
    benchmark_path,
    read_jsonl,
    readouts_only,
)
from communique.evaluation.results import Counts, SetResult, require
from communique.pipeline import Extractor
from communique.records import Actor, Event, Readout

NAME = "plover"


def default_path(shared: Path = SHARED) -> Path:
    return benchmark_path("plover", "plover_gsr.jsonl", shared=shared)


@dataclass(frozen=True, slots=True)
class GoldActor:
    code: str | None
    sector: str | None


def gold_actors(value: Any) -> list[GoldActor]:
    if not isinstance(value, list):
        return []
    return [GoldActor(item.get("code") or None, item.get("sector") or None) for item in value]


def chosen_event(readout: Readout | None, gold_type: str) -> Event | None:
    if readout is None or not readout.events:
        return None
    return next((e for e in readout.events if e.type.value == gold_type), readout.events[0])


def _score_side(counts: Counts, side: str, gold: list[GoldActor], actors: list[Actor]) -> None:
    for actor in gold:
        same_country = [a for a in actors if country_code(a) == actor.code]
        if actor.code:
            counts.check(f"{side}_country", bool(same_country))
        if actor.sector:
            counts.check(f"{side}_sector", any(a.sector == actor.sector for a in same_country))


def score_record(counts: Counts, row: dict[str, Any], readout: Readout | None) -> None:
    gold_type = current_plover(str(row["event"]))
    event = chosen_event(readout, gold_type)
    counts.check("coded", event is not None)
    counts.check("type", event is not None and event.type.value == gold_type)
    sources, targets = gold_actors(row.get("source")), gold_actors(row.get("target"))
    if event is None or readout is None:
        _score_side(counts, "source", sources, [])
        _score_side(counts, "target", targets, [])
        return
    doers, receivers = actors_of(readout, event.actors), actors_of(readout, event.recipients)
    if not targets:
        doers = doers + receivers
    _score_side(counts, "source", sources, doers)
    _score_side(counts, "target", targets, receivers)


def evaluate(
    extractor: Extractor, path: Path | None = None, *, limit: int | None = None
) -> SetResult:
    started = time.perf_counter()
    path = require(path or default_path(), "PLOVER gold-standard records")
    rows = [row for row in read_jsonl(path) if row.get("event") and row.get("text")][:limit]
    texts = [Text(str(row["id"]), str(row["text"])) for row in rows]
    counts = Counts()
    for row, readout in zip(rows, readouts_only(analyse_texts(extractor, texts)), strict=True):
        score_record(counts, row, readout)
    keys = ("type", "coded", "source_country", "source_sector", "target_country", "target_sector")
    return SetResult(
        name=NAME,
        figures={f"{key}_acc" if key != "coded" else "coded": counts.rate(key) for key in keys},
        counts={"records": len(rows), "gold_source_actors": counts["source_country_n"]},
        data=str(path),
        seconds=time.perf_counter() - started,
    )
