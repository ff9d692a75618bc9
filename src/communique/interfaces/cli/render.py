"""Readouts and stored rows as readable terminal views (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from communique.records import Readout


def render_readout(console: Console, readout: Readout) -> None:
    article = readout.article
    console.rule(f"[bold]{article.title or article.source or article.id}")
    console.print(
        f"id {article.id}  published {article.published or '-'}  source {article.source or '-'}  "
        f"{len(article.text.split())} words",
        markup=False,
    )
    names = {actor.id: actor.name for actor in readout.actors}
    places = {place.id: place.name for place in readout.places}
    if readout.actors:
        table = Table(
            "actor",
            "kind",
            "country",
            "sector",
            "roles",
            "mentions",
            title="Actors",
            title_justify="left",
        )
        for actor in readout.actors:
            roles = "; ".join(role.title for role in actor.roles)
            table.add_row(
                actor.name,
                actor.kind.value,
                actor.country or "",
                actor.sector or "",
                roles,
                str(len(actor.mentions)),
            )
        console.print(table)
    if readout.events:
        table = Table(
            "type",
            "mode",
            "status",
            "date",
            "who",
            "where",
            "summary",
            title="Events",
            title_justify="left",
        )
        for event in readout.events:
            who = ", ".join(names.get(a, a) for a in event.actors)
            if event.recipients:
                who += " → " + ", ".join(names.get(r, r) for r in event.recipients)
            table.add_row(
                event.type.value,
                event.mode or "",
                event.status.value,
                event.date.value if event.date else "",
                who,
                places.get(event.location, "") if event.location else "",
                event.summary,
            )
        console.print(table)
    if readout.quotes:
        table = Table(
            "kind", "speaker", "cue", "channel", "text", title="Quotes", title_justify="left"
        )
        for quote in readout.quotes:
            speaker = (
                names.get(quote.speaker, "")
                if quote.speaker
                else f"({quote.speaker_text or 'unknown'})"
            )
            table.add_row(
                quote.kind.value,
                speaker,
                quote.cue.text if quote.cue else "",
                quote.channel or "",
                quote.text,
            )
        console.print(table)
    if readout.places:
        table = Table(
            "place",
            "kind",
            "country",
            "lat",
            "lon",
            "geonameid",
            title="Places",
            title_justify="left",
        )
        for place in readout.places:
            table.add_row(
                place.name,
                place.kind.value,
                place.country or "",
                f"{place.lat:.2f}" if place.lat is not None else "",
                f"{place.lon:.2f}" if place.lon is not None else "",
                str(place.geonameid or ""),
            )
        console.print(table)
    if readout.times:
        table = Table(
            "expression", "kind", "value", "modifier", title="Times", title_justify="left"
        )
        for time in readout.times:
            table.add_row(time.text, time.kind.value, time.value or "", time.modifier or "")
        console.print(table)
    if article.furniture:
        console.print("[bold]Furniture removed[/]")
        for item in article.furniture:
            console.print(f"  {item.kind.value}: {item.text}", markup=False)
