"""``/api/events``, ``/api/threads``, ``/api/timeline``: events as reported and as real events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel

from communique import query
from communique.interfaces.server.params import (
    EVENT_ID_PATTERN,
    Date,
    Filter,
    Limit,
    Name,
    Offset,
    TypeParam,
)
from communique.interfaces.server.routes.common import (
    Page,
    json_response,
    page_response,
    store_of,
)
from communique.query.reports import event_reports
from communique.query.rows import CanonicalDetail, CanonicalEvent, EventRow, Thread, TimelinePoint

router = APIRouter(tags=["events"])

EventId = Annotated[
    str,
    Path(
        min_length=4,
        max_length=64,
        pattern=EVENT_ID_PATTERN,
        description="A canonical event id (ev-…) or a unique prefix of one.",
    ),
]


class Timeline(BaseModel):
    subjects: list[str]
    points: list[TimelinePoint]
    by_month: dict[str, dict[str, int]]


@router.get("/events", response_model=Page[EventRow])
def list_events(
    request: Request, where: Filter, limit: Limit = 100, offset: Offset = 0
) -> Response:
    """Events as each article reports them, by event date (else publication date)."""
    rows = event_reports(store_of(request), where, limit=limit, offset=offset)
    return page_response(request, rows, limit, offset)


@router.get("/events/canonical", response_model=Page[CanonicalEvent])
def list_canonical(
    request: Request, where: Filter, limit: Limit = 100, offset: Offset = 0
) -> Response:
    """Real events: reports of one event across articles counted once, disagreements kept."""
    rows = query.canonical_events(store_of(request), where, limit=limit, offset=offset)
    return page_response(request, rows, limit, offset)


@router.get("/events/canonical/{event_id}", response_model=CanonicalDetail)
def get_canonical(request: Request, event_id: EventId) -> Response:
    """One canonical event and every report of it, with the evidence sentence."""
    return json_response(query.canonical_event(store_of(request), event_id))


@router.get("/threads", response_model=Page[Thread])
def list_threads(
    request: Request,
    where: Filter,
    min_articles: Annotated[
        int, Query(ge=1, le=1000, description="Threads reported by at least this many articles.")
    ] = 1,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """Plans and what became of them: steps with dates, status and evidence."""
    rows = query.threads(
        store_of(request), where, min_articles=min_articles, limit=limit, offset=offset
    )
    return page_response(request, rows, limit, offset)


@router.get("/timeline", response_model=Timeline)
def get_timeline(
    request: Request,
    a: Annotated[Name, Query(description="An actor or a country.")] = None,
    b: Annotated[Name, Query(description="A second one: the pair's events.")] = None,
    since: Date = None,
    until: Date = None,
    type: TypeParam = None,
) -> Response:
    """Canonical events of an actor, a country or a pair, oldest first, and counts per month."""
    if not a:
        from communique.interfaces.server.errors import ApiError

        raise ApiError(422, "query.a: give an actor or a country (a=Putin; b=Trump for a pair)")
    points = query.timeline(
        store_of(request), a, b, since=since, until=until, event_type=type.value if type else None
    )
    months = {month: dict(counts) for month, counts in query.by_month(points).items()}
    return json_response(
        {"subjects": [s for s in (a, b) if s], "points": points, "by_month": months}
    )
