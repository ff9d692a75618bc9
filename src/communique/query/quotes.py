"""Quotes by speaker across articles: the speaker resolved through the actor registry."""

from __future__ import annotations

from communique.query.filters import Where, actor_ids, date_bounds, like, placeholders
from communique.query.rows import ActorRef, QuoteRow
from communique.store import Store


def quotes(
    store: Store,
    *,
    speaker: str | None = None,
    text: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[QuoteRow]:
    """Quotes, oldest first; ``speaker`` is any name the registry knows the speaker by."""
    with store.reading() as db:
        where = Where()
        if speaker:
            ids = actor_ids(db, speaker)
            where.add(
                f"(r.id IN ({placeholders(ids)}) OR (r.id IS NULL AND q.speaker_name LIKE ? ESCAPE '\\'))",
                *ids,
                like(speaker),
            )
        if text:
            where.add("q.text LIKE ? ESCAPE '\\'", like(text))
        date_bounds(where, "a.published", since, until)
        rows = db.execute(
            f"""SELECT q.article_id, q.quote_id, a.source, a.published, q.kind, q.text,
                       r.id, COALESCE(r.name, q.speaker_name), r.country, q.speaker_name, q.channel
                FROM quotes q JOIN articles a ON a.id = q.article_id
                LEFT JOIN actor_links l ON l.article_id = q.article_id AND l.local_id = q.speaker
                LEFT JOIN registry r ON r.id = l.actor_id
                WHERE {where.sql()}
                ORDER BY a.published, q.article_id, q.quote_id LIMIT ? OFFSET ?""",
            (*where.params, limit, offset),
        ).fetchall()
    return [
        QuoteRow(
            article_id=r[0],
            quote_id=r[1],
            source=r[2],
            published=r[3],
            kind=r[4],
            text=r[5],
            speaker=ActorRef(id=r[6], name=r[7], country=r[8]) if r[6] else None,
            speaker_text=r[9],
            channel=r[10],
        )
        for r in rows
    ]
