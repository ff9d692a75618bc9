"""What only the PostgreSQL backend does: connection errors, the writer lock, the password."""

import psycopg
import pytest

from communique.errors import NotFoundError, StoreError, StoreLockedError
from communique.store import Store
from communique.store.postgres import LOCK_CLASS, safe_location, without_password
from tests.conftest import EXAMPLES
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


@pytest.fixture()
def pg_store():
    with postgres_schema() as url, Store(url) as store:
        yield store


def test_postgres_second_writer_waits_then_fails(pg_store):
    store = pg_store
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


def test_postgres_malformed_url_says_so_without_the_password():
    with pytest.raises(StoreError) as raised:
        Store("postgresql://ann:secret@[::1/news")
    assert "malformed PostgreSQL URL" in str(raised.value)
    assert "postgresql://ann:***@[::1/news" in str(raised.value)
    assert "secret" not in str(raised.value)


def test_postgres_port_that_is_not_a_number_is_refused():
    with pytest.raises(StoreError, match="the port 'fivefour' is not a number"):
        Store("postgresql://ann@db.example:fivefour/news")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("postgresql://ann:s3cr@t@db/news", "postgresql://ann:***@db/news"),
        ("postgresql://db/news?password=s3cret&sslmode=off", "postgresql://db/news?password=***&sslmode=off"),
        ("host=db password='it\\'s' dbname=news", "host=db password=*** dbname=news"),
        ("postgresql://ann@db/news", "postgresql://ann@db/news"),
    ],
)  # fmt: skip
def test_postgres_messages_mask_any_password(text, shown):
    assert without_password(text) == shown


def test_cli_names_an_unreachable_server_without_its_password():
    from typer.testing import CliRunner

    from communique.interfaces.cli.app import app

    for command in (["events"], ["ingest", str(EXAMPLES / "articles")]):
        result = CliRunner().invoke(
            app, [*command, "--db", "postgresql://ann:s3cret@127.0.0.1:1/news"]
        )
        assert result.exit_code == 4, result.output
        assert "postgresql://ann@127.0.0.1:1/news: cannot connect to PostgreSQL" in result.output
        assert "s3cret" not in result.output


def test_postgres_store_where_hides_the_password():
    with postgres_schema() as url:
        user, rest = url.split("://", 1)[1].split("@", 1)
        with Store(f"postgresql://{user}:s3cret@{rest}") as store:
            assert store.where.startswith(f"postgresql://{user}@")
            assert "s3cret" not in store.where


def test_sqlite_store_where_is_the_file(tmp_path):
    with Store(tmp_path / "s.db") as store:
        assert store.where == str(tmp_path / "s.db")
