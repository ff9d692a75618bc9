"""The PostgreSQL backend: the same schema and migrations, for many users on one server.

``--db postgresql://USER@HOST:PORT/DATABASE`` (any libpq URL; a schema other
than ``public`` with ``?options=-csearch_path%3DNAME``). The store behaves as
on SQLite:

- one writer at a time: a write transaction takes a transaction-level
  advisory lock (per schema), waiting up to the ``lock_timeout`` setting;
- reads in one ``REPEATABLE READ`` read-only transaction see one snapshot,
  like a read transaction on SQLite in WAL mode;
- statements are SQLite's, rewritten (:mod:`communique.store.dialect`), and
  text compares by code point (``COLLATE "C"``), so that queries return the
  same rows in the same order on both engines.

Needs ``psycopg`` (3.x), imported only when a PostgreSQL URL is given.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Sequence
from typing import Any

from communique.errors import NotFoundError, StoreError, StoreLockedError, StoreReadOnlyError
from communique.store.connection import Cursor
from communique.store.dialect import POSTGRESQL, to_postgres

SCHEMES = ("postgresql://", "postgres://")
LOCK_CLASS = 7402
"""First key of the writer's advisory lock (the second is the schema's name, hashed)."""


def is_postgres(location: str) -> bool:
    return location.startswith(SCHEMES)


class PgConnection:
    """psycopg's connection behind :class:`communique.store.connection.Connection`."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Cursor:
        cursor: Cursor = self.conn.execute(to_postgres(sql), tuple(parameters))
        return cursor

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor:
        cursor = self.conn.cursor()
        rows = [tuple(row) for row in parameters]
        if rows:
            cursor.executemany(to_postgres(sql), rows)
        result: Cursor = cursor
        return result


class PostgresBackend:
    """:class:`communique.store.connection.Backend` on a PostgreSQL database."""

    dialect = POSTGRESQL

    def __init__(self, url: str, *, lock_timeout: float, readonly: bool) -> None:
        self.url = url
        self.location = safe_location(url)
        self.lock_timeout = lock_timeout
        self.readonly = readonly
        self.conn = self._connect()
        self.db = PgConnection(self.conn)
        if readonly:
            self._check_exists()

    def _connect(self) -> Any:
        try:
            import psycopg
            from psycopg.types.string import StrDumper
        except ImportError as e:
            raise StoreError(
                "a postgresql:// store needs the psycopg package: pip install 'psycopg[binary]'",
                source=self.location,
            ) from e
        check_url(self.url)
        try:
            conn = psycopg.connect(
                self.url, autocommit=True, connect_timeout=10, application_name="communique"
            )
        except psycopg.Error as e:
            raise StoreError(
                f"cannot connect to PostgreSQL: {_first_line(e)}; check the URL and that the "
                "server is running",
                source=self.location,
            ) from e
        # Strings go as text, not "unknown": no statement depends on PostgreSQL guessing.
        conn.adapters.register_dumper(str, StrDumper)
        if self.readonly:
            conn.execute("SET default_transaction_read_only = on")
        return conn

    def _check_exists(self) -> None:
        row = self.conn.execute("SELECT to_regclass('migrations')").fetchone()
        if row is None or row[0] is None:
            raise NotFoundError(
                f"no communique store in {self.location}; run 'communique ingest' first",
                source=self.location,
            )

    def begin(self, *, write: bool) -> None:
        if not write:
            self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            return
        self.conn.execute("BEGIN")
        milliseconds = max(1, int(self.lock_timeout * 1000))
        self.conn.execute(f"SET LOCAL lock_timeout = {milliseconds}")
        self.conn.execute(
            "SELECT pg_advisory_xact_lock(%s, hashtext(current_schema()))", (LOCK_CLASS,)
        )

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        with contextlib.suppress(Exception):  # a broken connection has nothing to roll back
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()

    def translate(self, error: BaseException) -> StoreError | None:
        try:
            import psycopg
        except ImportError:
            return None
        if not isinstance(error, psycopg.Error):
            return None
        return postgres_error(error, self.location)

    def size_bytes(self) -> int:
        row = self.conn.execute(
            """SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c
               JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = current_schema() AND c.relkind = 'r'"""
        ).fetchone()
        return int(row[0])


def postgres_error(error: Any, location: str) -> StoreError:
    """A one-line, actionable message for a psycopg error."""
    from psycopg import errors

    message = _first_line(error)
    if isinstance(error, errors.LockNotAvailable):
        return StoreLockedError(
            f"the database is locked by another writer ({message}); wait for it to finish, "
            "or raise the lock_timeout setting",
            source=location,
        )
    if isinstance(error, errors.ReadOnlySqlTransaction | errors.InsufficientPrivilege):
        return StoreReadOnlyError(
            f"the database is read-only for this user ({message})", source=location
        )
    if isinstance(error, errors.DiskFull | errors.OutOfMemory):
        return StoreError(
            f"cannot write the database: {message}; free disk space and rerun", source=location
        )
    if isinstance(error, errors.UndefinedTable):
        return StoreError(
            f"the database holds no (or an incomplete) communique store ({message})",
            source=location,
        )
    if isinstance(error, errors.OperationalError):
        return StoreError(f"the PostgreSQL connection failed: {message}", source=location)
    return StoreError(f"database error: {message}", source=location)


_USERINFO_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^/\s\"]*@")
_PARAMETER_PASSWORD = re.compile(r"(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s\"]*)", re.IGNORECASE)


def without_password(text: str) -> str:
    """``text`` (a URL, or a message quoting one) with any password in it masked."""
    text = _USERINFO_PASSWORD.sub(r"\1***@", text)
    return _PARAMETER_PASSWORD.sub(r"\1***", text)


def check_url(url: str) -> None:
    """Refuse a PostgreSQL URL libpq cannot parse, or whose port is not a number.

    The message quotes the URL with its password masked (libpq's own message
    would quote it whole).
    """
    from psycopg.conninfo import conninfo_to_dict

    shown = without_password(url)
    try:
        parts = conninfo_to_dict(url)
    except Exception as e:
        reason = _first_line(e)  # masked: libpq quotes the whole URL
        raise StoreError(
            f"malformed PostgreSQL URL ({reason}); expected "
            "postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE",
            source=shown,
        ) from None
    for port in str(parts.get("port") or "").split(","):
        if port and not port.isdigit():
            raise StoreError(
                f"malformed PostgreSQL URL: the port {port!r} is not a number", source=shown
            )


def safe_location(url: str) -> str:
    """``url`` without its password, for messages."""
    try:
        from psycopg.conninfo import conninfo_to_dict
    except ImportError:
        return without_password(url)
    try:
        parts = conninfo_to_dict(url)
    except Exception:
        return without_password(url)
    user = f"{parts['user']}@" if parts.get("user") else ""
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{parts.get('host', '')}{port}/{parts.get('dbname', '')}"


def _first_line(error: BaseException) -> str:
    text = without_password(str(error).strip())
    return text.splitlines()[0] if text else type(error).__name__
