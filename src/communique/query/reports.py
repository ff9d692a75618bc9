"""Event reports for the server: :func:`communique.query.events`, planned for a large store.

Same filters, same rows, same order (``COALESCE(date, published), article_id,
event_id``) as :func:`communique.query.events`; a test holds the two equal.
That query joins every event to its article to compute the sort key, which
on 100,000 events costs well over a tenth of a second. Here the page is
found first, as row ids, along an index, and only its rows are read whole:

- with an actor, dyad or country filter, the candidates come from the
  ``mention_actors`` index and only they are sorted;
- otherwise events with a date of their own are walked in the order of the
  ``events_order`` index (date, article_id, event_id), stopping once the
  page is full, and the few without one (keyed by their article's
  publication date) are merged in.

A filter on words (``text``, ``place``) still reads every event it has to
look at; a rare word on a large store is the slow case.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from communique.query.filters import (
    NO_MATCH,
    EventFilter,
    Where,
    actor_ids,
    country_code,
    like,
    placeholders,
)
from communique.query.rows import EventRow
from communique.store import Connection, Store

MAX_CHAR = chr(0x10FFFF)
"""Sorts after any character of an ISO date: ``x <= '2025-10' + MAX_CHAR`` is "up to October"."""

PUBLISHED = "(SELECT a.published FROM articles a WHERE a.id = e.article_id)"
"""The article's date, read only for events without a date of their own."""


@dataclass(frozen=True, slots=True)
class Scope:
    """Where the page's events are looked for: a few candidates, or every event checked."""

    candidates: list[tuple[str, str]] | None = None
    """The (article_id, event_id) of the only events that can match."""
    checks: Where | None = None
    """Conditions on each event ``e`` walked along the date index."""


def event_reports(
    store: Store, query: EventFilter | None = None, *, limit: int = 100, offset: int = 0
) -> list[EventRow]:
    """Event reports matching ``query``, as :func:`communique.query.events` returns them."""
    query = query or EventFilter()
    with store.reading() as db:
        keys = _page(db, query, _scope(db, query), limit, offset)
        return _rows(db, [(article_id, event_id) for _, article_id, event_id in keys])


WALK_AFTER = 1500
"""Candidates beyond which walking the date index (and checking each event) beats sorting them."""


def _actor_groups(db: Connection, query: EventFilter) -> list[list[str]]:
    """Registry ids per actor or country named; an event must involve one of each group."""
    groups = [actor_ids(db, name) for name in ([query.actor] if query.actor else [])]
    groups += [actor_ids(db, name) for name in (query.dyad or ())]
    if query.country:
        code = country_code(db, query.country)
        rows = db.execute(
            "SELECT id FROM registry WHERE country = ? OR id = ?", (code, f"country/{code}")
        )
        groups.append([row[0] for row in rows])
    return [ids or [NO_MATCH] for ids in groups]


def _involves(ids: list[str], alias: str = "x") -> str:
    """An event ``e`` has a participant among ``ids``."""
    # "|| ''" keeps the ids off the actor index: one seek on (article_id, event_id) and a
    # look at the event's two or three participants beats one seek per id
    return (
        f"EXISTS (SELECT 1 FROM mention_actors {alias} WHERE {alias}.article_id = e.article_id "
        f"AND {alias}.event_id = e.event_id AND {alias}.actor_id || '' IN ({placeholders(ids)}))"
    )


def _mentions(db: Connection, ids: list[str]) -> int:
    row = db.execute(
        f"SELECT COUNT(*) FROM mention_actors WHERE actor_id IN ({placeholders(ids)})", ids
    ).fetchone()
    return int(row[0])


def _scope(db: Connection, query: EventFilter) -> Scope:
    """The events involving every actor or country named.

    A few hundred candidates (those of the first actor named, the others
    checked on each) are looked up and sorted; thousands (a common surname, a
    country) are checked one by one along the date index instead, which stops
    as soon as the page is full.
    """
    groups = _actor_groups(db, query)
    checks = Where()
    if not groups:
        return Scope(checks=checks)
    if len(groups) > 1:  # the fewest mentions drive, the other groups are checked on each
        groups.sort(key=lambda ids: _mentions(db, ids))
    first, *others = groups
    select = (
        "SELECT DISTINCT e.article_id, e.event_id FROM mention_actors e "
        f"WHERE e.actor_id IN ({placeholders(first)})"
        + "".join(f" AND {_involves(ids, f'y{n}')}" for n, ids in enumerate(others))
    )
    params = [actor for ids in groups for actor in ids]
    keys = db.execute(f"{select} LIMIT ?", [*params, WALK_AFTER + 1]).fetchall()
    if len(keys) <= WALK_AFTER:
        return Scope(candidates=[(str(k[0]), str(k[1])) for k in keys])
    for ids in groups:
        checks.add(_involves(ids), *ids)
    return Scope(checks=checks)


def _conditions(query: EventFilter, key: str) -> Where:
    """The filters other than actors, on an event ``e`` whose sort key is ``key``."""
    where = Where()
    if query.type:
        where.add("e.type = ?", query.type.upper())
    if query.status:
        where.add("e.status = ?", query.status.lower())
    if query.since:
        where.add(f"{key} >= ?", query.since)
    if query.until:
        where.add(f"{key} <= ?", query.until + MAX_CHAR)
    if query.place:
        where.add("e.location LIKE ? ESCAPE '\\'", like(query.place))
    if query.text:
        where.add(
            "(e.summary LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM event_mentions m "
            "WHERE m.article_id = e.article_id AND m.event_id = e.event_id "
            "AND m.sentence LIKE ? ESCAPE '\\'))",
            like(query.text),
            like(query.text),
        )
    return where


def _page(
    db: Connection, query: EventFilter, scope: Scope, limit: int, offset: int
) -> list[tuple[Any, ...]]:
    """(key, article_id, event_id) of the page, in the order of ``query.events``.

    Events with a date of their own and those keyed by their article's date
    are paged apart (the first along ``events_order``), then merged.
    """
    wanted = limit + offset
    dated = _conditions(query, "e.date")
    dated.add("e.date IS NOT NULL")
    undated = _conditions(query, PUBLISHED)
    undated.add("e.date IS NULL")
    if scope.candidates is not None:
        if not scope.candidates:
            return []
        articles = sorted({article_id for article_id, _ in scope.candidates})
        values = ", ".join("(?, ?)" for _ in scope.candidates)
        keys = [part for key in scope.candidates for part in key]
        for where in (dated, undated):
            # the article ids let the primary key be searched; a join on the pairs alone
            # makes SQLite build a Bloom filter over every event first
            where.add(f"e.article_id IN ({placeholders(articles)})", *articles)
            where.add(f"(e.article_id, e.event_id) IN (VALUES {values})", *keys)
    for where in (dated, undated):
        if scope.checks is not None and scope.checks.clauses:
            where.add(scope.checks.sql(), *scope.checks.params)
    rows = db.execute(
        f"""SELECT * FROM (
              SELECT * FROM (SELECT e.date AS day, e.article_id, e.event_id FROM events e
                             WHERE {dated.sql()} ORDER BY e.date, e.article_id, e.event_id LIMIT ?)
                             AS with_date
              UNION ALL
              SELECT * FROM (SELECT {PUBLISHED} AS day, e.article_id, e.event_id FROM events e
                             WHERE {undated.sql()} ORDER BY day, e.article_id, e.event_id LIMIT ?)
                             AS without_date) AS page
            ORDER BY day, article_id, event_id LIMIT ? OFFSET ?""",
        (*dated.params, wanted, *undated.params, wanted, limit, offset),
    ).fetchall()
    return list(rows)


def _rows(db: Connection, keys: list[tuple[str, str]]) -> list[EventRow]:
    """The page's rows read whole, by (article_id, event_id), in the page's order."""
    if not keys:
        return []
    values = ", ".join("(?, ?)" for _ in keys)
    # the page drives the joins: "IN (VALUES …)" lets SQLite scan every article instead
    rows = db.execute(
        f"""WITH page(article_id, event_id) AS (VALUES {values})
            SELECT e.article_id, e.event_id, a.source, a.published, e.type, e.mode,
                   e.status, e.date, e.location, e.actors, e.recipients, e.summary,
                   m.canonical_id, m.sentence
            FROM page
            JOIN events e ON e.article_id = page.article_id AND e.event_id = page.event_id
            JOIN articles a ON a.id = e.article_id
            LEFT JOIN event_mentions m ON m.article_id = e.article_id AND m.event_id = e.event_id""",
        [part for key in keys for part in key],
    ).fetchall()
    by_key = {(row[0], row[1]): _row(row) for row in rows}
    return [by_key[key] for key in keys]


def _row(r: tuple[Any, ...]) -> EventRow:
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
