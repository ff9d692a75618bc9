"""Small hand-built records for tests that need no model."""

from __future__ import annotations

from communique.clean.body import article_id
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
    Provenance,
    Quote,
    QuoteKind,
    Readout,
    Role,
    Span,
)


def make_readout(
    text: str = "Presidents Lula and Petro spoke by phone on Monday.", source: str = "a.txt"
) -> Readout:
    article = Article(
        id=article_id(text), source=source, published="2025-03-04", title="Call", text=text
    )
    lula = Actor(
        id="person/lula",
        name="Lula",
        kind=ActorKind.PERSON,
        country="BRA",
        sector="GOV",
        roles=(
            Role(
                title="President",
                country="BRA",
                span=Span(start_char=0, end_char=10, text=text[:10]),
            ),
        ),
        mentions=(Mention(start_char=11, end_char=15, text=text[11:15]),),
    )
    petro = Actor(
        id="person/petro", name="Petro", kind=ActorKind.PERSON, country="COL", sector="GOV"
    )
    bogota = Place(
        id="place/bogota",
        name="Bogotá",
        kind=PlaceKind.CITY,
        country="COL",
        lat=4.6,
        lon=-74.08,
        geonameid=3688689,
    )
    sentence = Span(start_char=0, end_char=len(text), text=text)
    event = Event(
        id="e1",
        type=EventType.CONSULT,
        mode="phone",
        cameo="041",
        actors=("person/lula", "person/petro"),
        status=EventStatus.OCCURRED,
        date=EventDate(value="2025-03-03", precision=Precision.DAY, basis=DateBasis.TEXT),
        location="place/bogota",
        trigger=Span(start_char=26, end_char=31, text=text[26:31]),
        sentence=sentence,
        confidence=0.9,
        summary="Lula and Petro spoke by phone",
    )
    quote = Quote(
        id="q1",
        kind=QuoteKind.INDIRECT,
        text="talks went well",
        start_char=0,
        end_char=5,
        speaker="person/lula",
        speaker_text="Lula",
    )
    return Readout(
        article=article,
        actors=(lula, petro),
        places=(bogota,),
        events=(event,),
        quotes=(quote,),
        provenance=Provenance(communique="test", model="none", knowledge="none"),
    )
