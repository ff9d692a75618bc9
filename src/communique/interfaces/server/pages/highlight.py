"""An article's text cut into runs, each knowing the extractions that cover it.

Extractions overlap (a name inside a quote, a trigger inside an event's
sentence), so the text is cut at every start and end, and each run carries
the kinds, labels and ids of every span covering it. The template prints one
``<span>`` per run, so the highlighting is there with JavaScript off; anchors
(``event-e3``, ``quote-q2``) are placed where sentences and quotes begin so a
link can scroll to the evidence.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from communique.interfaces.server.templating import anchor
from communique.records import Readout


@dataclass(frozen=True, slots=True)
class Mark:
    """One extraction's span over the text."""

    start: int
    end: int
    kind: str
    label: str
    ref: str


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text and the marks covering all of it."""

    text: str
    kinds: tuple[str, ...]
    labels: tuple[str, ...]
    refs: tuple[str, ...]
    anchors: tuple[str, ...]


KINDS = ("heading", "quote", "actor", "place", "time", "trigger", "cue", "speaker", "focus")
"""Mark kinds in the order their classes are listed (the legend's order)."""


def _actor_marks(readout: Readout) -> Iterator[Mark]:
    for actor in readout.actors:
        where = ", ".join(x for x in (actor.country, actor.sector) if x)
        label = f"{actor.name} ({actor.kind.value}{', ' + where if where else ''})"
        for mention in actor.mentions:
            yield Mark(mention.start_char, mention.end_char, "actor", label, actor.id)


def _place_marks(readout: Readout) -> Iterator[Mark]:
    for place in readout.places:
        label = f"{place.name} ({place.kind.value}{', ' + place.country if place.country else ''})"
        for mention in place.mentions:
            yield Mark(mention.start_char, mention.end_char, "place", label, place.id)


def _quote_marks(readout: Readout) -> Iterator[Mark]:
    for quote in readout.quotes:
        speaker = readout.actor(quote.speaker) if quote.speaker else None
        who = speaker.name if speaker else quote.speaker_text or "unknown speaker"
        via = f" via {quote.channel}" if quote.channel else ""
        yield Mark(
            quote.start_char,
            quote.end_char,
            "quote",
            f"{quote.kind.value} quote: {who}{via}",
            quote.id,
        )
        if quote.cue is not None:
            yield Mark(
                quote.cue.start_char, quote.cue.end_char, "cue", f"speech cue of {who}", quote.id
            )
        if quote.speaker_span is not None:
            # the words naming the speaker, even when no actor was found for them
            span = quote.speaker_span
            yield Mark(span.start_char, span.end_char, "speaker", f"speaker: {who}", quote.id)


def _event_marks(readout: Readout, focus: str | None) -> Iterator[Mark]:
    for event in readout.events:
        label = " ".join(x for x in (event.type.value, event.mode, event.status.value) if x)
        label += f": {event.summary}" if event.summary else ""
        yield Mark(event.trigger.start_char, event.trigger.end_char, "trigger", label, event.id)
        if event.id == focus:
            yield Mark(event.sentence.start_char, event.sentence.end_char, "focus", label, event.id)


def marks(readout: Readout, focus: str | None = None) -> list[Mark]:
    """Every span the article view highlights; ``focus`` is an event whose sentence stands out."""
    found = [
        *(
            Mark(h.start_char, h.end_char, "heading", "heading", "")
            for h in readout.article.headings
        ),
        *_actor_marks(readout),
        *_place_marks(readout),
        *(
            Mark(t.start_char, t.end_char, "time", f"{t.kind.value}: {t.value or '?'}", t.id)
            for t in readout.times
        ),
        *_quote_marks(readout),
        *_event_marks(readout, focus),
    ]
    size = len(readout.article.text)
    return [m for m in found if 0 <= m.start < m.end <= size]


def anchors(readout: Readout) -> dict[int, list[str]]:
    """Element ids to place at character offsets: each event's sentence and each quote."""
    out: dict[int, list[str]] = {}
    for event in readout.events:
        out.setdefault(event.sentence.start_char, []).append(anchor(event.id, "event"))
    for quote in readout.quotes:
        out.setdefault(quote.start_char, []).append(anchor(quote.id, "quote"))
    return out


def runs(text: str, found: list[Mark], at: dict[int, list[str]] | None = None) -> list[Run]:
    """``text`` cut at every mark boundary and anchor, each run with the marks covering it."""
    at = at or {}
    cuts = sorted({0, len(text), *(m.start for m in found), *(m.end for m in found), *at})
    cuts = [c for c in cuts if 0 <= c <= len(text)]
    by_start = sorted(found, key=lambda m: (m.start, -m.end))
    open_marks: list[Mark] = []
    out: list[Run] = []
    index = 0
    for start, end in itertools.pairwise(cuts):
        while index < len(by_start) and by_start[index].start <= start:
            open_marks.append(by_start[index])
            index += 1
        open_marks = [m for m in open_marks if m.end > start]
        covering = sorted(open_marks, key=lambda m: KINDS.index(m.kind))
        out.append(
            Run(
                text=text[start:end],
                kinds=tuple(dict.fromkeys(m.kind for m in covering)),
                labels=tuple(dict.fromkeys(m.label for m in covering)),
                refs=tuple(dict.fromkeys(m.ref for m in covering if m.ref)),
                anchors=tuple(at.get(start, ())),
            )
        )
    return out
