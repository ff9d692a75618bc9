"""``communique threads``: what became of planned and proposed events, with evidence."""

from __future__ import annotations

import csv
import json
import sys
from typing import Annotated

import typer

from communique.codec import to_dict
from communique.interfaces.cli.common import DbOption, out, reported
from communique.interfaces.cli.events import ActorOption
from communique.interfaces.cli.output import (
    Format,
    FormatOption,
    LimitOption,
    OffsetOption,
    plural,
    query_store,
)
from communique.query import EventFilter
from communique.query import threads as find_threads
from communique.query.rows import Thread, ThreadStep


def threads(
    db: DbOption = None,
    actor: ActorOption = None,
    status: Annotated[
        str | None,
        typer.Option(
            help="Threads whose event now has this status (postponed …).", show_default=False
        ),
    ] = None,
    place: Annotated[
        str | None, typer.Option(help="Where the place name contains this.", show_default=False)
    ] = None,
    text: Annotated[
        str | None, typer.Option(help="Whose reports contain this text.", show_default=False)
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(help="Events dated (or first reported) on or after this.", show_default=False),
    ] = None,
    every: Annotated[
        bool, typer.Option("--all-evidence", help="Every report of each step, not only the first.")
    ] = False,
    min_articles: Annotated[
        int, typer.Option(help="Only threads reported by at least this many articles.")
    ] = 2,
    fmt: FormatOption = Format.TABLE,
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
) -> None:
    """Follow planned or proposed events to their outcome: held, postponed, cancelled, replaced."""
    query = EventFilter(actor=actor, status=status, place=place, text=text, since=since)
    with reported(), query_store(db) as store:
        found = find_threads(store, query, min_articles=min_articles, limit=limit, offset=offset)
    if fmt is Format.JSON:
        for thread in found:
            sys.stdout.write(json.dumps(to_dict(thread), ensure_ascii=False) + "\n")
    elif fmt is Format.CSV:
        _csv(found)
    else:
        out.print(f"[bold]{plural(len(found), 'thread')}[/]")
        for thread in found:
            _print(thread, every)


def _headline(thread: Thread) -> str:
    event = thread.event
    who = ", ".join(p.name for p in event.participants) or "?"
    parts = [event.type, event.mode or "", "—", who]
    if event.location:
        parts += ["in", event.location]
    if event.date:
        parts += ["on", event.date + (" (disputed)" if event.date_disputed else "")]
    return " ".join(p for p in parts if p)


def _print(thread: Thread, every: bool) -> None:
    event = thread.event
    out.print()
    out.print(f"[bold]{_headline(thread)}[/]  now [bold]{event.status}[/]", highlight=False)
    out.print(
        f"  event {event.id} · {plural(event.articles, 'article')} · "
        f"{plural(event.sources, 'source')} · {event.summary}",
        markup=False,
    )
    for step in thread.steps:
        _print_step(step, every)
    for link in thread.links:
        verb = "replaced by" if link.kind == "replaced_by" else "replaces"
        other = link.other
        out.print(
            f"  → {verb} {other.type} {other.location or ''} {other.date or ''} "
            f"({other.status}, event {other.id})",
            markup=False,
        )
        out.print(f"      “{link.evidence.strip()}” [{link.article_id[:12]}]", markup=False)


def _print_step(step: ThreadStep, every: bool) -> None:
    when = step.reported or "?"
    if step.last_reported and step.last_reported != step.reported:
        when += f" … {step.last_reported}"
    date = f" for {step.date}" if step.date else ""
    out.print(
        f"  {when:<25} {step.status:<10}{date}  ({plural(len(step.evidence), 'report')})",
        markup=False,
    )
    for report in step.evidence if every else step.evidence[:1]:
        where = f"{report.source or report.article_id[:12]} [{report.start_char}:{report.end_char}]"
        out.print(f"      “{report.sentence.strip()}” {where}", markup=False)


def _csv(found: list[Thread]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(
        [
            "event",
            "headline",
            "now",
            "reported",
            "status",
            "date",
            "article",
            "start",
            "end",
            "evidence",
        ]
    )
    for thread in found:
        for step in thread.steps:
            for report in step.evidence:
                writer.writerow(
                    [
                        thread.event.id,
                        _headline(thread),
                        thread.event.status,
                        report.published,
                        report.status,
                        report.date or "",
                        report.article_id,
                        report.start_char,
                        report.end_char,
                        report.sentence,
                    ]
                )
