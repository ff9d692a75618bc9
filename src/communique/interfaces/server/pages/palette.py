"""``/palette.css``: the type and status colours as classes, from the one table in Python.

Styles may only come from files of this server (no inline ``style``), so the
badges, swatches and lines get their colours from classes written here.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from communique.interfaces.server.templating import STATUS_COLOURS, TYPE_COLOURS

router = APIRouter()


def palette_css() -> str:
    rules = []
    for name, colour in TYPE_COLOURS.items():
        rules.append(f".type-{name}{{background:{colour};color:#fff}}")
    for name, colour in STATUS_COLOURS.items():
        rules.append(f".status-{name}{{background:{colour};color:#fff}}")
        rules.append(f".status-line-{name}{{border-left-color:{colour}}}")
    return "\n".join(rules) + "\n"


@router.get("/palette.css")
def palette() -> Response:
    return Response(
        palette_css(),
        media_type="text/css",
        headers={"Cache-Control": "public, max-age=3600"},
    )
