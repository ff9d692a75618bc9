"""The Jinja2 environment of the pages: autoescaping on, palettes and small filters.

Autoescaping is what keeps article text inert: every value from a readout is
escaped when a template prints it, and data for the scripts travels in
``<script type="application/json">`` blocks through ``tojson``, which escapes
``<``, ``>`` and ``&`` as well.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from fastapi.templating import Jinja2Templates

HERE = Path(__file__).resolve().parent

TYPE_COLOURS = {
    "AGREE": "#1b9e77",
    "CONSULT": "#2c7fb8",
    "SUPPORT": "#66a61e",
    "CONCEDE": "#a6d854",
    "COOPERATE": "#17becf",
    "AID": "#7570b3",
    "RETREAT": "#b3a37a",
    "REQUEST": "#e6ab02",
    "ACCUSE": "#d95f02",
    "REJECT": "#e7298a",
    "THREATEN": "#c51b7d",
    "PROTEST": "#a6761d",
    "SANCTION": "#8c510a",
    "MOBILIZE": "#636363",
    "COERCE": "#b2182b",
    "ASSAULT": "#67001f",
}
"""One colour per PLOVER category: cooperative types cool, conflictual ones warm."""

STATUS_COLOURS = {
    "occurred": "#1b7837",
    "ongoing": "#5aae61",
    "planned": "#2166ac",
    "proposed": "#67a9cf",
    "postponed": "#f1a340",
    "cancelled": "#b2182b",
    "hypothetical": "#8a8a8a",
    "conditional": "#a0a0a0",
    "negated": "#762a83",
    "denied": "#9970ab",
}


def query_string(params: Mapping[str, object], **changes: object) -> str:
    """``params`` with ``changes`` applied, empty values dropped, as ``?a=1&b=2``."""
    merged = {**params, **changes}
    kept = {k: v for k, v in merged.items() if v not in (None, "") and (k, v) != ("offset", 0)}
    return "?" + urlencode(kept, doseq=True) if kept else ""


def anchor(ref: str, kind: str) -> str:
    """The element id of an event or quote in the article view: ``event/3`` → ``event-3``."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", ref).strip("-")
    if slug.startswith(f"{kind}-"):
        slug = slug[len(kind) + 1 :]
    return f"{kind}-{slug}"


def evidence_url(article_id: str, event_id: str) -> str:
    """The article view with an event's sentence underlined and scrolled to."""
    return f"/articles/{article_id}?{urlencode({'event': event_id})}#{anchor(event_id, 'event')}"


def source_name(source: str | None) -> str:
    """A source as a reader scans it: a URL's host and last segment, a file's name (and ``#item``).

    Ingest stores sources as given (often absolute paths of this machine); the
    full value stays in the link's title.
    """
    if not source:
        return ""
    _, sep, rest = source.partition("://")
    parts = [part for part in (rest if sep else source).split("/") if part]
    if not parts:
        return source
    if sep and len(parts) > 2:
        return f"{parts[0]}/…/{parts[-1]}"
    return "/".join(parts) if sep else parts[-1]


def counted(number: int, noun: str) -> str:
    """``3 articles``, ``1 article``: a count with its noun, plural unless it is one."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        type_colours=TYPE_COLOURS,
        status_colours=STATUS_COLOURS,
        query_string=query_string,
        evidence_url=evidence_url,
    )
    env.filters["anchor"] = anchor
    env.filters["source_name"] = source_name
    env.filters["counted"] = counted
    return env


templates = Jinja2Templates(env=_environment())
