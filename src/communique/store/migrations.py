"""Schema migrations: recorded functions, applied in order, each in one transaction.

A migration is never edited once released; a change to the schema is a new
migration appended to :data:`MIGRATIONS`. The ``migrations`` table records
what was applied and when.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from communique.errors import MigrationError


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


def _run(db: sqlite3.Connection, script: str) -> None:
    """Statements one by one: ``executescript`` would commit the open transaction."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _initial(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            source TEXT,
            published TEXT,
            title TEXT,
            url TEXT,
            words INTEGER NOT NULL,
            readout TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE TABLE sources (
            source TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id),
            seen_at TEXT NOT NULL
        );
        CREATE TABLE actors (
            article_id TEXT NOT NULL REFERENCES articles(id),
            actor_id TEXT NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            country TEXT,
            sector TEXT,
            kb_id TEXT,
            mentions INTEGER NOT NULL,
            PRIMARY KEY (article_id, actor_id)
        );
        CREATE INDEX actors_name ON actors(name);
        CREATE TABLE places (
            article_id TEXT NOT NULL REFERENCES articles(id),
            place_id TEXT NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            country TEXT,
            lat REAL,
            lon REAL,
            geonameid INTEGER,
            PRIMARY KEY (article_id, place_id)
        );
        CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles(id),
            event_id TEXT NOT NULL,
            type TEXT NOT NULL,
            mode TEXT,
            cameo TEXT,
            status TEXT NOT NULL,
            date TEXT,
            date_basis TEXT,
            location TEXT,
            actors TEXT NOT NULL,
            recipients TEXT NOT NULL,
            summary TEXT,
            PRIMARY KEY (article_id, event_id)
        );
        CREATE INDEX events_type ON events(type);
        CREATE INDEX events_date ON events(date);
        CREATE TABLE quotes (
            article_id TEXT NOT NULL REFERENCES articles(id),
            quote_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT,
            speaker_name TEXT,
            channel TEXT,
            PRIMARY KEY (article_id, quote_id)
        );
        CREATE INDEX quotes_speaker ON quotes(speaker_name);
        CREATE TABLE failures (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL,
            stage TEXT NOT NULL,
            error TEXT NOT NULL,
            time TEXT NOT NULL
        );
        """,
    )


def _resolution(db: sqlite3.Connection) -> None:
    """Across articles: near-duplicates, the actor registry, canonical events, threads."""
    _run(
        db,
        """
        CREATE TABLE resolved_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            group_id TEXT NOT NULL,
            similarity REAL NOT NULL,
            signature BLOB NOT NULL,
            resolved_at TEXT NOT NULL
        );
        CREATE INDEX resolved_articles_group ON resolved_articles(group_id);
        CREATE TABLE article_bands (
            band INTEGER NOT NULL,
            bucket INTEGER NOT NULL,
            article_id TEXT NOT NULL
        );
        CREATE INDEX article_bands_bucket ON article_bands(band, bucket);
        CREATE TABLE registry (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            country TEXT,
            sector TEXT,
            kb_id TEXT,
            surname TEXT NOT NULL,
            articles INTEGER NOT NULL,
            first_seen TEXT,
            last_seen TEXT
        );
        CREATE INDEX registry_kb ON registry(kb_id);
        CREATE INDEX registry_surname ON registry(kind, surname);
        CREATE INDEX registry_name ON registry(name);
        CREATE TABLE registry_names (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (kind, key, actor_id)
        );
        CREATE INDEX registry_names_actor ON registry_names(actor_id);
        CREATE TABLE actor_links (
            article_id TEXT NOT NULL REFERENCES articles(id),
            local_id TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            how TEXT NOT NULL,
            PRIMARY KEY (article_id, local_id)
        );
        CREATE INDEX actor_links_actor ON actor_links(actor_id);
        CREATE TABLE actor_roles (
            actor_id TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id),
            title TEXT NOT NULL,
            organization TEXT,
            country TEXT,
            seen TEXT,
            source TEXT NOT NULL,
            start_char INTEGER,
            end_char INTEGER
        );
        CREATE INDEX actor_roles_actor ON actor_roles(actor_id, seen);
        CREATE TABLE canonical_events (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            mode TEXT,
            status TEXT NOT NULL,
            date TEXT,
            date_disputed INTEGER NOT NULL,
            location TEXT,
            location_disputed INTEGER NOT NULL,
            participants TEXT NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            mentions INTEGER NOT NULL,
            articles INTEGER NOT NULL,
            sources INTEGER NOT NULL,
            thread INTEGER NOT NULL,
            summary TEXT NOT NULL,
            state TEXT NOT NULL
        );
        CREATE INDEX canonical_events_date ON canonical_events(date);
        CREATE INDEX canonical_events_type ON canonical_events(type, date);
        CREATE INDEX canonical_events_thread ON canonical_events(thread, last_seen);
        CREATE TABLE canonical_keys (
            type TEXT NOT NULL,
            key TEXT NOT NULL,
            month TEXT NOT NULL,
            canonical_id TEXT NOT NULL
        );
        CREATE INDEX canonical_keys_lookup ON canonical_keys(type, key, month);
        CREATE INDEX canonical_keys_event ON canonical_keys(canonical_id);
        CREATE TABLE canonical_actors (
            canonical_id TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            PRIMARY KEY (canonical_id, actor_id)
        );
        CREATE INDEX canonical_actors_actor ON canonical_actors(actor_id);
        CREATE TABLE event_mentions (
            article_id TEXT NOT NULL REFERENCES articles(id),
            event_id TEXT NOT NULL,
            canonical_id TEXT NOT NULL,
            group_id TEXT NOT NULL,
            score REAL,
            status TEXT NOT NULL,
            date TEXT,
            published TEXT,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            sentence TEXT NOT NULL,
            PRIMARY KEY (article_id, event_id)
        );
        CREATE INDEX event_mentions_canonical ON event_mentions(canonical_id, published);
        CREATE INDEX event_mentions_article ON event_mentions(canonical_id, article_id);
        CREATE INDEX event_mentions_group ON event_mentions(canonical_id, group_id);
        CREATE TABLE mention_actors (
            article_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            PRIMARY KEY (article_id, event_id, actor_id)
        );
        CREATE INDEX mention_actors_actor ON mention_actors(actor_id);
        CREATE TABLE thread_links (
            from_id TEXT NOT NULL,
            to_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id),
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            evidence TEXT NOT NULL,
            PRIMARY KEY (from_id, to_id, kind, article_id)
        );
        CREATE INDEX thread_links_to ON thread_links(to_id);
        """,
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _initial),
    Migration(2, "across articles: registry, canonical events, threads", _resolution),
)


def migrate(db: sqlite3.Connection) -> list[Migration]:
    """Apply the migrations ``db`` lacks; return those applied."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    current = db.execute("SELECT COALESCE(MAX(version), 0) FROM migrations").fetchone()[0]
    latest = MIGRATIONS[-1].version
    if current > latest:
        raise MigrationError(
            f"the database has schema version {current}, newer than this communique ({latest}); upgrade communique"
        )
    applied = []
    for migration in MIGRATIONS:
        if migration.version <= current:
            continue
        try:
            db.execute("BEGIN IMMEDIATE")
            migration.apply(db)
            db.execute(
                "INSERT INTO migrations VALUES (?, ?, ?)",
                (
                    migration.version,
                    migration.name,
                    datetime.now(UTC).isoformat(timespec="seconds"),
                ),
            )
            db.execute("COMMIT")
        except sqlite3.Error as e:
            db.execute("ROLLBACK")
            raise MigrationError(
                f"migration {migration.version} ({migration.name}) failed: {e}"
            ) from e
        applied.append(migration)
    return applied
