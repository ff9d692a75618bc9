"""What the page routes share: rendering, the select options, pagination links."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from communique.interfaces.server.params import filter_params
from communique.interfaces.server.templating import query_string, templates
from communique.query import EventFilter
from communique.records import EventStatus, EventType

PAGE_SIZE = 50
TYPES = tuple(t.value for t in EventType)
STATUSES = tuple(s.value for s in EventStatus)


def render(request: Request, template: str, section: str, **context: Any) -> HTMLResponse:
    """A page; ``section`` marks the navigation entry it belongs to."""
    return templates.TemplateResponse(
        request,
        template,
        {
            "section": section,
            "types": TYPES,
            "statuses": STATUSES,
            "params": dict(request.query_params),
            **context,
        },
    )


def pager(request: Request, count: int, limit: int, offset: int) -> dict[str, str | int | None]:
    """Links to the previous and next pages, keeping every other parameter."""
    params = dict(request.query_params)
    previous = (
        request.url.path + query_string(params, offset=max(offset - limit, 0))
        if offset > 0
        else None
    )
    following = (
        request.url.path + query_string(params, offset=offset + limit) if count >= limit else None
    )
    return {"previous": previous, "next": following, "first": offset + 1, "last": offset + count}


def export_links(where: EventFilter) -> dict[str, str]:
    """The export formats for the events a filter keeps."""
    params = filter_params(where)
    return {
        label: "/api/export" + query_string(params, format=fmt)
        for label, fmt in (
            ("JSON lines", "jsonl"),
            ("CSV", "csv"),
            ("PLOVER", "plover"),
            ("CAMEO TSV", "cameo"),
        )
    }
