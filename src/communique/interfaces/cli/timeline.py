"""``communique timeline A [B]``: an actor's, a country's or a pair's events over time.

Prints the canonical events as a table and their count per month and type;
``--output FILE.png`` (or ``.svg``, ``.pdf``) also draws them: one lane per
event type, a marker per event coloured by status and sized by its sources.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from communique.errors import InputError
from communique.interfaces.cli.common import DbOption, err, reported
from communique.interfaces.cli.output import (
    Flat,
    Format,
    FormatOption,
    emit,
    plural,
    print_wide,
    query_store,
)
from communique.query import by_month
from communique.query import timeline as find_timeline
from communique.query.rows import TimelinePoint

CHART_SUFFIXES = (".png", ".svg", ".pdf")

_EPOCH = date(1970, 1, 1).toordinal()
"""matplotlib's date numbers count days from its default epoch."""

STATUS_COLOURS = {
    "occurred": "#1b7837",
    "ongoing": "#5aae61",
    "planned": "#2166ac",
    "proposed": "#67a9cf",
    "postponed": "#f1a340",
    "cancelled": "#b2182b",
    "hypothetical": "#999999",
    "conditional": "#bbbbbb",
    "negated": "#762a83",
    "denied": "#c2a5cf",
}


def timeline(
    first: Annotated[
        str,
        typer.Argument(help="An actor or a country (name, alias, ISO code).", show_default=False),
    ],
    second: Annotated[
        str | None,
        typer.Argument(help="A second actor or country: events of the pair.", show_default=False),
    ] = None,
    db: DbOption = None,
    since: Annotated[
        str | None, typer.Option(help="From this date (YYYY[-MM[-DD]]).", show_default=False)
    ] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date.", show_default=False)] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", "-t", help="Only this PLOVER type.", show_default=False)
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Also draw a chart to this .png, .svg or .pdf file.",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Show the events of an actor, a country or a pair over time, as a table and a chart."""
    with reported():
        if output is not None and output.suffix.lower() not in CHART_SUFFIXES:
            raise InputError(
                f"--output must end in {', '.join(CHART_SUFFIXES)}, got {output.name!r}"
            )
        with query_store(db) as store:
            points = find_timeline(
                store, first, second, since=since, until=until, event_type=event_type
            )
        subject = f"{first} and {second}" if second else first
        emit(points, fmt, point_row, title=f"{subject}: {plural(len(points), 'event')}")
        if fmt is Format.TABLE and points:
            _month_table(points)
        if output is not None:
            draw(points, output, title=subject)
            err.print(f"chart written to {output}")


def point_row(point: TimelinePoint) -> Flat:
    return {
        "date": point.date,
        "type": point.type,
        "mode": point.mode,
        "status": point.status,
        "who": ", ".join(p.name for p in point.participants),
        "where": point.location,
        "sources": point.sources,
        "summary": point.summary,
        "event": point.event_id,
    }


def _month_table(points: list[TimelinePoint]) -> None:
    months = by_month(points)
    types = sorted({t for counts in months.values() for t in counts})
    table = Table("month", *types, "all", title="Per month", title_justify="left")
    for month, counts in months.items():
        table.add_row(month, *(str(counts.get(t, "")) for t in types), str(sum(counts.values())))
    print_wide(table)


def _day(value: str | None) -> date | None:
    """A plotting position: a month sits mid-month, a year mid-year."""
    if not value:
        return None
    parts = value.split("-")
    try:
        if len(parts) >= 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
        if len(parts) == 2 and parts[1].isdigit():
            return date(int(parts[0]), int(parts[1]), 15)
        return date(int(parts[0][:4]), 7, 1)
    except ValueError:
        return None


def _lanes(placed: list[tuple[date, TimelinePoint]], lane: dict[str, int]) -> list[float]:
    """Each point's height: its type's lane, events of one type and day spread apart."""
    seen: dict[tuple[str, date], int] = {}
    heights = []
    for day, point in placed:
        n = seen.get((point.type, day), 0)
        seen[(point.type, day)] = n + 1
        heights.append(lane[point.type] + 0.18 * ((n + 1) // 2) * (1 if n % 2 else -1))
    return heights


def draw(points: list[TimelinePoint], path: Path, *, title: str) -> None:
    """Write the chart; matplotlib is imported here so that other commands start fast."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.lines import Line2D

    placed = [(day, p) for p in points if (day := _day(p.date)) is not None]
    types = sorted({p.type for _, p in placed}) or ["(none)"]
    lane = {t: i for i, t in enumerate(types)}
    figure, axes = plt.subplots(figsize=(10, 1.2 + 0.5 * len(types)))
    axes.scatter(
        [float(day.toordinal() - _EPOCH) for day, _ in placed],
        _lanes(placed, lane),
        s=[30 + 25 * min(p.sources, 12) for _, p in placed],
        c=[STATUS_COLOURS.get(p.status, "#444444") for _, p in placed],
        alpha=0.8,
        edgecolors="black",
        linewidths=0.4,
    )
    axes.xaxis_date()
    axes.set_yticks(range(len(types)), types)
    axes.set_ylim(-0.7, len(types) - 0.3)
    axes.set_title(f"{title}: {plural(len(placed), 'event')}")
    axes.grid(axis="x", alpha=0.3)
    statuses = sorted({p.status for _, p in placed})
    axes.legend(
        handles=[
            Line2D(
                [], [], marker="o", linestyle="", color=STATUS_COLOURS.get(s, "#444444"), label=s
            )
            for s in statuses
        ],
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize="small",
        frameon=False,
    )
    figure.autofmt_xdate()
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)
