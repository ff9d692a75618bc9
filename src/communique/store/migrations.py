"""Schema migrations: recorded functions, applied in order, each in one transaction.

A migration is never edited once released; a change to the schema is a new
migration appended to :data:`MIGRATIONS`. The ``migrations`` table records
what was applied and when.

One set of migrations serves SQLite and PostgreSQL: each is written in
SQLite's types, which :func:`communique.store.dialect.ddl` maps to
PostgreSQL's (``TEXT COLLATE "C"``, ``BIGINT``, ``DOUBLE PRECISION``,
``BYTEA``, an identity column for ``AUTOINCREMENT``). A migration that
needs more than a type mapping branches on the dialect it is given.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from communique.errors import MigrationError, StoreError
from communique.store.connection import Backend, Connection
from communique.store.dialect import ddl


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection, str], None]
    """Called with the connection (in the migration's transaction) and the dialect."""


def _run(db: Connection, dialect: str, script: str) -> None:
    """Statements one by one: ``executescript`` would commit the open transaction."""
    for statement in ddl(script, dialect).split(";"):
        if statement.strip():
            db.execute(statement)


def _initial(db: Connection, dialect: str) -> None:
    _run(
        db,
        dialect,
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


def _resolution(db: Connection, dialect: str) -> None:
    """Across articles: near-duplicates, the actor registry, canonical events, threads."""
    _run(
        db,
        dialect,
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


def _read_indexes(db: Connection, dialect: str) -> None:
    """Indexes for paging events on a large store (``communique.query.reports``).

    ``events_order`` walks events in date order and stops when a page is full
    (``events_type_order`` those of one type); the two covering indexes answer "the article's date" and "the events of
    these actors" without reading the wide rows (an article row holds its
    whole readout).
    """
    _run(
        db,
        dialect,
        """
        CREATE INDEX events_order ON events(date, article_id, event_id);
        CREATE INDEX events_type_order ON events(type, date, article_id, event_id);
        CREATE INDEX articles_dates ON articles(id, published);
        CREATE INDEX mention_actors_events ON mention_actors(actor_id, article_id, event_id)
        """,
    )


def _watched(db: Connection, dialect: str) -> None:
    """What ``communique watch`` has seen: one row per input path.

    The size, modification time and content hash the input had when its
    articles were stored, so that a restarted watch skips what is done.
    """
    _run(
        db,
        dialect,
        """
        CREATE TABLE watched (
            path TEXT PRIMARY KEY,
            mtime_ns INTEGER NOT NULL,
            size INTEGER NOT NULL,
            hash TEXT NOT NULL,
            articles INTEGER NOT NULL,
            failed INTEGER NOT NULL,
            seen_at TEXT NOT NULL
        )
        """,
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _initial),
    Migration(2, "across articles: registry, canonical events, threads", _resolution),
    Migration(3, "indexes for paging events on a large store", _read_indexes),
    Migration(4, "inputs seen by communique watch", _watched),
)

_TABLE = """CREATE TABLE IF NOT EXISTS migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"""


def schema_version(backend: Backend) -> int:
    """The latest migration applied (0 for an empty database), read without a write lock."""
    try:
        row = backend.db.execute("SELECT COALESCE(MAX(version), 0) FROM migrations").fetchone()
    except Exception as e:
        if backend.translate(e) is None:
            raise
        return 0  # no migrations table yet (or unreadable: the write below will tell)
    return int(row[0])


def migrate(backend: Backend) -> list[Migration]:
    """Apply the migrations the database lacks, each in its own write transaction; return them."""
    latest = MIGRATIONS[-1].version
    current = schema_version(backend)
    if current > latest:
        raise _too_new(current, latest)
    applied = []
    for migration in MIGRATIONS:
        if migration.version <= current:
            continue
        if _apply(backend, migration):
            applied.append(migration)
    return applied


def _apply(backend: Backend, migration: Migration) -> bool:
    """Apply ``migration`` unless another process did meanwhile; False when it had."""
    db = backend.db
    backend.begin(write=True)
    try:
        db.execute(ddl(_TABLE, backend.dialect))
        done = int(db.execute("SELECT COALESCE(MAX(version), 0) FROM migrations").fetchone()[0])
        if done > MIGRATIONS[-1].version:
            raise _too_new(done, MIGRATIONS[-1].version)
        if done >= migration.version:
            backend.rollback()
            return False
        migration.apply(db, backend.dialect)
        db.execute(
            "INSERT INTO migrations VALUES (?, ?, ?)",
            (migration.version, migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
        )
        backend.commit()
    except MigrationError:
        backend.rollback()
        raise
    except Exception as e:
        backend.rollback()
        translated = backend.translate(e)
        if translated is None:
            raise
        if type(translated) is not StoreError:
            raise translated from e  # locked or read-only: say so, not "migration failed"
        raise MigrationError(
            f"migration {migration.version} ({migration.name}) failed: {translated.message}"
        ) from e
    return True


def _too_new(current: int, latest: int) -> MigrationError:
    return MigrationError(
        f"the database has schema version {current}, newer than this communique ({latest}); "
        "upgrade communique"
    )
