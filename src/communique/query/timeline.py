"""Timelines: the canonical events of an actor, a country or a pair, in date order.

A subject is an actor (any name the registry knows) or a country (an ISO code
or a country actor's name): a country stands for itself and for every person
and organisation of it. With two subjects, the timeline holds the events in
which both take part (a dyad).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from communique.errors import NotFoundError
from communique.query.events import CANONICAL_COLUMNS, canonical_rows
from communique.query.filters import Where, actor_ids, date_bounds, placeholders
from communique.query.rows import TimelinePoint
from communique.store import Connection, Store


def subject_ids(db: Connection, subject: str) -> list[str]:
    """Registry ids a timeline subject stands for."""
    text = subject.strip()
    codes = [text.upper()] if len(text) == 3 and text.isalpha() and text.isupper() else []
    found = actor_ids(db, text)
    codes += [f[len("country/") :] for f in found if f.startswith("country/")]
    if codes:
        found += [
            row[0]
            for row in db.execute(
                f"SELECT id FROM registry WHERE country IN ({placeholders(codes)})", codes
            )
        ]
        found += [f"country/{code}" for code in codes]
    if not found:
        raise NotFoundError(f"no actor or country called {subject!r} in the store")
    return sorted(set(found))


def timeline(
    store: Store,
    first: str,
    second: str | None = None,
    *,
    since: str | None = None,
    until: str | None = None,
    event_type: str | None = None,
) -> list[TimelinePoint]:
    """Canonical events involving ``first`` (and ``second``), oldest first."""
    with store.reading() as db:
        where = Where()
        for subject in (first, second):
            if subject:
                ids = subject_ids(db, subject)
                where.add(
                    "EXISTS (SELECT 1 FROM canonical_actors x WHERE x.canonical_id = c.id "
                    f"AND x.actor_id IN ({placeholders(ids)}))",
                    *ids,
                )
        if event_type:
            where.add("c.type = ?", event_type.upper())
        date_bounds(where, "COALESCE(c.date, c.first_seen)", since, until)
        rows = db.execute(
            f"""SELECT {CANONICAL_COLUMNS} FROM canonical_events c WHERE {where.sql()}
                ORDER BY COALESCE(c.date, c.first_seen), c.id""",
            where.params,
        ).fetchall()
        events = canonical_rows(db, rows)
    return [
        TimelinePoint(
            date=event.date or event.first_seen,
            type=event.type,
            mode=event.mode,
            status=event.status,
            participants=event.participants,
            location=event.location,
            sources=event.sources,
            summary=event.summary,
            event_id=event.id,
        )
        for event in events
    ]


def by_month(points: list[TimelinePoint]) -> dict[str, Counter[str]]:
    """Events per month and type: the table beside the chart."""
    months: dict[str, Counter[str]] = defaultdict(Counter)
    for point in points:
        months[(point.date or "undated")[:7]][point.type] += 1
    return dict(sorted(months.items()))
