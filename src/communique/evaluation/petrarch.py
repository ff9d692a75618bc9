"""PETRARCH unit-test records: CAMEO root codes, (source, target, code) triples, false events.

The unit tests are stylised sentences about fictional states (Arnor, Gondor …)
written to test a coder's mechanics, so actor codes can only match where an
actor resolves to a real country; triple F1 is reported but expected to be low.
The figures that carry meaning here are the CAMEO root-code recall and precision
(ignoring actors), PLOVER type recall through the CAMEO → PLOVER table, and the
share of "no event" sentences on which communique reports an event (lower is
better). Records that expect a parser error, and expected events with the test
suite's made-up codes (above 20), are left out.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from communique.evaluation.actorcodes import actors_of, agent_code
from communique.evaluation.cameo import TYPE_ROOTS, is_cameo, plover_type, root
from communique.evaluation.corpus import (
    SHARED,
    Text,
    analyse_texts,
    benchmark_path,
    published_date,
    read_jsonl,
    readouts_only,
)
from communique.evaluation.results import Counts, SetResult, prf, ratio, require
from communique.pipeline import Extractor
from communique.records import Event, Readout

NAME = "petrarch"

Triple = tuple[str, str, str]


def default_path(shared: Path = SHARED) -> Path:
    return benchmark_path("petrarch", "petr_unittest.jsonl", shared=shared)


def expected_events(row: dict[str, Any]) -> list[Triple]:
    """The record's expected (source, target, code) with real CAMEO codes."""
    return [
        (str(e.get("source", "")), str(e.get("target", "")), str(e["eventcode"]))
        for e in row.get("expected_events", [])
        if is_cameo(str(e.get("eventcode", "")))
    ]


def is_no_event(row: dict[str, Any]) -> bool:
    return bool(row.get("noevents")) or not row.get("expected_events")


def event_code(event: Event) -> str:
    """The event's CAMEO code, or the root its PLOVER type most often comes from."""
    if event.cameo:
        return event.cameo
    return TYPE_ROOTS.get(event.type.value, "")


def system_triples(readout: Readout) -> list[Triple]:
    """Directed triples; a symmetric event (no recipients) gives both directions."""
    triples: list[Triple] = []
    for event in readout.events:
        code = event_code(event)
        sources = [agent_code(a) for a in actors_of(readout, event.actors)]
        targets = [agent_code(a) for a in actors_of(readout, event.recipients)]
        if targets:
            triples.extend((s, t, code) for s in sources for t in targets)
        else:
            triples.extend((s, t, code) for s in sources for t in sources if s != t)
    return triples


def matched(gold: Iterable[str], system: Iterable[str]) -> int:
    """Size of the multiset intersection."""
    left = list(system)
    hits = 0
    for item in gold:
        if item in left:
            left.remove(item)
            hits += 1
    return hits


def score_record(counts: Counts, row: dict[str, Any], readout: Readout | None) -> None:
    events = list(readout.events) if readout else []
    if is_no_event(row):
        counts.check("false_event", bool(events))
        return
    gold = expected_events(row)
    if not gold:
        return
    triples = system_triples(readout) if readout else []
    codes = [event_code(event) for event in events]
    counts.add(
        records=1,
        gold=len(gold),
        system=len(events),
        triple_tp=matched([str(t) for t in gold], [str(t) for t in set(triples)]),
        triple_system=len(set(triples)),
        root_tp=matched(
            [root(code) or "" for _, _, code in gold], [root(code) or "" for code in codes]
        ),
    )
    plover_gold = [t for _, _, code in gold if (t := plover_type(code))]
    counts.add(
        plover_gold=len(plover_gold), plover_tp=matched(plover_gold, [e.type.value for e in events])
    )


def evaluate(
    extractor: Extractor, path: Path | None = None, *, limit: int | None = None
) -> SetResult:
    started = time.perf_counter()
    path = require(path or default_path(), "PETRARCH unit-test records")
    rows = [row for row in read_jsonl(path) if not row.get("expected_errors")][:limit]
    texts = [
        Text(str(row["id"]), str(row["text"]), published_date(row.get("date"))) for row in rows
    ]
    counts = Counts()
    for row, readout in zip(rows, readouts_only(analyse_texts(extractor, texts)), strict=True):
        score_record(counts, row, readout)
    return SetResult(
        name=NAME,
        figures={
            **prf(counts["root_tp"], counts["system"], counts["gold"]).named("root_code"),
            "plover_type_r": ratio(counts["plover_tp"], counts["plover_gold"]),
            **prf(counts["triple_tp"], counts["triple_system"], counts["gold"]).named("triple"),
            "false_event_rate": counts.rate("false_event"),
        },
        counts={
            "records": counts["records"],
            "expected_events": counts["gold"],
            "no_event_records": counts["false_event_n"],
        },
        data=str(path),
        seconds=time.perf_counter() - started,
    )
