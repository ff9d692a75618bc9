"""What only the PostgreSQL backend does: connection errors, the writer lock, the password."""

import psycopg
import pytest

from communique.errors import NotFoundError, StoreError, StoreLockedError
from communique.store import Store
from communique.store.postgres import LOCK_CLASS, safe_location
from tests.factories import make_readout
from tests.store.backends import postgres_schema

pytestmark = pytest.mark.postgres


def test_postgres_unreachable_server_says_so():
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL"):
        Store("postgresql://nobody@127.0.0.1:1/none")


def test_postgres_location_hides_the_password():
    assert safe_location("postgresql://ann:secret@db.example:5433/news") == (
        "postgresql://ann@db.example:5433/news"
    )


def test_postgres_read_only_open_of_an_empty_schema_says_so():
    with postgres_schema() as url, pytest.raises(NotFoundError, match="communique ingest"):
        Store(url, readonly=True)


def test_postgres_second_writer_waits_then_fails(store):
    if store.dialect != "postgresql":
        pytest.skip("PostgreSQL only")
    with psycopg.connect(store.backend.url, autocommit=True) as holder:
        holder.execute("BEGIN")
        holder.execute(
            "SELECT pg_advisory_xact_lock(%s, hashtext(current_schema()))", (LOCK_CLASS,)
        )
        store.backend.lock_timeout = 0.2
        with pytest.raises(StoreLockedError, match="locked by another writer"):
            store.add(make_readout())
        holder.execute("ROLLBACK")
    assert store.add(make_readout()) is True
