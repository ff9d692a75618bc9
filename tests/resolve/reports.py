"""Hand-built readouts of short articles the team wrote, for resolution tests (no model).

``report(text, published, events=[...])`` finds the names, places and
triggers it is given in ``text`` and builds a readout whose offsets point at
them; the people and places it knows carry a country, a kb_id and a GeoNames
id as the real pipeline would give them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    Quote,
    QuoteKind,
    Readout,
    Role,
    Span,
)

PEOPLE = {
    "Vladimir Putin": ("RUS", "person/vladimir-putin"),
    "Donald Trump": ("USA", "person/donald-trump"),
    "Volodymyr Zelensky": ("UKR", None),
    "Volodymyr Zelenskyy": ("UKR", None),
    "Volodymyr Zelenskiy": ("UKR", None),
    "Viktor Orbán": ("HUN", None),
    "Viktor Orban": ("HUN", None),
    "Yury Ushakov": ("RUS", None),
    "Yuri Ushakov": ("RUS", None),
    "Karoline Leavitt": ("USA", None),
    "Caroline Leavitt": ("USA", None),
    "Marco Rubio": ("USA", None),
    "Sergei Lavrov": ("RUS", None),
    "Sergey Lavrov": ("RUS", None),
    "Luiz Inácio Lula da Silva": ("BRA", None),
    "Gustavo Petro": ("COL", None),
    "Kim Jong Un": ("PRK", None),
    "Lee Jae-myung": ("KOR", None),
}
COUNTRIES = {"Russia": "RUS", "Ukraine": "UKR", "Hungary": "HUN", "United States": "USA"}
PLACES = {
    "Budapest": (PlaceKind.CITY, "HUN", 3054643, 47.50, 19.04),
    "Anchorage": (PlaceKind.CITY, "USA", 5879400, 61.22, -149.90),
    "Washington": (PlaceKind.CITY, "USA", 4140963, 38.90, -77.04),
    "Geneva": (PlaceKind.CITY, "CHE", 2660646, 46.20, 6.14),
    "Hungary": (PlaceKind.COUNTRY, "HUN", 719819, 47.0, 20.0),
    "Alaska": (PlaceKind.ADMIN, "USA", 5879092, 64.0, -150.0),
}
PRECISION = {10: Precision.DAY, 7: Precision.MONTH, 4: Precision.YEAR}


@dataclass
class Ev:
    """An event to place in the text: names as they appear there, a trigger word it contains."""

    type: str
    actors: list[str]
    trigger: str
    status: str = "occurred"
    mode: str | None = None
    date: str | None = None
    place: str | None = None
    recipients: list[str] = field(default_factory=list)


def _span(text: str, needle: str, start: int = 0) -> Span:
    at = text.index(needle, start)
    return Span(start_char=at, end_char=at + len(needle), text=needle)


def _sentence(text: str, at: int) -> Span:
    start = max(text.rfind(". ", 0, at) + 2, 0) if text.rfind(". ", 0, at) >= 0 else 0
    end = text.find(". ", at)
    end = len(text) if end < 0 else end + 1
    return Span(start_char=start, end_char=end, text=text[start:end])


def _actor(text: str, name: str, kb: bool, roles: dict[str, str]) -> Actor:
    if name in COUNTRIES:
        code = COUNTRIES[name]
        return Actor(id=f"country/{code.lower()}", name=name, kind=ActorKind.COUNTRY, country=code)
    country, kb_id = PEOPLE.get(name, (None, None))
    mention = _span(text, name) if name in text else None
    title = roles.get(name)
    return Actor(
        id=f"person/{name.lower().replace(' ', '-')}",
        name=name,
        kind=ActorKind.PERSON,
        country=country,
        sector="GOV",
        kb_id=kb_id if kb else None,
        roles=(Role(title=title, country=country),) if title else (),
        mentions=(Mention(start_char=mention.start_char, end_char=mention.end_char, text=name),)
        if mention
        else (),
    )


def report(
    text: str,
    published: str | None,
    events: list[Ev],
    *,
    source: str | None = None,
    kb: bool = True,
    roles: dict[str, str] | None = None,
    quotes: list[tuple[str, str]] = (),  # type: ignore[assignment]
) -> Readout:
    """A readout of ``text`` with ``events``; actors and places come from the events' names."""
    names = list(dict.fromkeys(n for e in events for n in [*e.actors, *e.recipients]))
    names += [speaker for speaker, _ in quotes if speaker not in names]
    actors = {name: _actor(text, name, kb, roles or {}) for name in names}
    places = {
        e.place: Place(
            id=f"place/{e.place.lower()}",
            name=e.place,
            kind=PLACES[e.place][0],
            country=PLACES[e.place][1],
            geonameid=PLACES[e.place][2],
            lat=PLACES[e.place][3],
            lon=PLACES[e.place][4],
        )
        for e in events
        if e.place
    }
    built = []
    for n, e in enumerate(events, start=1):
        trigger = _span(text, e.trigger)
        built.append(
            Event(
                id=f"e{n}",
                type=EventType(e.type),
                mode=e.mode,
                actors=tuple(actors[a].id for a in e.actors),
                recipients=tuple(actors[a].id for a in e.recipients),
                status=EventStatus(e.status),
                date=EventDate(value=e.date, precision=PRECISION[len(e.date)], basis=DateBasis.TEXT)
                if e.date
                else None,
                location=places[e.place].id if e.place else None,
                trigger=trigger,
                sentence=_sentence(text, trigger.start_char),
                summary=f"{' and '.join(e.actors)} {e.trigger}",
            )
        )
    quoted = tuple(
        Quote(
            id=f"q{n}",
            kind=QuoteKind.DIRECT,
            text=words,
            start_char=text.index(words),
            end_char=text.index(words) + len(words),
            speaker=actors[speaker].id,
            speaker_text=speaker,
        )
        for n, (speaker, words) in enumerate(quotes, start=1)
    )
    article = Article(
        id=article_id(text), source=source, published=published, title=None, text=text
    )
    return Readout(
        article=article,
        actors=tuple(actors.values()),
        places=tuple(places.values()),
        events=tuple(built),
        quotes=quoted,
    )
