"""Read functions the web pages need beyond the CLI's: places on a map, an article's events.

Written over the same filters as :mod:`communique.query.events` (a map of
"Putin's events in October" narrows exactly as ``communique events
--canonical --actor Putin --since 2025-10 --until 2025-10`` does).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from communique.query.events import canonical_where
from communique.query.filters import EventFilter, placeholders
from communique.store import Store

PLACE_EVENTS = 12
"""Events listed per place on the map (the count covers them all)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceEvent:
    id: str
    type: str
    status: str
    date: str | None
    summary: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacePoint:
    """A place where canonical events happened (or are planned), with where it is."""

    name: str
    country: str | None
    kind: str
    lat: float
    lon: float
    events: int
    types: tuple[tuple[str, int], ...]
    latest: tuple[PlaceEvent, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class MentionLink:
    """Which canonical event one event of an article was filed under."""

    event_id: str
    canonical_id: str
    thread: bool


def event_places(
    store: Store, query: EventFilter | None = None, *, limit: int = 5000
) -> tuple[list[PlacePoint], int]:
    """Places of the canonical events matching ``query``, most events first.

    Returns the places with coordinates and the number of matching events
    whose place has none (or that have no place).
    """
    with store.reading() as db:
        where = canonical_where(db, query or EventFilter())
        rows = db.execute(
            f"""SELECT c.id, c.type, c.status, c.date, c.summary, c.location
                FROM canonical_events c WHERE {where.sql()}
                ORDER BY COALESCE(c.date, c.first_seen) DESC, c.id LIMIT ?""",
            (*where.params, limit),
        ).fetchall()
        names = sorted({str(r[5]) for r in rows if r[5]})
        found = {
            r[0]: (r[1], r[2], float(r[3]), float(r[4]))
            for r in db.execute(
                # Every row of a name, in a fixed order: the last one wins, on any engine
                # (a bare GROUP BY name picks an arbitrary row, and PostgreSQL refuses it).
                f"""SELECT name, country, kind, lat, lon FROM places
                    WHERE name IN ({placeholders(names)}) AND lat IS NOT NULL
                    ORDER BY name, country, kind, lat, lon""",
                names,
            )
        }
    by_place: dict[str, list[tuple[object, ...]]] = {}
    unplaced = 0
    for row in rows:
        if row[5] in found:
            by_place.setdefault(str(row[5]), []).append(row)
        else:
            unplaced += 1
    points = [_point(name, found[name], events) for name, events in by_place.items()]
    points.sort(key=lambda p: (-p.events, p.name))
    return points, unplaced


def _point(
    name: str, where: tuple[str | None, str, float, float], rows: list[tuple[object, ...]]
) -> PlacePoint:
    country, kind, lat, lon = where
    types = Counter(str(r[1]) for r in rows)
    return PlacePoint(
        name=name,
        country=country,
        kind=kind,
        lat=lat,
        lon=lon,
        events=len(rows),
        types=tuple(types.most_common()),
        latest=tuple(
            PlaceEvent(
                id=str(r[0]),
                type=str(r[1]),
                status=str(r[2]),
                date=None if r[3] is None else str(r[3]),
                summary=str(r[4]),
            )
            for r in rows[:PLACE_EVENTS]
        ),
    )


def article_mentions(store: Store, article_id: str) -> dict[str, MentionLink]:
    """The canonical event of each event of one article, by the article's event id."""
    with store.reading() as db:
        rows = db.execute(
            """SELECT m.event_id, m.canonical_id, c.thread FROM event_mentions m
               JOIN canonical_events c ON c.id = m.canonical_id WHERE m.article_id = ?""",
            (article_id,),
        ).fetchall()
    return {
        str(r[0]): MentionLink(event_id=str(r[0]), canonical_id=str(r[1]), thread=bool(r[2]))
        for r in rows
    }
