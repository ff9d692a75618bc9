"""``POST /api/extract``: an article in, its readout out, nothing stored."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response

from communique.codec import readout_to_json
from communique.interfaces.server.routes.common import worker_of
from communique.interfaces.server.schemas import ArticleIn
from communique.interfaces.server.security import require_token
from communique.records import Readout

router = APIRouter(tags=["extract"])


@router.post("/extract", response_model=Readout, dependencies=[Depends(require_token)])
async def extract(request: Request, body: ArticleIn) -> Response:
    """The readout of one article (needs the API token, as it runs the model). Nothing is stored."""
    raw = body.raw("<api>")
    worker = worker_of(request)
    readout = await worker.run(lambda: worker.extract(raw))
    return Response(readout_to_json(readout), media_type="application/json")
