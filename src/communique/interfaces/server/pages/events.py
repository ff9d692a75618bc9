"""The events table (reports or real events), one real event with its reports, the threads."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from communique import query
from communique.interfaces.server.pages.common import PAGE_SIZE, export_links, pager, render
from communique.interfaces.server.params import Filter, Limit, Offset
from communique.interfaces.server.routes.common import store_of
from communique.interfaces.server.routes.events import EventId
from communique.query.reports import event_reports

router = APIRouter()

View = Literal["reports", "canonical"]


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request,
    where: Filter,
    view: Annotated[View, Query()] = "reports",
    limit: Limit = PAGE_SIZE,
    offset: Offset = 0,
) -> HTMLResponse:
    store = store_of(request)
    if view == "canonical":
        rows: list[object] = list(query.canonical_events(store, where, limit=limit, offset=offset))
    else:
        rows = list(event_reports(store, where, limit=limit, offset=offset))
    return render(
        request,
        "events.html",
        "events",
        where=where,
        view=view,
        rows=rows,
        pages=pager(request, len(rows), limit, offset),
        exports=export_links(where),
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: EventId) -> HTMLResponse:
    detail = query.canonical_event(store_of(request), event_id)
    return render(request, "event.html", "events", detail=detail)


@router.get("/threads", response_class=HTMLResponse)
def threads(
    request: Request,
    where: Filter,
    min_articles: Annotated[int, Query(ge=1, le=1000)] = 2,
    limit: Limit = 20,
    offset: Offset = 0,
) -> HTMLResponse:
    found = query.threads(
        store_of(request), where, min_articles=min_articles, limit=limit, offset=offset
    )
    return render(
        request,
        "threads.html",
        "threads",
        where=where,
        threads=found,
        min_articles=min_articles,
        pages=pager(request, len(found), limit, offset),
    )
