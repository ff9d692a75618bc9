"""The store: readouts kept whole and as flat tables, one transaction per article.

Readouts are kept whole (JSON) beside flat tables of their actors, places,
events and quotes for queries. An article is identified by the hash of its
cleaned text, so storing the same article twice is a no-op, and a batch killed
midway leaves every article it finished stored exactly once.

The same class serves SQLite (a file path, the default) and PostgreSQL (a
``postgresql://`` URL); :mod:`communique.store.sqlite` and
:mod:`communique.store.postgres` hold what differs. Reads that take several
statements run in one read transaction (:meth:`Store.reading`), so that they
see one snapshot while an ingest writes. A Store may be shared by threads:
they take turns (one lock per Store); for parallel reads open one per thread.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from communique.codec import readout_from_json, readout_to_json
from communique.errors import NotFoundError, StoreError
from communique.records import Failure, Readout
from communique.store.connection import Backend, Connection
from communique.store.migrations import migrate
from communique.store.postgres import PostgresBackend, is_postgres
from communique.store.sqlite import SqliteBackend

TABLES = frozenset({"articles", "actors", "places", "events", "quotes", "failures", "sources"})
NO_LIMIT = 2**62
"""``LIMIT`` for "all rows": SQLite wants a LIMIT before an OFFSET, PostgreSQL no negative one."""
READ_CHUNK = 200
"""Readouts fetched per statement by :meth:`Store.readouts`."""


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


def open_backend(location: str | Path, *, lock_timeout: float, readonly: bool) -> Backend:
    """The backend for ``location``: a ``postgresql://`` URL, else a SQLite file path."""
    if is_postgres(str(location)):
        return PostgresBackend(str(location), lock_timeout=lock_timeout, readonly=readonly)
    return SqliteBackend(Path(location), lock_timeout=lock_timeout, readonly=readonly)


class Store:
    """A communique store. Use as a context manager or call :meth:`close`."""

    def __init__(
        self, path: str | Path, *, lock_timeout: float = 30.0, readonly: bool = False
    ) -> None:
        self.location = str(path)
        """What was given: a file path or a PostgreSQL URL (pass it to reopen the store)."""
        self.path = Path(path)
        """The SQLite file (meaningless for PostgreSQL: use :attr:`location`)."""
        self.backend = open_backend(path, lock_timeout=lock_timeout, readonly=readonly)
        self.dialect = self.backend.dialect
        self._db: Connection = self.backend.db
        self._lock = threading.RLock()
        self._depth = 0
        self._writing = False
        if not readonly:
            try:
                with self._lock, self._translated():
                    migrate(self.backend)
            except BaseException:
                self.backend.close()
                raise

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def where(self) -> str:
        """Where the store is, for messages: the file, or the URL without its password."""
        return self.backend.location

    def close(self) -> None:
        self.backend.close()

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except StoreError:
            raise
        except Exception as e:
            translated = self.backend.translate(e)
            if translated is None:
                raise
            raise translated from e

    @contextmanager
    def _session(self, *, write: bool) -> Iterator[Connection]:
        """A transaction (nested calls join the open one), errors translated."""
        with self._lock, self._translated():
            if self._depth:
                if write and not self._writing:
                    raise StoreError("cannot write inside a read transaction (a bug)")
                self._depth += 1
                try:
                    yield self._db
                finally:
                    self._depth -= 1
                return
            self._depth, self._writing = 1, write
            try:
                self.backend.begin(write=write)
                yield self._db
            except BaseException:
                self.backend.rollback()
                raise
            else:
                self.backend.commit()
            finally:
                self._depth, self._writing = 0, False

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read transaction for the query layer: one snapshot however many statements."""
        with self._session(write=False) as db:
            yield db

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction: the store's one writer, committed or rolled back whole."""
        with self._session(write=True) as db:
            yield db

    @contextmanager
    def _single(self) -> Iterator[Connection]:
        """One statement needs no transaction of its own: it is atomic."""
        with self._lock, self._translated():
            yield self._db

    # -- writes -------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        with self._single() as db:
            row = db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def add(
        self,
        readout: Readout,
        *,
        then: Callable[[Connection, Readout], object] | None = None,
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

    def _note_source(self, db: Connection, source: str | None, article_id: str) -> None:
        if source:
            db.execute(
                "INSERT INTO sources VALUES (?, ?, ?) ON CONFLICT(source) DO UPDATE SET "
                "article_id = excluded.article_id, seen_at = excluded.seen_at",
                (source, article_id, _now()),
            )

    def _index(self, db: Connection, readout: Readout) -> None:
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
        with self._single() as db:
            rows = db.execute(
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
        """Every readout, by publication date, from one snapshot; memory stays flat.

        The ids come first (small), then the readouts a chunk at a time: a
        PostgreSQL cursor would otherwise hold every row in memory.
        """
        with self.reading() as db:
            ids = [row[0] for row in db.execute("SELECT id FROM articles ORDER BY published, id")]
            for start in range(0, len(ids), READ_CHUNK):
                chunk = ids[start : start + READ_CHUNK]
                marks = ",".join("?" * len(chunk))
                found = dict(
                    db.execute(f"SELECT id, readout FROM articles WHERE id IN ({marks})", chunk)
                )
                for article_id in chunk:
                    yield readout_from_json(found[article_id])

    def articles(self, *, limit: int | None = None, offset: int = 0) -> list[StoredArticle]:
        sql = """
            SELECT a.id, a.source, a.published, a.title, a.words, a.ingested_at,
                   (SELECT COUNT(*) FROM actors WHERE article_id = a.id),
                   (SELECT COUNT(*) FROM events WHERE article_id = a.id),
                   (SELECT COUNT(*) FROM quotes WHERE article_id = a.id)
            FROM articles a ORDER BY a.published, a.id LIMIT ? OFFSET ?"""
        with self._single() as db:
            rows = db.execute(sql, (NO_LIMIT if limit is None else limit, offset)).fetchall()
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
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}")
        with self._single() as db:
            return int(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def failures(self, *, limit: int | None = None) -> list[Failure]:
        with self._single() as db:
            rows = db.execute(
                "SELECT source, stage, error, time FROM failures ORDER BY id DESC LIMIT ?",
                (NO_LIMIT if limit is None else limit,),
            ).fetchall()
        return [Failure(source=r[0], stage=r[1], error=r[2], time=r[3]) for r in rows]

    def source_article(self, source: str) -> str | None:
        with self._single() as db:
            row = db.execute(
                "SELECT article_id FROM sources WHERE source = ?", (source,)
            ).fetchone()
        return row[0] if row else None

    def size_bytes(self) -> int:
        """Space the store takes on disk (the SQLite files, or the PostgreSQL tables)."""
        with self._single():
            return self.backend.size_bytes()
