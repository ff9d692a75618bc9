"""Actors, one actor's profile, quotes, and the API reference."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from communique import query
from communique.interfaces.server.pages.common import PAGE_SIZE, pager, render
from communique.interfaces.server.params import Date, Limit, Name, Offset
from communique.interfaces.server.routes.common import store_of
from communique.records import ActorKind

router = APIRouter()


@router.get("/actors", response_class=HTMLResponse)
def actors(
    request: Request,
    name: Name = None,
    kind: Annotated[ActorKind | None, Query()] = None,
    limit: Limit = PAGE_SIZE,
    offset: Offset = 0,
) -> HTMLResponse:
    rows = query.actors(
        store_of(request), name=name, kind=kind.value if kind else None, limit=limit, offset=offset
    )
    return render(
        request,
        "actors.html",
        "actors",
        rows=rows,
        name=name,
        kind=kind.value if kind else None,
        kinds=[k.value for k in ActorKind],
        pages=pager(request, len(rows), limit, offset),
    )


@router.get("/actors/{name:path}", response_class=HTMLResponse)
def actor(
    request: Request, name: Annotated[str, Path(min_length=1, max_length=200)]
) -> HTMLResponse:
    store = store_of(request)
    profile = query.actor_profile(store, name)
    return render(
        request,
        "actor.html",
        "actors",
        profile=profile,
        quotes=query.quotes(store, speaker=profile.actor.id, limit=20),
    )


@router.get("/quotes", response_class=HTMLResponse)
def quotes(
    request: Request,
    speaker: Name = None,
    text: Name = None,
    since: Date = None,
    until: Date = None,
    limit: Limit = PAGE_SIZE,
    offset: Offset = 0,
) -> HTMLResponse:
    rows = query.quotes(
        store_of(request),
        speaker=speaker,
        text=text,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )
    return render(
        request,
        "quotes.html",
        "quotes",
        rows=rows,
        speaker=speaker,
        text=text,
        since=since,
        until=until,
        pages=pager(request, len(rows), limit, offset),
    )


@router.get("/docs", response_class=HTMLResponse)
def api_reference(request: Request) -> HTMLResponse:
    """The OpenAPI document as a page (FastAPI's own docs pages load scripts from a CDN)."""
    document = request.app.openapi()
    routes = [
        {"path": path, "method": method.upper(), **operation}
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    ]
    return render(request, "docs.html", "docs", document=document, routes=routes)
