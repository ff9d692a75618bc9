"""Where tests put a store: a SQLite file, or a fresh schema on the test PostgreSQL server.

PostgreSQL tests need ``COMMUNIQUE_TEST_POSTGRES`` (a libpq URL of a database
the tests may create schemas in); ``scripts/ci/start_postgres.sh`` starts a
server on loopback and prints it. Without it they skip, saying so.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import pytest

ENV = "COMMUNIQUE_TEST_POSTGRES"
BACKENDS = ("sqlite", pytest.param("postgres", marks=pytest.mark.postgres))


def postgres_url() -> str:
    url = os.environ.get(ENV, "")
    if not url:
        pytest.skip(
            f"{ENV} is not set: start a server with "
            "'eval \"$(bash scripts/ci/start_postgres.sh)\"' to run the PostgreSQL tests"
        )
    return url


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A store URL whose tables live in a new, empty schema; the schema is dropped after."""
    import psycopg

    url = postgres_url()
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in url else "?"
    try:
        yield f"{url}{joiner}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@contextmanager
def store_location(backend: str, folder) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Where a store of ``backend`` goes (a file under ``folder`` for SQLite)."""
    if backend == "sqlite":
        yield str(folder / "s.db")
        return
    with postgres_schema() as url:
        yield url
