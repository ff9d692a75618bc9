"""``communique events``: events as reported, or as canonical events with their reports."""

from __future__ import annotations

from typing import Annotated

import typer

from communique.interfaces.cli.common import DbOption, out, reported
from communique.interfaces.cli.output import (
    Flat,
    Format,
    FormatOption,
    LimitOption,
    OffsetOption,
    emit,
    plural,
    query_store,
)
from communique.query import EventFilter, canonical_event, canonical_events
from communique.query import events as find_events
from communique.query.rows import CanonicalDetail, CanonicalEvent, EventRow

ActorOption = Annotated[
    str | None,
    typer.Option(
        "--actor", "-a", help="Involving this actor (any name or alias).", show_default=False
    ),
]


def events(
    db: DbOption = None,
    actor: ActorOption = None,
    country: Annotated[
        str | None,
        typer.Option(
            help="Involving this country or its people (ISO code or name).", show_default=False
        ),
    ] = None,
    dyad: Annotated[
        tuple[str, str] | None,
        typer.Option(help="Involving both of two actors: --dyad Putin Trump.", show_default=False),
    ] = None,
    event_type: Annotated[
        str | None,
        typer.Option("--type", "-t", help="PLOVER type (CONSULT, SANCTION …).", show_default=False),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(help="occurred, planned, postponed, cancelled …", show_default=False),
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="On or after this date (YYYY[-MM[-DD]]).", show_default=False)
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(help="On or before this date (YYYY[-MM[-DD]]).", show_default=False),
    ] = None,
    place: Annotated[
        str | None, typer.Option(help="Where the place name contains this.", show_default=False)
    ] = None,
    text: Annotated[
        str | None,
        typer.Option(help="Whose summary or sentence contains this.", show_default=False),
    ] = None,
    canonical: Annotated[
        bool,
        typer.Option(
            "--canonical", "-c", help="One row per real event, reports counted across articles."
        ),
    ] = False,
    event_id: Annotated[
        str | None,
        typer.Option(
            "--id", help="Show one canonical event and every report of it.", show_default=False
        ),
    ] = None,
    fmt: FormatOption = Format.TABLE,
    limit: LimitOption = 100,
    offset: OffsetOption = 0,
) -> None:
    """List events, filtered by actor, country, dyad, type, status, dates, place or text."""
    query = EventFilter(
        actor=actor,
        country=country,
        dyad=dyad,
        type=event_type,
        status=status,
        since=since,
        until=until,
        place=place,
        text=text,
    )
    with reported(), query_store(db) as store:
        if event_id:
            detail = canonical_event(store, event_id)
            _show_detail(detail, fmt)
        elif canonical:
            found = canonical_events(store, query, limit=limit, offset=offset)
            emit(found, fmt, canonical_row, title=plural(len(found), "canonical event"))
        else:
            rows = find_events(store, query, limit=limit, offset=offset)
            emit(rows, fmt, event_row, title=plural(len(rows), "event report"))


def event_row(row: EventRow) -> Flat:
    who = ", ".join(row.actors)
    if row.recipients:
        who += " → " + ", ".join(row.recipients)
    return {
        "date": row.date or "",
        "published": row.published,
        "type": row.type,
        "mode": row.mode,
        "status": row.status,
        "who": who,
        "where": row.location,
        "summary": row.summary,
        "event": row.canonical_id,
        "article": row.article_id[:12],
    }


def canonical_row(event: CanonicalEvent) -> Flat:
    return {
        "id": event.id,
        "date": _disputed(event.date, event.date_disputed, [d.value for d in event.dates]),
        "type": event.type,
        "mode": event.mode,
        "status": event.status,
        "who": ", ".join(p.name for p in event.participants),
        "where": _disputed_place(event),
        "articles": event.articles,
        "sources": event.sources,
        "seen": f"{event.first_seen or '?'} … {event.last_seen or '?'}",
        "summary": event.summary,
    }


def _disputed_place(event: CanonicalEvent) -> str:
    if not event.location_disputed:
        return event.location or ""
    others = [p.value for p in event.places if p.value != event.location]
    return f"{event.location} (disputed: {' / '.join(others)})"


def _disputed(value: str | None, disputed: bool, values: list[str]) -> str:
    """The value, and when reports disagree, the other values of the same precision."""
    if not disputed or value is None:
        return value or ""
    rivals = [v for v in values if len(v) == len(value)]
    return f"{value} (disputed: {' / '.join(rivals)})"


def _show_detail(detail: CanonicalDetail, fmt: Format) -> None:
    if fmt is not Format.TABLE:
        emit([detail], fmt, lambda d: canonical_row(d.event), title="")
        return
    emit([detail.event], fmt, canonical_row, title=f"event {detail.event.id}")
    out.print(f"[bold]{plural(len(detail.reports), 'report')}[/]")
    for report in detail.reports:
        out.print(
            f"  {report.published or '?'}  {report.status:<10} {report.date or '':<10} "
            f"{report.source or report.article_id[:12]} [{report.start_char}:{report.end_char}]",
            markup=False,
        )
        out.print(f"      {report.sentence.strip()}", markup=False)
