"""``/api/articles``: what the store holds, one readout, and ingesting new articles."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response

from communique.codec import readout_to_json
from communique.interfaces.server.params import HEX_PATTERN, Limit, Offset
from communique.interfaces.server.routes.common import (
    Page,
    json_response,
    page_response,
    store_of,
    worker_of,
)
from communique.interfaces.server.schemas import IngestIn, IngestOut
from communique.interfaces.server.security import require_token
from communique.records import Readout
from communique.store import StoredArticle

router = APIRouter(tags=["articles"])

ArticleId = Annotated[
    str,
    Path(
        min_length=4,
        max_length=64,
        pattern=HEX_PATTERN,
        description="An article id or a unique prefix of one (4 hex digits at least).",
    ),
]


@router.get("/articles", response_model=Page[StoredArticle])
def list_articles(request: Request, limit: Limit = 100, offset: Offset = 0) -> Response:
    """Stored articles, by publication date, with their counts of actors, events and quotes."""
    rows = store_of(request).articles(limit=limit, offset=offset)
    return page_response(request, rows, limit, offset)


@router.get("/articles/{article_id}", response_model=Readout)
def get_article(request: Request, article_id: ArticleId) -> Response:
    """The readout of one stored article (schema ``communique.readout/1``)."""
    readout = store_of(request).get(article_id)
    return Response(readout_to_json(readout), media_type="application/json")


@router.post(
    "/articles",
    response_model=IngestOut,
    dependencies=[Depends(require_token)],
    responses={201: {"model": IngestOut, "description": "At least one article was stored."}},
)
async def post_articles(request: Request, body: IngestIn) -> Response:
    """Extract and store articles (needs the API token). Each is resolved against the archive.

    An article already stored (same cleaned text) is ``unchanged``; one that
    cannot be processed is ``failed`` with the stage and the reason, and is
    recorded in the store's failures as ``communique ingest`` does.
    """
    # without a source or URL, an article is named by when and in which position it came
    posted = datetime.now(UTC).isoformat(timespec="seconds")
    raws = [article.raw(f"api:{posted}#{index}") for index, article in enumerate(body.articles)]
    worker = worker_of(request)
    outcomes = await worker.run(lambda: worker.ingest(raws))
    counts = {
        kind: sum(o.outcome == kind for o in outcomes) for kind in ("stored", "unchanged", "failed")
    }
    answer = {**counts, "results": outcomes}
    return json_response(answer, status_code=201 if counts["stored"] else 200)
