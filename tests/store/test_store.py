import sqlite3

import pytest

from communique.errors import MigrationError, NotFoundError, StoreError
from communique.records import Failure
from communique.store import Store
from communique.store.migrations import MIGRATIONS
from tests.factories import make_readout


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "s.db") as opened:
        yield opened


def test_store_add_keeps_the_readout_and_its_rows(store):
    readout = make_readout()
    assert store.add(readout) is True
    assert store.get(readout.article.id) == readout
    assert store.get(readout.article.id[:6]) == readout
    assert (
        store.count("actors"),
        store.count("events"),
        store.count("quotes"),
        store.count("places"),
    ) == (2, 1, 1, 1)


def test_store_add_twice_is_a_no_op(store):
    readout = make_readout()
    store.add(readout)
    assert store.add(readout) is False
    assert store.count() == 1
    assert store.count("actors") == 2


def test_store_remembers_each_source(store):
    readout = make_readout(source="first.txt")
    store.add(readout)
    store.add(make_readout(source="copy.txt"))
    assert store.source_article("first.txt") == readout.article.id
    assert store.source_article("copy.txt") == readout.article.id


def test_store_lists_articles_with_counts(store):
    store.add(make_readout())
    (row,) = store.articles()
    assert (row.actors, row.events, row.quotes, row.words) == (2, 1, 1, 9)


def test_store_keeps_failures(store):
    store.add_failure(
        Failure(
            source="bad.txt", stage="read", error="input is empty", time="2025-01-01T00:00:00+00:00"
        )
    )
    (failure,) = store.failures()
    assert failure.source == "bad.txt" and failure.stage == "read"


def test_store_get_unknown_id_raises_not_found(store):
    with pytest.raises(NotFoundError):
        store.get("ffff")


def test_store_records_migrations(tmp_path):
    Store(tmp_path / "s.db").close()
    db = sqlite3.connect(tmp_path / "s.db")
    versions = [row[0] for row in db.execute("SELECT version FROM migrations")]
    assert versions == [m.version for m in MIGRATIONS]
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_refuses_a_newer_schema(tmp_path):
    Store(tmp_path / "s.db").close()
    db = sqlite3.connect(tmp_path / "s.db")
    db.execute("INSERT INTO migrations VALUES (999, 'future', 'now')")
    db.commit()
    with pytest.raises(MigrationError, match="newer"):
        Store(tmp_path / "s.db")


def test_store_refuses_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database " * 200)
    with pytest.raises(StoreError, match="not a communique database"):
        Store(path)
    assert path.read_text().startswith("these are my notes")


def test_store_read_only_open_of_a_missing_file_says_so(tmp_path):
    with pytest.raises(NotFoundError, match="communique ingest"):
        Store(tmp_path / "missing.db", readonly=True)


def test_store_failed_write_keeps_earlier_articles(store, monkeypatch):
    first = make_readout()
    store.add(first)
    second = make_readout(text="Ministers of Chile and Peru met in Lima on Tuesday.")

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "_index", broken)
    with pytest.raises(StoreError, match="disk"):
        store.add(second)
    assert store.count() == 1
    assert store.get(first.article.id) == first
