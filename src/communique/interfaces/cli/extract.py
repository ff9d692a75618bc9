"""``communique extract``: print readouts, store nothing."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from communique.codec import readout_to_json
from communique.errors import InputError
from communique.ingest import read_paths
from communique.interfaces.cli.common import (
    EXIT_FAILED,
    EXIT_INPUT,
    err,
    out,
    reported,
    settings_from,
)
from communique.interfaces.cli.render import render_readout
from communique.jobs import jsonl_fields
from communique.pipeline import Extractor
from communique.records import Readout


def extract(
    path: Annotated[
        str,
        typer.Argument(
            help="Article file (text, HTML, JSON lines, RSS/Atom) or - for stdin.",
            show_default=False,
        ),
    ],
    pretty: Annotated[
        bool, typer.Option("--pretty", help="A readable view instead of JSON.")
    ] = False,
    indent: Annotated[
        int | None, typer.Option(help="Indent the JSON by this many spaces.", show_default=False)
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="spaCy pipeline to use.", show_default=False)
    ] = None,
) -> None:
    """Print the readout of an article as JSON (one per line for multi-article files).

    Nothing is stored. The exit code is 0 when every article was read, 2 when the
    input could not be read, 1 when some articles in a multi-article file failed.
    """
    with reported():
        settings = settings_from(model=model)
        if path != "-" and not Path(path).exists():
            raise InputError("no such file", source=path)
        extractor = Extractor(settings)
        failed = printed = 0
        for item in read_paths([path], max_bytes=settings.max_bytes, fields=jsonl_fields(settings)):
            if isinstance(item, InputError):
                err.print(f"error: {item}", markup=False)
                failed += 1
                continue
            try:
                readout = extractor.extract(item)
            except InputError as e:
                err.print(f"error: {e}", markup=False)
                failed += 1
                continue
            _emit(readout, pretty=pretty, indent=indent)
            printed += 1
        if failed:
            raise typer.Exit(EXIT_FAILED if printed else EXIT_INPUT)


def _emit(readout: Readout, *, pretty: bool, indent: int | None) -> None:
    if pretty:
        render_readout(out, readout)
    else:
        sys.stdout.write(readout_to_json(readout, indent=indent) + "\n")
        sys.stdout.flush()
