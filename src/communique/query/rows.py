"""What the query functions return: frozen records, one per kind of answer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorRef:
    """A registry actor as a row names it."""

    id: str
    name: str
    country: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Reported:
    """A value some reports give, how many, and when they were published."""

    value: str
    reports: int
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventRow:
    """One event as one article reports it."""

    article_id: str
    event_id: str
    source: str | None
    published: str | None
    type: str
    mode: str | None
    status: str
    date: str | None
    location: str | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    summary: str
    canonical_id: str | None
    sentence: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CanonicalEvent:
    """One real event, as all the reports of it together say."""

    id: str
    type: str
    mode: str | None
    status: str
    date: str | None
    date_disputed: bool
    location: str | None
    location_disputed: bool
    participants: tuple[ActorRef, ...]
    first_seen: str | None
    last_seen: str | None
    mentions: int
    articles: int
    sources: int
    thread: bool
    summary: str
    dates: tuple[Reported, ...] = ()
    places: tuple[Reported, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """One report (event mention) of a canonical event, with its evidence."""

    article_id: str
    event_id: str
    source: str | None
    published: str | None
    status: str
    date: str | None
    sentence: str
    start_char: int
    end_char: int
    group_id: str
    score: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CanonicalDetail:
    event: CanonicalEvent
    reports: tuple[Report, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ThreadStep:
    """Consecutive reports that gave a thread's event one status, with their evidence."""

    reported: str | None
    last_reported: str | None
    status: str
    date: str | None
    evidence: tuple[Report, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ThreadLink:
    """Another canonical event this one led to ("replaced by") or came from."""

    kind: str
    other: CanonicalEvent
    article_id: str
    evidence: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Thread:
    event: CanonicalEvent
    steps: tuple[ThreadStep, ...]
    links: tuple[ThreadLink, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteRow:
    article_id: str
    quote_id: str
    source: str | None
    published: str | None
    kind: str
    text: str
    speaker: ActorRef | None
    speaker_text: str | None
    channel: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorRow:
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    kb_id: str | None
    articles: int
    first_seen: str | None
    last_seen: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorProfile:
    """A registry actor with what articles said of it over time, disagreements included."""

    actor: ActorRow
    names: tuple[str, ...]
    titles: tuple[Reported, ...]
    countries: tuple[Reported, ...]
    disagreements: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelinePoint:
    """One canonical event on a timeline."""

    date: str | None
    type: str
    mode: str | None
    status: str
    participants: tuple[ActorRef, ...]
    location: str | None
    sources: int
    summary: str
    event_id: str
