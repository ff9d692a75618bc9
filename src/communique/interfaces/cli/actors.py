"""``communique actors``: the registry of people, organisations and states across articles."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from communique.codec import to_dict
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
from communique.query import actor_profile
from communique.query import actors as find_actors
from communique.query.rows import ActorProfile, ActorRow


def actors(
    name: Annotated[
        str | None,
        typer.Argument(
            help="Show this actor's profile (any name, alias or id).", show_default=False
        ),
    ] = None,
    db: DbOption = None,
    search: Annotated[
        str | None, typer.Option(help="Names containing this.", show_default=False)
    ] = None,
    kind: Annotated[
        str | None, typer.Option(help="person, organization, country or group.", show_default=False)
    ] = None,
    country: Annotated[
        str | None, typer.Option(help="Of this country (ISO code or name).", show_default=False)
    ] = None,
    fmt: FormatOption = Format.TABLE,
    limit: LimitOption = 100,
    offset: OffsetOption = 0,
) -> None:
    """List registry actors (one id per person or organisation across articles), or one profile."""
    with reported(), query_store(db) as store:
        if name:
            _profile(actor_profile(store, name), fmt)
            return
        rows = find_actors(
            store, name=search, kind=kind, country=country, limit=limit, offset=offset
        )
        emit(rows, fmt, actor_row, title=plural(len(rows), "actor"))


def actor_row(row: ActorRow) -> Flat:
    return {
        "id": row.id,
        "name": row.name,
        "kind": row.kind,
        "country": row.country,
        "sector": row.sector,
        "articles": row.articles,
        "first seen": row.first_seen,
        "last seen": row.last_seen,
    }


def _profile(profile: ActorProfile, fmt: Format) -> None:
    if fmt is not Format.TABLE:
        if fmt is Format.JSON:
            sys.stdout.write(json.dumps(to_dict(profile), ensure_ascii=False) + "\n")
        else:
            emit([profile.actor], fmt, actor_row, title="")
        return
    emit([profile.actor], fmt, actor_row, title=profile.actor.name)
    out.print(f"names: {', '.join(profile.names) or '-'}", markup=False)
    for label, values in (("titles", profile.titles), ("countries", profile.countries)):
        out.print(f"{label}:", markup=False)
        for value in values:
            out.print(
                f"  {value.value:<40} {plural(value.reports, 'article'):<12} "
                f"{value.first_seen or '?'} … {value.last_seen or '?'}",
                markup=False,
            )
    for disagreement in profile.disagreements:
        out.print(f"[yellow]disagreement:[/] {disagreement}")
