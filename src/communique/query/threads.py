"""Threads: planned or proposed events and what became of them, step by step with evidence."""

from __future__ import annotations

from communique.query.events import CANONICAL_COLUMNS, canonical_rows, canonical_where, reports
from communique.query.filters import EventFilter
from communique.query.rows import CanonicalEvent, Report, Thread, ThreadLink, ThreadStep
from communique.store import Connection, Store


def threads(
    store: Store,
    query: EventFilter | None = None,
    *,
    min_articles: int = 2,
    limit: int = 50,
    offset: int = 0,
) -> list[Thread]:
    """Threads whose event matches ``query``, most recently updated first.

    A thread reported by fewer than ``min_articles`` articles is a plan nobody
    followed up (or an extraction slip); it is left out unless asked for.
    """
    with store.reading() as db:
        where = canonical_where(db, query or EventFilter())
        where.add("c.thread = 1")
        where.add("c.articles >= ?", min_articles)
        rows = db.execute(
            f"""SELECT {CANONICAL_COLUMNS} FROM canonical_events c WHERE {where.sql()}
                ORDER BY c.last_seen DESC, c.id LIMIT ? OFFSET ?""",
            (*where.params, limit, offset),
        ).fetchall()
        found = canonical_rows(db, rows)
        evidence = reports(db, [event.id for event in found])
        return [
            Thread(event=event, steps=steps(evidence[event.id]), links=_links(db, event))
            for event in found
        ]


def steps(evidence: list[Report]) -> tuple[ThreadStep, ...]:
    """Reports in publication order, consecutive reports of one status merged into a step."""
    out: list[ThreadStep] = []
    group: list[Report] = []
    for report in evidence:
        if group and report.status != group[0].status:
            out.append(_step(group))
            group = []
        group.append(report)
    if group:
        out.append(_step(group))
    return tuple(out)


def _step(group: list[Report]) -> ThreadStep:
    dates = [r.date for r in group if r.date]
    return ThreadStep(
        reported=group[0].published,
        last_reported=group[-1].published,
        status=group[0].status,
        date=max(set(dates), key=dates.count) if dates else None,
        evidence=tuple(group),
    )


def _links(db: Connection, event: CanonicalEvent) -> tuple[ThreadLink, ...]:
    rows = db.execute(
        """SELECT 'replaced_by', to_id, article_id, evidence FROM thread_links WHERE from_id = ?
           UNION ALL
           SELECT 'replaces', from_id, article_id, evidence FROM thread_links WHERE to_id = ?""",
        (event.id, event.id),
    ).fetchall()
    if not rows:
        return ()
    others = {
        other.id: other
        for other in canonical_rows(
            db,
            db.execute(
                f"SELECT {CANONICAL_COLUMNS} FROM canonical_events c WHERE c.id IN "
                f"({','.join('?' * len(rows))})",
                [r[1] for r in rows],
            ).fetchall(),
        )
    }
    return tuple(
        ThreadLink(kind=r[0], other=others[r[1]], article_id=r[2], evidence=r[3])
        for r in rows
        if r[1] in others
    )
