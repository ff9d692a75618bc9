"""What the store's code needs of a database connection, whichever the engine.

:class:`sqlite3.Connection` is one as it is; on PostgreSQL,
:class:`communique.store.postgres.PgConnection` wraps psycopg's connection and
rewrites each statement (:mod:`communique.store.dialect`). A
:class:`Backend` opens the connection and knows the engine's transactions and
errors.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from communique.errors import StoreError


class Cursor(Protocol):
    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """``execute`` and ``executemany`` with ``?`` parameters, as :mod:`sqlite3` has them."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor: ...


class Backend(Protocol):
    """One open database: its connection, transactions and error messages."""

    dialect: str
    location: str
    """Where the store is, for messages (a PostgreSQL URL without its password)."""

    @property
    def db(self) -> Connection: ...

    def begin(self, *, write: bool) -> None:
        """Start a transaction: a write one takes the store's single writer lock."""

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def close(self) -> None: ...

    def translate(self, error: BaseException) -> StoreError | None:
        """The store error for a driver error (None when ``error`` is not one)."""

    def size_bytes(self) -> int:
        """Space the store takes on disk."""
