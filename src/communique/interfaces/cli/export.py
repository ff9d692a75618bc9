"""``communique export``: the store's readouts and events in analysts' formats."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from communique.export import write_export
from communique.interfaces.cli.common import DbOption, err, reported, settings_from
from communique.store import Store


class ExportFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"
    PLOVER = "plover"
    CAMEO = "cameo"


def export(
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="jsonl: readouts; csv: one row per event; plover: PLOVER JSON lines; cameo: GDELT-like TSV.",
        ),
    ] = ExportFormat.JSONL,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write here instead of stdout.", show_default=False),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export every stored article (jsonl) or event (csv, plover, cameo)."""
    with reported():
        settings = settings_from(db=db)
        with Store(settings.db, readonly=True) as store:
            if output is None:
                count = write_export(fmt.value, store.readouts(), sys.stdout)
            else:
                partial = output.with_name(output.name + ".partial")
                with partial.open("w", encoding="utf-8", newline="") as stream:
                    count = write_export(fmt.value, store.readouts(), stream)
                partial.replace(output)
        unit = "articles" if fmt is ExportFormat.JSONL else "events"
        err.print(f"exported {count} {unit}" + (f" to {output}" if output else ""))
