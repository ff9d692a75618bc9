"""``/api/actors`` and ``/api/quotes``: the registry and who said what."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from communique import query
from communique.interfaces.server.params import Date, Limit, Name, Offset
from communique.interfaces.server.routes.common import Page, json_response, page_response, store_of
from communique.query.rows import ActorProfile, ActorRow, QuoteRow
from communique.records import ActorKind

router = APIRouter(tags=["actors and quotes"])


@router.get("/actors", response_model=Page[ActorRow])
def list_actors(
    request: Request,
    name: Annotated[Name, Query(description="Whose name or alias contains this.")] = None,
    kind: Annotated[ActorKind | None, Query()] = None,
    country: Annotated[Name, Query(description="ISO code or country name.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    """Registry actors, most reported first."""
    rows = query.actors(
        store_of(request),
        name=name,
        kind=kind.value if kind else None,
        country=country,
        limit=limit,
        offset=offset,
    )
    return page_response(request, rows, limit, offset)


@router.get("/actors/{name:path}", response_model=ActorProfile)
def get_actor(
    request: Request,
    name: Annotated[str, Path(min_length=1, max_length=200, description="Id, name or surname.")],
) -> Response:
    """One actor's names, titles and countries over time, disagreements named."""
    return json_response(query.actor_profile(store_of(request), name))


@router.get("/quotes", response_model=Page[QuoteRow])
def list_quotes(
    request: Request,
    speaker: Annotated[Name, Query(description="Any name the speaker goes by.")] = None,
    text: Annotated[Name, Query(description="Whose words contain this.")] = None,
    since: Date = None,
    until: Date = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    """Quotes, oldest first, the speaker resolved through the actor registry."""
    rows = query.quotes(
        store_of(request),
        speaker=speaker,
        text=text,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )
    return page_response(request, rows, limit, offset)
