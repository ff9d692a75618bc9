"""The default store: one SQLite file in WAL mode, one transaction per article.

Readouts are kept whole (JSON) beside flat tables of their actors, places,
events and quotes for queries. An article is identified by the hash of its
cleaned text, so storing the same article twice is a no-op, and a batch killed
midway leaves every article it finished stored exactly once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from communique.codec import readout_from_json, readout_to_json
from communique.errors import NotFoundError, StoreError, StoreLockedError, StoreReadOnlyError
from communique.records import Failure, Readout
from communique.store.migrations import migrate


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredArticle:
    """One row of ``communique articles``."""

    id: str
    source: str | None
    published: str | None
    title: str | None
    words: int
    ingested_at: str
    actors: int
    events: int
    quotes: int


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A communique store on SQLite. Use as a context manager or call :meth:`close`."""

    def __init__(
        self, path: str | Path, *, lock_timeout: float = 30.0, readonly: bool = False
    ) -> None:
        self.path = Path(path)
        self._db = self._connect(lock_timeout, readonly)
        if not readonly:
            with self._translated():
                migrate(self._db)

    def _connect(self, lock_timeout: float, readonly: bool) -> sqlite3.Connection:
        if readonly and not self.path.exists():
            raise NotFoundError(
                f"no store at {self.path}; run 'communique ingest' first", source=str(self.path)
            )
        try:
            uri = f"file:{self.path}?mode=ro" if readonly else f"file:{self.path}"
            db = sqlite3.connect(
                uri, uri=True, timeout=lock_timeout, isolation_level=None, check_same_thread=False
            )
            db.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as e:
            raise _store_error(e, self.path) from e
        return db

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as e:
            raise _store_error(e, self.path) from e

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection for the query layer's reads, with errors translated."""
        with self._translated():
            yield self._db

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._translated():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # -- writes -------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        with self._translated():
            return (
                self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
                is not None
            )

    def add(
        self,
        readout: Readout,
        *,
        then: Callable[[sqlite3.Connection, Readout], object] | None = None,
    ) -> bool:
        """Store a readout; False when the article was already stored.

        ``then`` runs in the same transaction once the article is stored (the
        resolve step), so that both commit together or not at all.
        """
        article = readout.article
        with self.transaction() as db:
            if db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
                self._note_source(db, article.source, article.id)
                return False
            db.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    article.source,
                    article.published,
                    article.title,
                    article.url,
                    len(article.text.split()),
                    readout_to_json(readout),
                    _now(),
                ),
            )
            self._index(db, readout)
            self._note_source(db, article.source, article.id)
            if then is not None:
                then(db, readout)
        return True

    def add_failure(self, failure: Failure) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO failures (source, stage, error, time) VALUES (?, ?, ?, ?)",
                (failure.source, failure.stage, failure.error, failure.time or _now()),
            )

    def _note_source(self, db: sqlite3.Connection, source: str | None, article_id: str) -> None:
        if source:
            db.execute(
                "INSERT INTO sources VALUES (?, ?, ?) ON CONFLICT(source) DO UPDATE SET article_id = excluded.article_id, seen_at = excluded.seen_at",
                (source, article_id, _now()),
            )

    def _index(self, db: sqlite3.Connection, readout: Readout) -> None:
        aid = readout.article.id
        names = {actor.id: actor.name for actor in readout.actors}
        places = {place.id: place.name for place in readout.places}
        db.executemany(
            "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (aid, a.id, a.name, a.kind.value, a.country, a.sector, a.kb_id, len(a.mentions))
                for a in readout.actors
            ],
        )
        db.executemany(
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (aid, p.id, p.name, p.kind.value, p.country, p.lat, p.lon, p.geonameid)
                for p in readout.places
            ],
        )
        db.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    aid,
                    e.id,
                    e.type.value,
                    e.mode,
                    e.cameo,
                    e.status.value,
                    e.date.value if e.date else None,
                    e.date.basis.value if e.date else None,
                    places.get(e.location, e.location) if e.location else None,
                    json.dumps([names.get(x, x) for x in e.actors], ensure_ascii=False),
                    json.dumps([names.get(x, x) for x in e.recipients], ensure_ascii=False),
                    e.summary,
                )
                for e in readout.events
            ],
        )
        db.executemany(
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    aid,
                    q.id,
                    q.kind.value,
                    q.text,
                    q.speaker,
                    names.get(q.speaker) if q.speaker else None,
                    q.channel,
                )
                for q in readout.quotes
            ],
        )

    # -- reads --------------------------------------------------------------

    def get(self, article_id: str) -> Readout:
        """The readout of an article, by id or unique id prefix."""
        with self._translated():
            rows = self._db.execute(
                "SELECT readout FROM articles WHERE id LIKE ? || '%' LIMIT 2", (article_id,)
            ).fetchall()
        if not rows:
            raise NotFoundError(f"no article with id {article_id!r} in the store")
        if len(rows) > 1:
            raise NotFoundError(
                f"id prefix {article_id!r} matches more than one article; give more characters"
            )
        return readout_from_json(rows[0][0])

    def readouts(self) -> Iterator[Readout]:
        with self._translated():
            cursor = self._db.execute("SELECT readout FROM articles ORDER BY published, id")
            for (text,) in cursor:
                yield readout_from_json(text)

    def articles(self, *, limit: int | None = None, offset: int = 0) -> list[StoredArticle]:
        sql = """
            SELECT a.id, a.source, a.published, a.title, a.words, a.ingested_at,
                   (SELECT COUNT(*) FROM actors WHERE article_id = a.id),
                   (SELECT COUNT(*) FROM events WHERE article_id = a.id),
                   (SELECT COUNT(*) FROM quotes WHERE article_id = a.id)
            FROM articles a ORDER BY a.published, a.id LIMIT ? OFFSET ?
        """
        with self._translated():
            rows = self._db.execute(sql, (-1 if limit is None else limit, offset)).fetchall()
        return [
            StoredArticle(
                id=r[0],
                source=r[1],
                published=r[2],
                title=r[3],
                words=r[4],
                ingested_at=r[5],
                actors=r[6],
                events=r[7],
                quotes=r[8],
            )
            for r in rows
        ]

    def count(self, table: str = "articles") -> int:
        if table not in {"articles", "actors", "places", "events", "quotes", "failures", "sources"}:
            raise ValueError(f"unknown table {table!r}")
        with self._translated():
            return int(self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def failures(self, *, limit: int | None = None) -> list[Failure]:
        with self._translated():
            rows = self._db.execute(
                "SELECT source, stage, error, time FROM failures ORDER BY id DESC LIMIT ?",
                (-1 if limit is None else limit,),
            ).fetchall()
        return [Failure(source=r[0], stage=r[1], error=r[2], time=r[3]) for r in rows]

    def source_article(self, source: str) -> str | None:
        with self._translated():
            row = self._db.execute(
                "SELECT article_id FROM sources WHERE source = ?", (source,)
            ).fetchone()
        return row[0] if row else None


def _store_error(error: sqlite3.Error, path: Path) -> StoreError:
    message = str(error)
    lowered = message.lower()
    if "locked" in lowered or "busy" in lowered:
        return StoreLockedError(
            f"the database is locked by another process ({message})", source=str(path)
        )
    if "readonly" in lowered or "read-only" in lowered:
        return StoreReadOnlyError(f"the database is read-only ({message})", source=str(path))
    if "disk is full" in lowered or "disk i/o" in lowered:
        return StoreError(
            f"cannot write the database: {message}; free disk space and rerun", source=str(path)
        )
    if "unable to open" in lowered:
        return StoreError(
            f"cannot open the database ({message}); check the path and permissions",
            source=str(path),
        )
    if "not a database" in lowered or "malformed" in lowered:
        return StoreError(f"the file is not a communique database ({message})", source=str(path))
    return StoreError(f"database error: {message}", source=str(path))
