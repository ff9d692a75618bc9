"""``communique show``, ``articles``, ``failures``: read what the store holds."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from communique.codec import readout_to_json, to_dict
from communique.interfaces.cli.common import DbOption, out, reported, settings_from
from communique.interfaces.cli.render import render_readout
from communique.store import Store

JsonOption = Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")]


def show(
    article_id: Annotated[
        str, typer.Argument(help="Article id or a unique prefix of it.", show_default=False)
    ],
    db: DbOption = None,
    pretty: Annotated[
        bool, typer.Option("--pretty", help="A readable view instead of JSON.")
    ] = False,
) -> None:
    """Print the stored readout of one article."""
    with reported():
        settings = settings_from(db=db)
        with Store(settings.db, readonly=True) as store:
            readout = store.get(article_id)
        if pretty:
            render_readout(out, readout)
        else:
            sys.stdout.write(readout_to_json(readout, indent=2) + "\n")


def articles(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="Show at most this many.")] = 100,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
    as_json: JsonOption = False,
) -> None:
    """List stored articles, oldest publication first."""
    with reported():
        settings = settings_from(db=db)
        with Store(settings.db, readonly=True) as store:
            rows = store.articles(limit=limit, offset=offset)
            total = store.count()
        if as_json:
            for row in rows:
                sys.stdout.write(json.dumps(to_dict(row), ensure_ascii=False) + "\n")
            return
        table = Table(
            "id",
            "published",
            "title / source",
            "words",
            "actors",
            "events",
            "quotes",
            title=f"{total} articles",
            title_justify="left",
        )
        for row in rows:
            table.add_row(
                row.id,
                row.published or "",
                row.title or row.source or "",
                str(row.words),
                str(row.actors),
                str(row.events),
                str(row.quotes),
            )
        out.print(table)


def failures(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="Show at most this many, newest first.")] = 100,
    as_json: JsonOption = False,
) -> None:
    """List inputs that could not be processed, with the stage and the error."""
    with reported():
        settings = settings_from(db=db)
        with Store(settings.db, readonly=True) as store:
            rows = store.failures(limit=limit)
        if as_json:
            for row in rows:
                sys.stdout.write(json.dumps(to_dict(row), ensure_ascii=False) + "\n")
            return
        table = Table(
            "time", "stage", "source", "error", title=f"{len(rows)} failures", title_justify="left"
        )
        for row in rows:
            table.add_row(row.time, row.stage, row.source, row.error)
        out.print(table)
