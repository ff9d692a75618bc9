"""PolNeAR (dev): attribution source, cue and content spans, and speaker accuracy.

Each gold attribution has a source (who), a cue (the reporting verb) and a
content span; communique's quotes give a content span, a cue span and the
words naming the speaker in the attribution (``speaker_span``: "he", "a senior
diplomat", "Carney"), which are the system's source. Spans match when they
overlap, one to one. The speaker is right when the system source overlaps the
gold source, or the speaker's name agrees with it by surname. PolNeAR also
annotates attributed beliefs and intentions, which communique does not report
as quotes, so recall is bounded well below 1. Documents annotated by several
people are read once (the first annotator, by id).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
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
from communique.evaluation.matching import Name, names_match
from communique.evaluation.results import Counts, Figures, SetResult, prf, ratio, require
from communique.pipeline import Extractor
from communique.records import Quote, Readout

NAME = "polnear"
QUOTE_MARKS = ("“", "”", '"', "«", "»")

Spans = tuple[tuple[int, int], ...]


def default_path(shared: Path = SHARED) -> Path:
    return benchmark_path("polnear", "dev.jsonl", shared=shared)


@dataclass(frozen=True, slots=True)
class Attribution:
    source: Spans
    cue: Spans
    content: Spans
    source_text: str = ""
    direct: bool = False
    speaker: str | None = None


def overlap(first: Spans, second: Spans) -> int:
    return sum(
        max(0, min(a_end, b_end) - max(a_start, b_start))
        for a_start, a_end in first
        for b_start, b_end in second
    )


def gold_attributions(row: dict[str, Any]) -> list[Attribution]:
    def spans(parts: list[dict[str, Any]]) -> Spans:
        return tuple((int(start), int(end)) for part in parts for start, end in part["spans"])

    def text(parts: list[dict[str, Any]]) -> str:
        return " ".join(str(part.get("text", "")) for part in parts)

    return [
        Attribution(
            source=spans(item.get("source", [])),
            cue=spans(item.get("cue", [])),
            content=spans(item.get("content", [])),
            source_text=text(item.get("source", [])),
            direct=any(mark in text(item.get("content", [])) for mark in QUOTE_MARKS),
        )
        for item in row["attributions"]
    ]


def system_attributions(readout: Readout | None) -> list[Attribution]:
    if readout is None:
        return []
    return [
        Attribution(
            source=_source_span(quote),
            cue=((quote.cue.start_char, quote.cue.end_char),) if quote.cue else (),
            content=((quote.start_char, quote.end_char),),
            speaker=_speaker_name(readout, quote),
        )
        for quote in readout.quotes
    ]


def _speaker_name(readout: Readout, quote: Quote) -> str | None:
    actor = readout.actor(quote.speaker) if quote.speaker else None
    return actor.name if actor else quote.speaker_text


def _source_span(quote: Quote) -> Spans:
    span = quote.speaker_span
    return ((span.start_char, span.end_char),) if span is not None else ()


def pair(gold: list[Attribution], system: list[Attribution], role: str) -> dict[int, int]:
    """Gold index → system index for overlapping ``role`` spans, largest overlap first."""
    candidates = sorted(
        (
            (overlap(getattr(g, role), getattr(s, role)), gi, si)
            for gi, g in enumerate(gold)
            for si, s in enumerate(system)
        ),
        reverse=True,
    )
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for size, gi, si in candidates:
        if size > 0 and gi not in matched and si not in taken:
            matched[gi] = si
            taken.add(si)
    return matched


def speaker_right(gold: Attribution, system: Attribution) -> bool:
    if overlap(gold.source, system.source) > 0:
        return True
    return bool(system.speaker) and names_match(Name(gold.source_text), system.speaker)


def _count_document(gold: list[Attribution], system: list[Attribution], counts: Counts) -> None:
    for role in ("source", "cue", "content"):
        with_role = [g for g in gold if getattr(g, role)]
        produced = [s for s in system if getattr(s, role)]
        counts.add(**{f"{role}_tp": len(pair(with_role, produced, role))})
        counts.add(**{f"{role}_gold": len(with_role), f"{role}_system": len(produced)})
    matched = pair(gold, system, "content")
    for gi, si in matched.items():
        kind = "direct" if gold[gi].direct else "indirect"
        counts.add(**{f"{kind}_found": 1})
        if gold[gi].source:
            counts.add(speaker_n=1, speaker_ok=int(speaker_right(gold[gi], system[si])))
    counts.add(
        direct_gold=sum(g.direct for g in gold), indirect_gold=sum(not g.direct for g in gold)
    )


def first_annotations(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One annotation per document: the first annotator's, by id."""
    chosen: dict[str, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: (str(r["doc"]), str(r.get("annotator", "")))):
        chosen.setdefault(str(row["doc"]), row)
    return list(chosen.values())


def _published(doc: str) -> str | None:
    found = re.search(r"\d{4}-\d{2}-\d{2}", doc)
    return found.group(0) if found else None


def evaluate(
    extractor: Extractor, path: Path | None = None, *, limit: int | None = None
) -> SetResult:
    started = time.perf_counter()
    path = require(path or default_path(), "PolNeAR dev file")
    rows = first_annotations(read_jsonl(path))[:limit]
    texts = [Text(str(row["doc"]), str(row["text"]), _published(str(row["doc"]))) for row in rows]
    counts = Counts()
    for row, readout in zip(rows, readouts_only(analyse_texts(extractor, texts)), strict=True):
        _count_document(gold_attributions(row), system_attributions(readout), counts)
    figures: Figures = {}
    for role in ("source", "cue", "content"):
        figures.update(
            prf(counts[f"{role}_tp"], counts[f"{role}_system"], counts[f"{role}_gold"]).named(role)
        )
    figures["speaker_acc"] = ratio(counts["speaker_ok"], counts["speaker_n"])
    figures["direct_r"] = ratio(counts["direct_found"], counts["direct_gold"])
    figures["indirect_r"] = ratio(counts["indirect_found"], counts["indirect_gold"])
    return SetResult(
        name=NAME,
        figures=figures,
        counts={
            "documents": len(rows),
            "gold_attributions": counts["content_gold"],
            "system_quotes": counts["content_system"],
        },
        data=str(path),
        seconds=time.perf_counter() - started,
    )
