"""NGEC actor tests: a short actor text → its country and PLOVER sector.

The cases are the expectations of a peer event coder's actor-resolution tests
(``agent_to_code``). communique resolves actors inside sentences, so each
string is read in a neutral sentence ("<text> said on Monday."), with the case's
context in front where it has one ("In <context> news, <text> said on Monday.").
The actor whose mention covers most of the string is the answer; no such actor
means no country and no sector. An expected country of "" means "none". NGEC's
own sector set is larger than communique's (LEG, SPY, COP, PRE …), so the
sector figure is bounded below 1.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from communique.evaluation.actorcodes import country_code
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
from communique.records import Actor, Readout

NAME = "ngec"
SENTENCE = "{text} said on Monday."
WITH_CONTEXT = "In {context} news, {text} said on Monday."


def default_path(shared: Path = SHARED) -> Path:
    return benchmark_path("ngec_actors", "agent_to_code_cases.jsonl", shared=shared)


def sentence(case: dict[str, Any]) -> tuple[str, int]:
    """The sentence for a case, and where the actor text starts in it."""
    text, context = str(case["actor_text"]), str(case.get("context") or "")
    template = WITH_CONTEXT if context else SENTENCE
    filled = template.format(text=text, context=context)
    return filled, template.format(text="\0", context=context).index("\0")


def resolved_actor(readout: Readout | None, start: int, end: int) -> Actor | None:
    """The actor whose mention covers most of ``start:end``."""
    if readout is None:
        return None
    best, best_size = None, 0
    for actor in readout.actors:
        for mention in actor.mentions:
            size = min(end, mention.end_char) - max(start, mention.start_char)
            if size > best_size:
                best, best_size = actor, size
    return best


def score_case(counts: Counts, case: dict[str, Any], actor: Actor | None) -> None:
    country = country_code(actor) if actor else None
    expected_country = case.get("expected_country")
    if expected_country is not None:
        counts.check("country", (country or "") == expected_country)
    expected_sector = case.get("expected_code_1")
    if expected_sector:
        counts.check("sector", actor is not None and actor.sector == expected_sector)
    counts.check("found", actor is not None)


def evaluate(
    extractor: Extractor, path: Path | None = None, *, limit: int | None = None
) -> SetResult:
    started = time.perf_counter()
    path = require(path or default_path(), "NGEC agent_to_code cases")
    cases = list(read_jsonl(path))[:limit]
    built = [sentence(case) for case in cases]
    texts = [
        Text(str(case.get("test", i)), text)
        for i, (case, (text, _)) in enumerate(zip(cases, built, strict=True))
    ]
    counts = Counts()
    results = readouts_only(analyse_texts(extractor, texts))
    for case, (_, start), readout in zip(cases, built, results, strict=True):
        actor = resolved_actor(readout, start, start + len(str(case["actor_text"])))
        score_case(counts, case, actor)
    return SetResult(
        name=NAME,
        figures={
            "country_acc": counts.rate("country"),
            "sector_acc": counts.rate("sector"),
            "resolved": counts.rate("found"),
        },
        counts={
            "cases": len(cases),
            "country_cases": counts["country_n"],
            "sector_cases": counts["sector_n"],
        },
        data=str(path),
        seconds=time.perf_counter() - started,
    )
