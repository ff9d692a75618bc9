"""Build a large store of synthetic readouts for load-testing the server (no NLP).

Every article is a few sentences the script writes from invented people of
real countries, real cities and random dates; its readout is built directly
(offsets, actors, places, events, one quote) and stored through the store and
resolve API exactly as an ingest stores it (``Store.add(readout,
then=resolve_article)``), so the registry, canonical events and threads are
real. Deterministic for a given ``--seed``.

    python scripts/make_big_store.py /tmp/big.db --events 100000

prints the time taken and the store's counts. ``scripts/loadtest.sh`` then
measures the events endpoint against it.
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

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
    Span,
)
from communique.store import Store
from communique.store.resolved import resolve_article

GIVEN = ("Ana", "Boris", "Chen", "Dara", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jana", "Kofi", "Lena", "Malik", "Nora", "Omar", "Petra", "Quinn", "Rosa", "Sami", "Tara")  # fmt: skip
FAMILY = ("Abara", "Brandt", "Castell", "Dimova", "Ekwueme", "Ferreira", "Gallo", "Haddad", "Ito", "Jansen", "Kovac", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Rahimi", "Sato", "Tanaka", "Varga")  # fmt: skip
COUNTRIES = ("USA", "RUS", "UKR", "CHN", "FRA", "DEU", "GBR", "HUN", "POL", "TUR", "IND", "BRA", "ZAF", "JPN", "EGY")  # fmt: skip
CITIES = [
    ("Geneva", "CHE", 46.20, 6.14), ("Vienna", "AUT", 48.21, 16.37), ("Istanbul", "TUR", 41.01, 28.96),
    ("Budapest", "HUN", 47.50, 19.04), ("Warsaw", "POL", 52.23, 21.01), ("Cairo", "EGY", 30.04, 31.24),
    ("New Delhi", "IND", 28.61, 77.21), ("Brasilia", "BRA", -15.79, -47.88), ("Tokyo", "JPN", 35.68, 139.69),
    ("Pretoria", "ZAF", -25.75, 28.19), ("Washington", "USA", 38.90, -77.04), ("Beijing", "CHN", 39.90, 116.40),
    ("Paris", "FRA", 48.86, 2.35), ("Berlin", "DEU", 52.52, 13.40), ("London", "GBR", 51.51, -0.13),
    ("Kyiv", "UKR", 50.45, 30.52), ("Doha", "QAT", 25.29, 51.53), ("Riyadh", "SAU", 24.71, 46.68),
]  # fmt: skip
VERBS = {
    EventType.CONSULT: ("met", "visit"), EventType.AGREE: ("agreed", None),
    EventType.SANCTION: ("sanctioned", None), EventType.ACCUSE: ("accused", None),
    EventType.AID: ("pledged aid to", "military"), EventType.REQUEST: ("asked", None),
    EventType.THREATEN: ("warned", None), EventType.COOPERATE: ("signed a pact with", None),
    EventType.REJECT: ("rejected", None), EventType.PROTEST: ("protested against", None),
}  # fmt: skip
TOPICS = ("trade", "energy", "grain", "security", "borders", "fisheries", "tariffs", "minerals", "shipping", "refugees", "water", "climate")  # fmt: skip
STATUSES = (EventStatus.OCCURRED,) * 6 + (EventStatus.PLANNED, EventStatus.PLANNED, EventStatus.POSTPONED, EventStatus.CANCELLED)  # fmt: skip


@dataclass(frozen=True)
class Person:
    name: str
    country: str

    @property
    def id(self) -> str:
        return "person/" + self.name.lower().replace(" ", "-")


def people(rng: random.Random, count: int) -> list[Person]:
    names = sorted({f"{g} {f}" for g in GIVEN for f in FAMILY})
    rng.shuffle(names)
    return [Person(name, rng.choice(COUNTRIES)) for name in names[:count]]


class Writer:
    """Appends sentences and remembers where each name, place and verb landed."""

    def __init__(self) -> None:
        self.text = ""

    def add(self, part: str) -> Span:
        start = len(self.text)
        self.text += part
        return Span(start_char=start, end_char=len(self.text), text=part)


def article(
    rng: random.Random, index: int, pool: list[Person], events: int, start: date
) -> Readout:
    published = start + timedelta(days=rng.randrange(730))
    writer = Writer()
    mentions: dict[str, list[Mention]] = {}
    places: dict[str, list[Mention]] = {}
    built: list[Event] = []
    for n in range(1, events + 1):
        kind = rng.choice(list(VERBS))
        verb, mode = VERBS[kind]
        a, b = rng.sample(pool, 2)
        city = rng.choice(CITIES)
        day = published - timedelta(days=rng.randrange(20))
        status = rng.choice(STATUSES)
        begin = len(writer.text)
        span_a = writer.add(a.name)
        writer.add(" ")
        trigger = writer.add(verb)
        writer.add(" ")
        span_b = writer.add(b.name)
        writer.add(" in ")
        span_city = writer.add(city[0])
        topic = " and ".join(rng.sample(TOPICS, 2))
        writer.add(f" on {day:%d %B %Y} over {topic} (report {index}-{n}). ")
        sentence = Span(start_char=begin, end_char=len(writer.text) - 1, text=writer.text[begin:-1])
        for person, span in ((a, span_a), (b, span_b)):
            mentions.setdefault(person.name, []).append(
                Mention(start_char=span.start_char, end_char=span.end_char, text=span.text)
            )
        places.setdefault(city[0], []).append(
            Mention(start_char=span_city.start_char, end_char=span_city.end_char, text=city[0])
        )
        built.append(
            Event(
                id=f"e{n}", type=kind, mode=mode, actors=(a.id,), recipients=(b.id,), status=status,
                date=EventDate(value=day.isoformat(), precision=Precision.DAY, basis=DateBasis.TEXT),
                location="place/" + city[0].lower().replace(" ", "-"), trigger=trigger, sentence=sentence,
                confidence=0.8, summary=f"{a.name} {verb} {b.name} in {city[0]}",
            )
        )  # fmt: skip
    by_name = {p.name: p for p in pool}
    speaker = by_name[next(iter(mentions))]  # the first event's first participant
    words = f"We spoke about {rng.choice(TOPICS)}"
    writer.add("“")
    said = writer.add(words)
    writer.add(f",” said {speaker.name}.")
    actors = tuple(
        Actor(id=by_name[name].id, name=name, kind=ActorKind.PERSON, country=by_name[name].country, sector="GOV", mentions=tuple(found))
        for name, found in mentions.items()
    )  # fmt: skip
    text = writer.text
    return Readout(
        article=Article(id=article_id(text), source=f"synthetic/{index}.txt", published=published.isoformat(), title=f"Synthetic report {index}", text=text),
        actors=actors,
        places=tuple(
            Place(id="place/" + c[0].lower().replace(" ", "-"), name=c[0], kind=PlaceKind.CITY, country=c[1], lat=c[2], lon=c[3], mentions=tuple(places[c[0]]))
            for c in CITIES if c[0] in places
        ),
        events=tuple(built),
        quotes=(Quote(id="q1", kind=QuoteKind.DIRECT, text=words, start_char=said.start_char, end_char=said.end_char, speaker=speaker.id, speaker_text=speaker.name),),
        provenance=Provenance(communique="synthetic", model="none", knowledge="none"),
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store", type=Path, help="The store to fill (created if missing).")
    parser.add_argument("--events", type=int, default=100_000, help="Event reports in all.")
    parser.add_argument("--per-article", type=int, default=8, help="Events per article.")
    parser.add_argument(
        "--people", type=int, default=300, help="Invented people taking part (at most 400)."
    )
    parser.add_argument(
        "--seed", type=int, default=7, help="Random seed (scripts/loadtest.lua names its people)."
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = people(rng, args.people)
    started = time.perf_counter()
    articles = -(-args.events // args.per_article)
    with Store(args.store) as store:
        for index in range(articles):
            per = min(args.per_article, args.events - index * args.per_article)
            store.add(article(rng, index, pool, per, date(2024, 1, 1)), then=resolve_article)
            if index and index % 1000 == 0:
                print(f"{index:,} articles, {time.perf_counter() - started:.0f} s", flush=True)
        counts = {t: store.count(t) for t in ("articles", "events", "actors", "places", "quotes")}
    print(f"done in {time.perf_counter() - started:.0f} s: {counts}")


if __name__ == "__main__":
    main()
