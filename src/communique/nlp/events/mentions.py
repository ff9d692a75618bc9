"""The internal objects of the events component and the per-Doc index it reads.

:class:`DocIndex` is built once per Doc so that no rule scans the whole Doc
per trigger: it maps tokens to the actor, place, time expression and quote
they belong to. :class:`EventMention` is what the component writes to
``doc._.events``; :mod:`communique.nlp.events.readout` turns it into records.
"""

from __future__ import annotations

from bisect import insort
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span, Token

from communique.nlp.actors import ActorEntity, ActorMention
from communique.nlp.collectives import unplaced
from communique.nlp.places import PlaceEntity
from communique.nlp.times import TimeMention
from communique.records import (
    ActorKind,
    DateBasis,
    EventStatus,
    EventType,
    LocationRole,
    MentionKind,
    Precision,
)

if TYPE_CHECKING:
    from communique.nlp.events.offsets import Offset

# How firmly the text decided a status: a cue word beats tense, tense beats the default.
CUE, TENSE, DEFAULT = 2, 1, 0


@dataclass(slots=True)
class DateReading:
    """An event's date: a time expression of the text, or the publication date (flagged)."""

    value: str
    precision: Precision
    basis: DateBasis = DateBasis.TEXT
    time: TimeMention | None = None


@dataclass(slots=True)
class EventMention:
    type: EventType
    mode: str | None
    cameo: str | None
    trigger: tuple[int, int]
    sentence: tuple[int, int]
    actors: list[ActorEntity] = field(default_factory=list)
    recipients: list[ActorEntity] = field(default_factory=list)
    status: EventStatus = EventStatus.OCCURRED
    status_strength: int = DEFAULT
    status_cue: tuple[int, int] | None = None
    date: DateReading | None = None
    duration: TimeMention | None = None
    location: PlaceEntity | None = None
    location_role: LocationRole | None = None
    topics: list[str] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)
    attributed_to: ActorEntity | None = None
    confidence: float = 0.5
    anaphoric: bool = False
    bridged: bool = False
    # a date counted from another event ("hours before the call"), resolved once both are merged
    offset: Offset | None = None
    # the act a commitment or threat announces (:mod:`communique.nlp.events.intents`)
    announces: EventMention | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)

    @property
    def intent(self) -> bool:
        return self.announces is not None

    @property
    def participants(self) -> list[ActorEntity]:
        return unique([*self.actors, *self.recipients])


def unique(items: list[Any]) -> list[Any]:
    """Items in order without repeats, by identity (entities are not hashable)."""
    seen: set[int] = set()
    out = []
    for item in items:
        if id(item) not in seen:
            seen.add(id(item))
            out.append(item)
    return out


@dataclass(slots=True)
class DocIndex:
    """Token → actor, place, time, quote and sentence, built once per Doc."""

    doc: Doc
    actor_at: dict[int, ActorEntity] = field(default_factory=dict)
    place_at: dict[int, PlaceEntity] = field(default_factory=dict)
    time_at: dict[int, TimeMention] = field(default_factory=dict)
    quote_at: dict[int, Any] = field(default_factory=dict)
    headings: set[int] = field(default_factory=set)
    sent_of: list[int] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    countries: dict[str, ActorEntity] = field(default_factory=dict)
    # (token, entity) of every person and country mention, in text order
    persons: list[tuple[int, ActorEntity]] = field(default_factory=list)
    states: list[tuple[int, ActorEntity]] = field(default_factory=list)
    # (start, end, state) of seats of government named for their state ("the White House")
    seats: list[tuple[int, int, ActorEntity]] = field(default_factory=list)
    # the people a group noun last stood for ("this trio—Starmer, Macron and Merz" … "the trio")
    groups: dict[str, list[ActorEntity]] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc) -> DocIndex:
        index = cls(doc)
        for number, sent in enumerate(doc.sents):
            index.sentences.append((sent.start, sent.end))
            index.sent_of.extend([number] * (sent.end - sent.start))
        for actor in doc._.actors or []:
            if not unplaced(actor):  # "civilians", "troops": no party of a codable event
                index.add_actor(actor)
        for place in doc._.places or []:
            for place_mention in place.mentions:
                for i in range(place_mention.start, place_mention.end):
                    index.place_at.setdefault(i, place)
        for time in doc._.times or []:
            for i in range(time.start, time.end):
                index.time_at.setdefault(i, time)
        for quote in doc._.quotes or []:
            for i in range(getattr(quote, "start", 0), getattr(quote, "end", 0)):
                index.quote_at.setdefault(i, quote)
        index.headings = _heading_tokens(doc)
        return index

    def add_actor(self, actor: ActorEntity) -> None:
        for mention in actor.mentions:
            self.add_actor_mention(actor, mention)

    def add_actor_mention(self, actor: ActorEntity, mention: ActorMention) -> None:
        if actor.kind == ActorKind.COUNTRY and actor.country:
            self.countries.setdefault(actor.country, actor)
        for i in range(mention.start, mention.end):
            self.actor_at.setdefault(i, actor)
        if actor.kind == ActorKind.COUNTRY and mention.kind == MentionKind.METONYM:
            self.seats.append((mention.start, mention.end, actor))
        if actor.kind == ActorKind.PERSON:
            insort(self.persons, (mention.start, actor), key=_first)
        elif actor.kind == ActorKind.COUNTRY:
            insort(self.states, (mention.start, actor), key=_first)

    def actor(self, token: Token) -> ActorEntity | None:
        return self.actor_at.get(token.i)

    def sentence(self, i: int) -> tuple[int, int]:
        return self.sentences[self.sent_of[i]]

    def recent(
        self, pool: list[tuple[int, ActorEntity]], i: int, window: int = 4
    ) -> list[ActorEntity]:
        """Distinct entities of ``pool`` mentioned before token ``i`` within ``window`` sentences, latest first."""
        first = self.sentences[max(0, self.sent_of[i] - window)][0] if self.sentences else 0
        seen: list[ActorEntity] = []
        for start, entity in reversed(pool):
            if first <= start < i and all(entity is not s for s in seen):
                seen.append(entity)
        return seen


def _first(pair: tuple[int, ActorEntity]) -> int:
    return pair[0]


def _heading_tokens(doc: Doc) -> set[int]:
    """Tokens of one-line blocks without a full stop: headlines repeat the body's events. A text
    that is all headline (a feed title, a one-line alert) has no body to repeat: it is read."""
    tokens: set[int] = set()
    body = False
    for sent in doc.sents:
        if is_heading(sent):
            tokens.update(range(sent.start, sent.end))
        elif sent.text.strip():
            body = True
    return tokens if body else set()


def is_heading(sent: Span) -> bool:
    """A short line of its own with no closing punctuation."""
    text = sent.text.strip()
    if not text or len(sent) > 16 or text.endswith((".", "!", "?", "”", '"', ":", "’", "'")):
        return False
    last = sent.doc[sent.end - 1]
    return (
        sent.end == len(sent.doc)
        or "\n" in last.whitespace_
        or last.is_space
        or (sent.doc[sent.end].is_space and "\n" in sent.doc[sent.end].text)
    )
