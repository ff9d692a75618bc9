"""``communique ingest``: read, extract and store articles."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from communique.codec import readout_to_json
from communique.interfaces.cli.common import (
    EXIT_FAILED,
    DbOption,
    ExcludeOption,
    IncludeOption,
    ProcessesOption,
    err,
    interactive,
    out,
    reported,
    settings_from,
)
from communique.interfaces.cli.render import render_readout
from communique.jobs import ingest as ingest_job
from communique.records import IngestSummary
from communique.settings import Settings
from communique.store import Store


def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders to ingest (folders recursively); - for stdin.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    include: IncludeOption = None,
    exclude: ExcludeOption = None,
    processes: ProcessesOption = None,
    cluster: Annotated[
        str | None,
        typer.Option(
            "--cluster",
            help="Run the NLP on a Dask cluster: its scheduler address (tcp://HOST:8786), or "
            "local:N for N worker processes here; overrides --processes (docs/scale.md).",
            show_default=False,
        ),
    ] = None,
    print_readouts: Annotated[
        bool,
        typer.Option("--print", help="Also print the readout of every article read (JSON lines)."),
    ] = False,
    pretty: Annotated[
        bool, typer.Option("--pretty", help="With --print: a readable view instead of JSON.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")
    ] = False,
) -> None:
    """Read, extract and store articles; already stored articles are left as they are.

    Prints a summary of stored / unchanged / failed inputs. The exit code is 0 only
    when nothing failed; failures are kept in the store (see 'communique failures').
    """
    with reported():
        settings = settings_from(db=db, processes=processes, cluster=cluster)
        with Store(settings.db, lock_timeout=settings.lock_timeout) as store:
            summary = _run(store, paths, settings, include or [], exclude or [], quiet)
            if print_readouts:
                for article_id in summary.articles:
                    readout = store.get(article_id)
                    if pretty:
                        render_readout(out, readout)
                    else:
                        sys.stdout.write(readout_to_json(readout) + "\n")
        if not quiet:
            err.print(
                f"stored {len(summary.stored)}, unchanged {len(summary.unchanged)}, "
                f"failed {len(summary.failed)}  (store: {store.where})"
            )
        for item in summary.failed:
            err.print(f"failed: {item.source}: {item.error} [{item.stage}]", markup=False)
        if summary.failed:
            raise typer.Exit(EXIT_FAILED)


def _run(
    store: Store,
    paths: list[str],
    settings: Settings,
    include: list[str],
    exclude: list[str],
    quiet: bool,
) -> IngestSummary:
    if quiet or not interactive():
        return ingest_job(store, paths, settings, include=include, exclude=exclude)
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("ingesting", total=None)

        def progress(outcome: str, source: str) -> None:
            bar.update(task, advance=1, description=f"{outcome}: {source[-50:]}")

        return ingest_job(
            store, paths, settings, include=include, exclude=exclude, progress=progress
        )
