"""Query results as a table, JSON lines or CSV: the ``--format`` of the query commands.

JSON lines carry the records whole (``codec.to_dict``); CSV and tables carry
one flat row per record, nested values joined with "; ".
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from communique.codec import to_dict
from communique.errors import StoreError
from communique.interfaces.cli.common import out, settings_from
from communique.store import Store


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", help="table, json (JSON lines) or csv.", case_sensitive=False),
]
LimitOption = Annotated[int, typer.Option(help="Show at most this many.")]
OffsetOption = Annotated[int, typer.Option(help="Skip this many first (pagination).")]

Flat = Mapping[str, object]

PIPE_WIDTH = 240


def emit(
    records: Sequence[Any],
    fmt: Format,
    flat: Callable[[Any], Flat],
    *,
    title: str,
) -> None:
    """Print ``records`` in ``fmt``; ``flat`` makes the one-line row of a record."""
    if fmt is Format.JSON:
        for record in records:
            sys.stdout.write(json.dumps(to_dict(record), ensure_ascii=False) + "\n")
        return
    rows = [flat(record) for record in records]
    if fmt is Format.CSV:
        columns = list(rows[0]) if rows else []
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
        return
    table = Table(*(rows[0] if rows else ["(none)"]), title=title, title_justify="left")
    for row in rows:
        table.add_row(*(_cell(v) for v in row.values()))
    print_wide(table)


def print_wide(renderable: object) -> None:
    """A terminal gets its own width; a pipe or file a wide one, not 80 columns of ellipses."""
    if out.is_terminal:
        out.print(renderable)
    else:
        Console(highlight=False, soft_wrap=True, width=PIPE_WIDTH).print(renderable)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else ""
    return str(value)


@contextmanager
def query_store(db: str | None) -> Iterator[Store]:
    """The store opened for reading, refusing one that predates cross-article resolution."""
    settings = settings_from(db=db)
    with Store(settings.db, readonly=True) as store, store.reading() as connection:
        version = connection.execute("SELECT COALESCE(MAX(version), 0) FROM migrations").fetchone()
        if version[0] < 2:
            raise StoreError(
                f"the store at {store.where} predates cross-article resolution; "
                "run 'communique resolve' once to bring it up to date"
            )
        yield store


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
