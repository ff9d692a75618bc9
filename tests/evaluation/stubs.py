"""Hand-built readouts of the team-written gold article in ``data/gold`` (no model needed)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from communique.records import (
    Actor,
    ActorKind,
    Article,
    DateBasis,
    Event,
    EventDate,
    EventStatus,
    EventType,
    Mention,
    Place,
    PlaceKind,
    Precision,
    Quote,
    QuoteKind,
    Readout,
    Role,
    Span,
)

GOLD_DIR = Path(__file__).parent / "data" / "gold"
ARTICLE = "2025-03-04_lisbon-ottawa-call.txt"

TEXT = (
    "Portuguese Prime Minister Luís Montenegro spoke by phone with Canadian Prime Minister "
    "Mark Carney on Tuesday, his office said.\n\n"
    '"We agreed to deepen our cooperation on energy and shipping," Montenegro wrote on X after '
    "the call.\n\nCarney said that the two governments would meet again in Ottawa in April. "
    'A senior official in Lisbon said the talks had been "friendly and concrete".\n\n'
    "Canada and Portugal also discussed a possible visit by Carney to Lisbon later this year."
)


def span(text: str) -> Span:
    start = TEXT.index(text)
    return Span(start_char=start, end_char=start + len(text), text=text)


def person(slug: str, name: str, country: str | None, title: str) -> Actor:
    first = TEXT.index(name.split()[-1])
    return Actor(
        id=f"person/{slug}",
        name=name,
        kind=ActorKind.PERSON,
        country=country,
        sector="GOV",
        roles=(Role(title=title),),
        mentions=(
            Mention(
                start_char=first, end_char=first + len(name.split()[-1]), text=name.split()[-1]
            ),
        ),
    )


def event(
    ident: str, actors: tuple[str, ...], status: EventStatus, date: str | None, **fields: object
) -> Event:
    sentence = span("Portuguese Prime Minister Luís Montenegro spoke by phone")
    value = EventDate(value=date, precision=Precision.DAY, basis=DateBasis.TEXT) if date else None
    return Event(
        id=ident, type=EventType.CONSULT, actors=actors, status=status, date=value,
        trigger=sentence, sentence=sentence, **fields,  # type: ignore[arg-type]
    )  # fmt: skip


def quote(
    ident: str, kind: QuoteKind, text: str, speaker: str | None, speaker_text: str | None = None
) -> Quote:
    where = span(text)
    return Quote(
        id=ident, kind=kind, text=text, start_char=where.start_char, end_char=where.end_char,
        speaker=speaker, speaker_text=speaker_text,
    )  # fmt: skip


def good_readout() -> Readout:
    """A readout that gets every required item of the gold article right."""
    montenegro = person("luis-montenegro", "Luís Montenegro", "PRT", "Prime Minister")
    carney = person("mark-carney", "Mark Carney", "CAN", "Prime Minister")
    ottawa = Place(id="place/ottawa", name="Ottawa", kind=PlaceKind.CITY, country="CAN")
    return Readout(
        article=Article(id="stub", source=ARTICLE, published="2025-03-04", text=TEXT),
        actors=(
            montenegro,
            carney,
            Actor(id="country/can", name="Canada", kind=ActorKind.COUNTRY, country="CAN"),
            Actor(id="country/prt", name="Portugal", kind=ActorKind.COUNTRY, country="PRT"),
        ),
        places=(ottawa,),
        events=(
            event(
                "e1", (carney.id, montenegro.id), EventStatus.OCCURRED, "2025-03-04", mode="phone"
            ),
            # Gold names the countries; their two leaders stand for them.
            event(
                "e2", (montenegro.id, carney.id), EventStatus.PLANNED, "2025-04", location=ottawa.id
            ),
        ),
        quotes=(
            quote(
                "q1",
                QuoteKind.DIRECT,
                "We agreed to deepen our cooperation on energy and shipping",
                montenegro.id,
            ),
            quote(
                "q2", QuoteKind.DIRECT, "friendly and concrete", None, "A senior official in Lisbon"
            ),
        ),
    )


def with_swapped_speakers(readout: Readout) -> Readout:
    """The seeded bug: every quote's speaker moves to the next quote."""
    speakers = [q.speaker for q in readout.quotes]
    rotated = speakers[1:] + speakers[:1]
    quotes = tuple(
        dataclasses.replace(q, speaker=s) for q, s in zip(readout.quotes, rotated, strict=True)
    )
    return dataclasses.replace(readout, quotes=quotes)
