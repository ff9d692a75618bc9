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


MIGRATIONS: tuple[Migration, ...] = (Migration(1, "initial schema", _initial),)


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
