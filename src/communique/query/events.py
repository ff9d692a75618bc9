"""Events: as each article reports them, and as canonical events with all their reports."""

from __future__ import annotations

import json
from typing import Any

from communique.errors import NotFoundError
from communique.query.filters import (
    NO_MATCH,
    EventFilter,
    Where,
    actor_ids,
    country_code,
    date_bounds,
    like,
    placeholders,
)
from communique.query.rows import (
    ActorRef,
    CanonicalDetail,
    CanonicalEvent,
    EventRow,
    Report,
    Reported,
)
from communique.store import Connection, Store

_MENTION_ACTOR = (
    "EXISTS (SELECT 1 FROM mention_actors x WHERE x.article_id = e.article_id "
    "AND x.event_id = e.event_id AND x.actor_id IN ({}))"
)
_CANONICAL_ACTOR = (
    "EXISTS (SELECT 1 FROM canonical_actors x WHERE x.canonical_id = c.id AND x.actor_id IN ({}))"
)


def _actor_filters(db: Connection, where: Where, query: EventFilter, template: str) -> None:
    names = [query.actor] if query.actor else []
    if query.dyad:
        names += list(query.dyad)
    for name in names:
        ids = actor_ids(db, name) or [NO_MATCH]
        where.add(template.format(placeholders(ids)), *ids)
    if query.country:
        code = country_code(db, query.country)
        ids = [
            row[0]
            for row in db.execute(
                "SELECT id FROM registry WHERE country = ? OR id = ? ORDER BY id",
                (code, f"country/{code}"),
            )
        ] or [NO_MATCH]
        where.add(template.format(placeholders(ids)), *ids)


def events(
    store: Store, query: EventFilter | None = None, *, limit: int = 100, offset: int = 0
) -> list[EventRow]:
    """Event reports matching ``query``, by event date (else publication date)."""
    query = query or EventFilter()
    with store.reading() as db:
        where = Where()
        _actor_filters(db, where, query, _MENTION_ACTOR)
        if query.type:
            where.add("e.type = ?", query.type.upper())
        if query.status:
            where.add("e.status = ?", query.status.lower())
        date_bounds(where, "COALESCE(e.date, a.published)", query.since, query.until)
        if query.place:
            where.add("e.location LIKE ? ESCAPE '\\'", like(query.place))
        if query.text:
            where.add(
                "(e.summary LIKE ? ESCAPE '\\' OR m.sentence LIKE ? ESCAPE '\\')",
                like(query.text),
                like(query.text),
            )
        rows = db.execute(
            f"""SELECT e.article_id, e.event_id, a.source, a.published, e.type, e.mode, e.status,
                       e.date, e.location, e.actors, e.recipients, e.summary, m.canonical_id,
                       m.sentence
                FROM events e JOIN articles a ON a.id = e.article_id
                LEFT JOIN event_mentions m
                    ON m.article_id = e.article_id AND m.event_id = e.event_id
                WHERE {where.sql()}
                ORDER BY COALESCE(e.date, a.published), e.article_id, e.event_id
                LIMIT ? OFFSET ?""",
            (*where.params, limit, offset),
        ).fetchall()
    return [_event_row(r) for r in rows]


def _event_row(r: tuple[Any, ...]) -> EventRow:
    return EventRow(
        article_id=r[0],
        event_id=r[1],
        source=r[2],
        published=r[3],
        type=r[4],
        mode=r[5],
        status=r[6],
        date=r[7],
        location=r[8],
        actors=tuple(json.loads(r[9])),
        recipients=tuple(json.loads(r[10])),
        summary=r[11] or "",
        canonical_id=r[12],
        sentence=r[13],
    )


CANONICAL_COLUMNS = """c.id, c.type, c.mode, c.status, c.date, c.date_disputed, c.location,
    c.location_disputed, c.participants, c.first_seen, c.last_seen, c.mentions, c.articles,
    c.sources, c.thread, c.summary, c.state"""


def canonical_where(db: Connection, query: EventFilter) -> Where:
    where = Where()
    _actor_filters(db, where, query, _CANONICAL_ACTOR)
    if query.type:
        where.add("c.type = ?", query.type.upper())
    if query.status:
        where.add("c.status = ?", query.status.lower())
    date_bounds(where, "COALESCE(c.date, c.first_seen)", query.since, query.until)
    if query.place:
        where.add("c.location LIKE ? ESCAPE '\\'", like(query.place))
    if query.text:
        where.add(
            "(c.summary LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM event_mentions m "
            "WHERE m.canonical_id = c.id AND m.sentence LIKE ? ESCAPE '\\'))",
            like(query.text),
            like(query.text),
        )
    return where


def canonical_events(
    store: Store,
    query: EventFilter | None = None,
    *,
    limit: int = 100,
    offset: int = 0,
    threads_only: bool = False,
) -> list[CanonicalEvent]:
    """Canonical events matching ``query``, by date (else first report)."""
    with store.reading() as db:
        where = canonical_where(db, query or EventFilter())
        if threads_only:
            where.add("c.thread = 1")
        rows = db.execute(
            f"""SELECT {CANONICAL_COLUMNS} FROM canonical_events c WHERE {where.sql()}
                ORDER BY COALESCE(c.date, c.first_seen), c.id LIMIT ? OFFSET ?""",
            (*where.params, limit, offset),
        ).fetchall()
        return canonical_rows(db, rows)


def canonical_rows(db: Connection, rows: list[tuple[object, ...]]) -> list[CanonicalEvent]:
    """Records of ``canonical_events`` rows selected with the canonical columns."""
    ids = sorted({p for row in rows for p in json.loads(str(row[8]))})
    names = {
        r[0]: ActorRef(id=r[0], name=r[1], country=r[2])
        for r in db.execute(
            f"SELECT id, name, country FROM registry WHERE id IN ({placeholders(ids)})", ids
        )
    }
    return [_canonical(row, names) for row in rows]


def _canonical(row: tuple[object, ...], names: dict[str, ActorRef]) -> CanonicalEvent:
    state = json.loads(str(row[16]))
    participants = json.loads(str(row[8]))
    return CanonicalEvent(
        id=str(row[0]),
        type=str(row[1]),
        mode=_text(row[2]),
        status=str(row[3]),
        date=_text(row[4]),
        date_disputed=bool(row[5]),
        location=_text(row[6]),
        location_disputed=bool(row[7]),
        participants=tuple(names.get(p, ActorRef(id=p, name=p)) for p in participants),
        first_seen=_text(row[9]),
        last_seen=_text(row[10]),
        mentions=int(str(row[11])),
        articles=int(str(row[12])),
        sources=int(str(row[13])),
        thread=bool(row[14]),
        summary=str(row[15]),
        dates=_reported(state["dates"]),
        places=_reported({str(state["place_names"][k][0]): n for k, n in state["places"].items()}),
    )


def _reported(counts: dict[str, int]) -> tuple[Reported, ...]:
    return tuple(
        Reported(value=value, reports=n)
        for value, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def canonical_event(store: Store, event_id: str) -> CanonicalDetail:
    """A canonical event (by id or unique id prefix) with every report of it."""
    with store.reading() as db:
        rows = db.execute(
            f"SELECT {CANONICAL_COLUMNS} FROM canonical_events c WHERE c.id LIKE ? || '%' LIMIT 2",
            (event_id,),
        ).fetchall()
        if len(rows) != 1:
            problem = "matches more than one event" if rows else "matches no canonical event"
            raise NotFoundError(f"event id {event_id!r} {problem}")
        (event,) = canonical_rows(db, rows)
        return CanonicalDetail(event=event, reports=tuple(reports(db, [event.id])[event.id]))


def reports(db: Connection, canonical_ids: list[str]) -> dict[str, list[Report]]:
    """The reports of each canonical event, in publication order."""
    out: dict[str, list[Report]] = {cid: [] for cid in canonical_ids}
    rows = db.execute(
        f"""SELECT m.canonical_id, m.article_id, m.event_id, a.source, m.published, m.status,
                   m.date, m.sentence, m.sentence_start, m.sentence_end, m.group_id, m.score
            FROM event_mentions m JOIN articles a ON a.id = m.article_id
            WHERE m.canonical_id IN ({placeholders(canonical_ids)})
            ORDER BY m.published, m.article_id, m.sentence_start, m.trigger_start, m.event_id""",
        canonical_ids,
    )
    for r in rows:
        out[r[0]].append(
            Report(
                article_id=r[1],
                event_id=r[2],
                source=r[3],
                published=r[4],
                status=r[5],
                date=r[6],
                sentence=r[7],
                start_char=r[8],
                end_char=r[9],
                group_id=r[10],
                score=r[11],
            )
        )
    return out
