"""The default backend: one SQLite file in WAL mode.

Readers never block the writer nor each other (WAL); a read transaction sees
one snapshot however long it runs. One writer at a time: a write transaction
starts with ``BEGIN IMMEDIATE``, which waits up to the lock timeout for
another writer to finish, then fails with a clear message.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from communique.errors import NotFoundError, StoreError, StoreLockedError, StoreReadOnlyError
from communique.store.dialect import SQLITE


class SqliteBackend:
    """:class:`communique.store.connection.Backend` on a SQLite file."""

    dialect = SQLITE

    def __init__(self, path: Path, *, lock_timeout: float, readonly: bool) -> None:
        self.path = path
        self.location = str(path)
        self.db = self._connect(lock_timeout, readonly)

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
            raise sqlite_error(e, self.path) from e
        return db

    def begin(self, *, write: bool) -> None:
        # A deferred BEGIN takes its snapshot at the first read and keeps it to the end.
        self.db.execute("BEGIN IMMEDIATE" if write else "BEGIN")

    def commit(self) -> None:
        self.db.execute("COMMIT")

    def rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def close(self) -> None:
        self.db.close()

    def translate(self, error: BaseException) -> StoreError | None:
        return sqlite_error(error, self.path) if isinstance(error, sqlite3.Error) else None

    def size_bytes(self) -> int:
        files = [self.path, *(self.path.with_name(self.path.name + s) for s in ("-wal", "-shm"))]
        return sum(f.stat().st_size for f in files if f.exists())


def sqlite_error(error: sqlite3.Error, path: Path) -> StoreError:
    """A one-line, actionable message for a SQLite error."""
    message = str(error)
    lowered = message.lower()
    if "locked" in lowered or "busy" in lowered:
        return StoreLockedError(
            f"the database is locked by another process ({message}); wait for it to finish, "
            "or raise the lock_timeout setting",
            source=str(path),
        )
    if "readonly" in lowered or "read-only" in lowered:
        return StoreReadOnlyError(
            f"the database is read-only ({message}); check the permissions of the file "
            "and its folder",
            source=str(path),
        )
    if "disk is full" in lowered or "disk i/o" in lowered:
        return StoreError(
            f"cannot write the database: {message}; free disk space and rerun", source=str(path)
        )
    if "unable to open" in lowered and _unwritable(path):
        return StoreReadOnlyError(
            f"the database is read-only ({message}): the file or its folder cannot be written "
            "(a read-only mount or permissions), and SQLite writes beside the file",
            source=str(path),
        )
    if "unable to open" in lowered:
        return StoreError(
            f"cannot open the database ({message}); check the path and permissions",
            source=str(path),
        )
    if "not a database" in lowered or "malformed" in lowered:
        return StoreError(f"the file is not a communique database ({message})", source=str(path))
    return StoreError(f"database error: {message}", source=str(path))


def _unwritable(path: Path) -> bool:
    """An existing database whose file or folder cannot be written (read-only mount, modes)."""
    return path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))
