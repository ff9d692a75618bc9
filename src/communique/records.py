"""The readout as frozen records: the only types that cross layer boundaries.

A :class:`Readout` is what ``communique extract`` prints and what the store keeps.
Its JSON form is versioned (:data:`SCHEMA`) and checked by
``communique/schema/readout.schema.json``; :mod:`communique.codec` converts both ways.

Offsets (``start_char``/``end_char``) always point into ``Readout.article.text``,
the cleaned body, never into the raw input.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

SCHEMA = "communique.readout/1"


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    GROUP = "group"


class PlaceKind(StrEnum):
    CITY = "city"
    COUNTRY = "country"
    REGION = "region"
    ADMIN = "admin"
    SITE = "site"


class MentionKind(StrEnum):
    NAME = "name"
    ALIAS = "alias"
    ABBREVIATION = "abbreviation"
    TITLE = "title"
    DESCRIPTOR = "descriptor"
    PRONOUN = "pronoun"
    METONYM = "metonym"
    DEMONYM = "demonym"


class FurnitureKind(StrEnum):
    PHOTO_CREDIT = "photo_credit"
    CAPTION = "caption"
    BYLINE = "byline"
    TIMESTAMP = "timestamp"
    SECTION_LABEL = "section_label"
    REPEATED_HEADLINE = "repeated_headline"
    NAVIGATION = "navigation"
    SHARE = "share"
    ADVERT = "advert"
    RELATED = "related"


class EventStatus(StrEnum):
    OCCURRED = "occurred"
    ONGOING = "ongoing"
    PLANNED = "planned"
    PROPOSED = "proposed"
    HYPOTHETICAL = "hypothetical"
    CONDITIONAL = "conditional"
    NEGATED = "negated"
    DENIED = "denied"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class EventType(StrEnum):
    """The 16 PLOVER v2 categories."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"


class DateBasis(StrEnum):
    TEXT = "text"
    PUBLICATION = "publication"


class TimeKind(StrEnum):
    DATE = "date"
    TIME = "time"
    DURATION = "duration"
    SET = "set"


class QuoteKind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"


class LocationRole(StrEnum):
    VENUE = "venue"
    OCCURRED_IN = "occurred_in"


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A stretch of the cleaned text."""

    start_char: int
    end_char: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Furniture:
    """Something cleaning removed from the page, and why."""

    kind: FurnitureKind
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    id: str
    source: str | None = None
    published: str | None = None
    title: str | None = None
    language: str = "en"
    text: str = ""
    furniture: tuple[Furniture, ...] = ()
    headings: tuple[Span, ...] = ()
    url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    start_char: int
    end_char: int
    text: str
    kind: MentionKind = MentionKind.NAME


@dataclass(frozen=True, slots=True, kw_only=True)
class Role:
    """A title an actor holds, as the text (or the knowledge table) states it."""

    title: str
    organization: str | None = None
    country: str | None = None
    span: Span | None = None
    source: str = "text"


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    roles: tuple[Role, ...] = ()
    mentions: tuple[Mention, ...] = ()
    kb_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    id: str
    name: str
    kind: PlaceKind
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeExpression:
    """A time expression, normalised TIMEX3-style (``2025-10-16``, ``2025-W42``, ``P2H``)."""

    id: str
    text: str
    start_char: int
    end_char: int
    kind: TimeKind
    value: str | None = None
    precision: Precision | None = None
    modifier: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDate:
    value: str
    precision: Precision
    basis: DateBasis = DateBasis.TEXT
    span: Span | None = None
    time: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Duration:
    value: str
    span: Span | None = None
    modifier: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    id: str
    type: EventType
    mode: str | None = None
    cameo: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    status: EventStatus = EventStatus.OCCURRED
    status_cue: Span | None = None
    date: EventDate | None = None
    duration: Duration | None = None
    location: str | None = None
    location_role: LocationRole | None = None
    topics: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    attributed_to: str | None = None
    trigger: Span
    sentence: Span
    confidence: float = 0.5
    summary: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    id: str
    kind: QuoteKind
    text: str
    start_char: int
    end_char: int
    speaker: str | None = None
    speaker_text: str | None = None
    # The words naming the speaker in this quote's attribution ("he", "a senior diplomat").
    speaker_span: Span | None = None
    cue: Span | None = None
    channel: str | None = None
    about_events: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Topic:
    id: str
    label: str
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Provenance:
    """Which code, model and knowledge produced a readout."""

    communique: str
    model: str
    knowledge: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Readout:
    article: Article
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    topics: tuple[Topic, ...] = ()
    provenance: Provenance | None = None
    schema: str = SCHEMA

    def actor(self, actor_id: str) -> Actor | None:
        return next((actor for actor in self.actors if actor.id == actor_id), None)

    def place(self, place_id: str) -> Place | None:
        return next((place for place in self.places if place.id == place_id), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class RawArticle:
    """One input document as a reader found it, before cleaning."""

    source: str
    text: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    format: str = "text"
    language: str | None = None
    furniture: tuple[Furniture, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    """An input that could not be processed, and where it failed."""

    source: str
    stage: str
    error: str
    time: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestSummary:
    """Sources stored, already present and failed; ``articles`` are the ids of the first two."""

    stored: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    failed: tuple[Failure, ...] = ()
    articles: tuple[str, ...] = ()
