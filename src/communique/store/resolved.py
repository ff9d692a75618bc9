"""The incremental resolve step: one stored article joined to everything stored before it.

:func:`resolve_article` runs inside the transaction that stores the article
(``Store.add(readout, then=resolve_article)``), so an article and its
resolution commit together or not at all. It

1. finds the article's near-duplicate group (MinHash bands, :mod:`communique.resolve.dedupe`);
2. resolves its actors to registry ids (:mod:`communique.store.registry`);
3. attaches its events to canonical events and records thread links
   (:mod:`communique.store.clusters`).

Each step reads indexes only, so the cost of an article does not grow with
the archive. :func:`resolve_pending` resolves stored articles that were not
(a store filled before this step existed, or after ``--rebuild`` cleared it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from communique.codec import readout_from_json
from communique.records import Readout
from communique.resolve.dedupe import BANDS, THRESHOLD, Signature, signature
from communique.store.clusters import cluster_events
from communique.store.connection import Connection
from communique.store.registry import resolve_actors
from communique.store.store import Store

MIN_BANDS = 2
"""Bands a stored article must share with a new one to be compared with it."""

BAND_LIMIT = 50
MAX_TWINS = 20
"""Articles read per band, and candidates compared at most: bounds the cost of a lookup."""

DERIVED_TABLES = (
    "resolved_articles",
    "article_bands",
    "registry",
    "registry_names",
    "actor_links",
    "actor_roles",
    "canonical_events",
    "canonical_keys",
    "canonical_actors",
    "event_mentions",
    "mention_actors",
    "thread_links",
)
"""Everything resolution writes; ``rebuild`` empties them and resolves every article again."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolution:
    """What resolving one article did."""

    article_id: str
    group_id: str
    actors: int
    events: int
    new_events: int


def resolve_article(db: Connection, readout: Readout) -> Resolution:
    """Resolve a stored article against the archive, in the caller's transaction."""
    article_id = readout.article.id
    if db.execute("SELECT 1 FROM resolved_articles WHERE article_id = ?", (article_id,)).fetchone():
        return Resolution(article_id=article_id, group_id="", actors=0, events=0, new_events=0)
    group_id = _group(db, readout)
    actor_ids = resolve_actors(db, readout)
    clustered = cluster_events(db, readout, actor_ids, group_id)
    return Resolution(
        article_id=article_id,
        group_id=group_id,
        actors=len(set(actor_ids.values())),
        events=len(clustered),
        new_events=sum(1 for c in clustered if c.new),
    )


def _group(db: Connection, readout: Readout) -> str:
    """The near-duplicate group the article joins (its own id when it has no twin)."""
    article_id = readout.article.id
    mine = signature(readout.article.text)
    best: tuple[float, str] = (0.0, article_id)
    for other in _band_candidates(db, mine):
        row = db.execute(
            "SELECT signature, group_id FROM resolved_articles WHERE article_id = ?", (other,)
        ).fetchone()
        if row is None:
            continue
        similarity = mine.similarity(Signature.from_bytes(row[0]))
        if similarity >= THRESHOLD and similarity > best[0]:
            best = (similarity, row[1])
    db.execute(
        "INSERT INTO resolved_articles VALUES (?, ?, ?, ?, ?)",
        (article_id, best[1], best[0], mine.to_bytes(), _now()),
    )
    db.executemany(
        "INSERT INTO article_bands VALUES (?, ?, ?)",
        [(band, bucket, article_id) for band, bucket in zip(range(BANDS), mine.bands, strict=True)],
    )
    return best[1]


def _band_candidates(db: Connection, mine: Signature) -> list[str]:
    """Stored articles sharing at least two bands with ``mine``, most shared first.

    A near-duplicate (similarity 0.75 and up) shares about a third of the 32
    bands; one shared band is mostly chance, and in an archive of articles
    that quote one another such chance meetings grow with the archive.
    """
    hits: Counter[str] = Counter()
    for band, bucket in enumerate(mine.bands):
        rows = db.execute(
            "SELECT article_id FROM article_bands WHERE band = ? AND bucket = ? "
            "ORDER BY article_id LIMIT ?",
            (band, bucket, BAND_LIMIT),
        )
        hits.update(row[0] for row in rows)
    return [other for other, n in hits.most_common(MAX_TWINS) if n >= MIN_BANDS]


def pending_articles(db: Connection) -> list[str]:
    """Stored articles not resolved yet, oldest publication first."""
    return [
        row[0]
        for row in db.execute(
            """SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM resolved_articles)
               ORDER BY published, ingested_at, id"""
        )
    ]


def load_readout(db: Connection, article_id: str) -> Readout:
    row = db.execute("SELECT readout FROM articles WHERE id = ?", (article_id,)).fetchone()
    return readout_from_json(row[0])


def clear_resolution(db: Connection) -> None:
    """Empty every table resolution fills (the articles and their readouts stay)."""
    for table in DERIVED_TABLES:
        db.execute(f"DELETE FROM {table}")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def resolve_stored(
    store: Store, *, rebuild: bool = False, progress: Callable[[str], None] | None = None
) -> int:
    """Resolve the stored articles not resolved yet (all of them with ``rebuild``); return how many.

    One transaction per article, like ingest: an interrupted run keeps what it
    finished and a rerun picks up the rest.
    """
    if rebuild:
        with store.transaction() as db:
            clear_resolution(db)
    with store.reading() as db:
        pending = pending_articles(db)
    for article_id in pending:
        with store.transaction() as db:
            resolve_article(db, load_readout(db, article_id))
        if progress is not None:
            progress(article_id)
    return len(pending)
