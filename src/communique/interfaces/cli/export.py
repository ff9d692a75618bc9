"""``communique export``: the store's readouts and events in analysts' formats."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from communique.export import write_export
from communique.interfaces.cli.common import (
    EXIT_INPUT,
    DbOption,
    err,
    fail,
    reported,
    settings_from,
)
from communique.store import Store


class ExportFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"
    PLOVER = "plover"
    CAMEO = "cameo"
    PARQUET = "parquet"


def export(
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="jsonl: readouts; csv: one row per event; plover: PLOVER JSON lines; "
            "cameo: GDELT-like TSV; parquet: articles, events and quotes tables in a folder, "
            "partitioned by publication month (docs/scale.md).",
        ),
    ] = ExportFormat.JSONL,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Write here instead of stdout; with parquet a folder or an fsspec URL "
            "(s3://bucket/prefix needs s3fs), replaced as a whole.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export every stored article (jsonl, parquet) or event (csv, plover, cameo)."""
    if fmt is ExportFormat.PARQUET:
        if output is None:
            raise fail(
                "--format parquet writes a folder of tables: give it with -o DIR", EXIT_INPUT
            )
        _export_parquet(output, db)
        return
    with reported():
        settings = settings_from(db=db)
        with Store(settings.db, readonly=True) as store:
            if output is None:
                count = write_export(fmt.value, store.readouts(), sys.stdout)
            else:
                path = Path(output)
                partial = path.with_name(path.name + ".partial")
                with partial.open("w", encoding="utf-8", newline="") as stream:
                    count = write_export(fmt.value, store.readouts(), stream)
                partial.replace(path)
        unit = "articles" if fmt is ExportFormat.JSONL else "events"
        err.print(f"exported {count} {unit}" + (f" to {output}" if output else ""))


def _export_parquet(output: str, db: str | None) -> None:
    from communique.export.parquet import write_parquet  # pyarrow takes a while to import

    with reported():
        settings = settings_from(db=db)
        with Store(settings.db, readonly=True) as store:
            rows = write_parquet(store.readouts(), output)
        summary = ", ".join(f"{count} {table}" for table, count in rows.items())
        err.print(f"exported {summary} to {output}", markup=False)
