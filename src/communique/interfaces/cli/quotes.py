"""``communique quotes``: who said what, across articles, by speaker."""

from __future__ import annotations

from typing import Annotated

import typer

from communique.interfaces.cli.common import DbOption, reported
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
from communique.query import quotes as find_quotes
from communique.query.rows import QuoteRow


def quotes(
    db: DbOption = None,
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker", "-s", help="Said by this actor (any name or alias).", show_default=False
        ),
    ] = None,
    text: Annotated[
        str | None, typer.Option(help="Whose words contain this.", show_default=False)
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Published on or after this date.", show_default=False)
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Published on or before this date.", show_default=False)
    ] = None,
    fmt: FormatOption = Format.TABLE,
    limit: LimitOption = 100,
    offset: OffsetOption = 0,
) -> None:
    """List quotes, direct and reported, with their speaker resolved across articles."""
    with reported(), query_store(db) as store:
        rows = find_quotes(
            store, speaker=speaker, text=text, since=since, until=until, limit=limit, offset=offset
        )
        emit(rows, fmt, quote_row, title=plural(len(rows), "quote"))


def quote_row(row: QuoteRow) -> Flat:
    return {
        "published": row.published,
        "speaker": row.speaker.name if row.speaker else f"({row.speaker_text or 'unknown'})",
        "kind": row.kind,
        "channel": row.channel,
        "text": row.text,
        "article": row.article_id[:12],
    }
