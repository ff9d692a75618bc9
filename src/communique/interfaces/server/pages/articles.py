"""The home page, the list of articles and the article view."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from communique import query
from communique.interfaces.server.pages.common import PAGE_SIZE, pager, render
from communique.interfaces.server.pages.highlight import KINDS, anchors, marks, runs
from communique.interfaces.server.params import Limit, Offset
from communique.interfaces.server.routes.articles import ArticleId
from communique.interfaces.server.routes.common import store_of
from communique.query.pages import article_mentions
from communique.records import Readout

router = APIRouter()

TABLES = ("articles", "events", "quotes", "actors", "places", "failures")


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    store = store_of(request)
    counts = {table: store.count(table) for table in TABLES}
    return render(
        request,
        "home.html",
        "home",
        counts=counts,
        articles=store.articles(limit=12),
        actors=query.actors(store, limit=12),
        threads=query.threads(store, min_articles=2, limit=5),
    )


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, limit: Limit = PAGE_SIZE, offset: Offset = 0) -> HTMLResponse:
    rows = store_of(request).articles(limit=limit, offset=offset)
    return render(
        request,
        "articles.html",
        "articles",
        rows=rows,
        pages=pager(request, len(rows), limit, offset),
    )


def _sidebar(readout: Readout) -> dict[str, object]:
    """Names for the ids the readout's lists refer to."""
    return {
        "actor_names": {actor.id: actor.name for actor in readout.actors},
        "place_names": {place.id: place.name for place in readout.places},
    }


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(
    request: Request,
    article_id: ArticleId,
    event: Annotated[
        str | None, Query(max_length=64, description="An event whose sentence stands out.")
    ] = None,
) -> HTMLResponse:
    store = store_of(request)
    readout = store.get(article_id)
    text = readout.article.text
    return render(
        request,
        "article.html",
        "articles",
        readout=readout,
        runs=runs(text, marks(readout, event), anchors(readout)),
        kinds=[kind for kind in KINDS if kind != "focus"],
        focus=event,
        mentions=article_mentions(store, readout.article.id),
        **_sidebar(readout),
    )
