"""The ``communique`` command: one Typer app, command groups in their own modules."""

from __future__ import annotations

import typer

from communique import __version__
from communique.interfaces.cli import (
    actors,
    bench,
    browse,
    config,
    evaluate,
    events,
    export,
    extract,
    ingest,
    quotes,
    resolve,
    serve,
    threads,
    timeline,
    watch,
)

app = typer.Typer(
    name="communique",
    help="Diplomatic and political news into evidence-linked event data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.command()(extract.extract)
app.command()(ingest.ingest)
app.command()(watch.watch)
app.command()(browse.show)
app.command()(browse.articles)
app.command()(browse.failures)
app.command()(events.events)
app.command()(threads.threads)
app.command()(timeline.timeline)
app.command()(quotes.quotes)
app.command()(actors.actors)
app.command()(resolve.resolve)
app.command()(config.settings)
app.command()(export.export)
app.add_typer(evaluate.app, name="eval")
app.command()(bench.bench)
app.command()(serve.serve)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"communique {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", help="Print the version and exit.", callback=_version, is_eager=True
    ),
) -> None:
    """Diplomatic and political news into evidence-linked event data."""


def main() -> None:
    app()
