"""The timeline chart, the actor network and the map."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from communique import query
from communique.interfaces.server.pages.charts import timeline_chart
from communique.interfaces.server.pages.common import render
from communique.interfaces.server.pages.network import network as build_network
from communique.interfaces.server.pages.worldmap import world_map
from communique.interfaces.server.params import Date, Filter, Name, TypeParam
from communique.interfaces.server.routes.common import store_of
from communique.interfaces.server.templating import TYPE_COLOURS
from communique.query.pages import event_places

router = APIRouter()

NETWORK_EVENTS = 2000
"""Canonical events drawn at most (the earliest first, as the filter orders them)."""


@router.get("/timeline", response_class=HTMLResponse)
def timeline(
    request: Request,
    a: Annotated[Name, Query(description="An actor or a country.")] = None,
    b: Annotated[Name, Query(description="A second one: the pair's events.")] = None,
    since: Date = None,
    until: Date = None,
    type: TypeParam = None,
) -> HTMLResponse:
    store = store_of(request)
    suggestions = query.actors(store, limit=12)
    if not a and suggestions:
        a = suggestions[0].name  # the most reported actor, so the page is never blank
    points = (
        query.timeline(
            store, a, b, since=since, until=until, event_type=type.value if type else None
        )
        if a
        else []
    )
    return render(
        request,
        "timeline.html",
        "timeline",
        a=a,
        b=b,
        since=since,
        until=until,
        type=type.value if type else None,
        chart=timeline_chart(points),
        points=points,
        months=query.by_month(points),
        suggestions=suggestions,
    )


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, where: Filter) -> HTMLResponse:
    found = query.canonical_events(store_of(request), where, limit=NETWORK_EVENTS)
    graph = build_network(found)
    payload = {
        "size": graph.size,
        "nodes": [{"id": n.id, "x": n.x, "y": n.y, "r": n.r} for n in graph.nodes],
        "edges": [{"source": e.source, "target": e.target} for e in graph.edges],
    }
    return render(
        request,
        "network.html",
        "network",
        where=where,
        graph=graph,
        positions={node.id: node for node in graph.nodes},
        payload=payload,
    )


@router.get("/map", response_class=HTMLResponse)
def world(request: Request, where: Filter) -> HTMLResponse:
    points, unplaced = event_places(store_of(request), where)
    return render(
        request,
        "map.html",
        "map",
        where=where,
        world=world_map(points, TYPE_COLOURS),
        points=points,
        unplaced=unplaced,
    )
