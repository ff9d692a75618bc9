"""What the JSON routes share: the stores, the one worker, paginated JSON answers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from fastapi import Request
from fastapi.responses import Response
from pydantic import BaseModel

from communique.codec import to_dict
from communique.interfaces.server.state import ServerState, Worker
from communique.store import Store

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """A page of results; ``next`` is the URL of the following page, null on the last."""

    items: list[T]
    limit: int
    offset: int
    next: str | None


def state_of(request: Request) -> ServerState:
    state: ServerState = request.app.state.communique
    return state


def store_of(request: Request) -> Store:
    """This thread's read-only connection: call it inside the route, not in a dependency
    (FastAPI may run a dependency and its route on different threads)."""
    return state_of(request).readers.store()


def worker_of(request: Request) -> Worker:
    return state_of(request).worker


def json_response(data: Any, status_code: int = 200) -> Response:
    """Records as JSON, serialised once by the codec (no second validation pass)."""
    body = json.dumps(to_dict(data), ensure_ascii=False, separators=(",", ":"))
    return Response(body, status_code=status_code, media_type="application/json")


def next_url(request: Request, count: int, limit: int, offset: int) -> str | None:
    if count < limit:
        return None
    url = request.url.include_query_params(offset=offset + limit)
    return f"{url.path}?{url.query}"


def page_response(request: Request, items: Sequence[Any], limit: int, offset: int) -> Response:
    return json_response(
        {
            "items": items,
            "limit": limit,
            "offset": offset,
            "next": next_url(request, len(items), limit, offset),
        }
    )
