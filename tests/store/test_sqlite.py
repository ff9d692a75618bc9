"""What only the SQLite backend does: one file in WAL mode, its errors and a full disk."""

import sqlite3

import pytest

from communique.errors import NotFoundError, StoreError, StoreLockedError
from communique.store import Store
from tests.factories import make_readout


def test_sqlite_store_is_in_wal_mode(tmp_path):
    Store(tmp_path / "s.db").close()
    assert sqlite3.connect(tmp_path / "s.db").execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_sqlite_store_refuses_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database " * 200)
    with pytest.raises(StoreError, match="not a communique database"):
        Store(path)
    assert path.read_text().startswith("these are my notes")


def test_sqlite_read_only_open_of_a_missing_file_says_so(tmp_path):
    with pytest.raises(NotFoundError, match="communique ingest"):
        Store(tmp_path / "missing.db", readonly=True)


def test_sqlite_full_database_raises_and_keeps_earlier_articles(tmp_path):
    """A full disk, simulated: ``max_page_count`` caps the file at its current size."""
    store = Store(tmp_path / "s.db")
    first = make_readout()
    store.add(first)
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")
    big = make_readout(text="Ministers met in Lima. " + "The talks went on. " * 20_000)
    with pytest.raises(StoreError, match="full; free disk space"):
        store.add(big)
    store.close()
    with Store(tmp_path / "s.db", readonly=True) as again:
        assert again.count() == 1
        assert again.get(first.article.id) == first


def test_sqlite_locked_database_fails_after_the_timeout(tmp_path):
    Store(tmp_path / "s.db").close()
    holder = sqlite3.connect(tmp_path / "s.db", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with (
            Store(tmp_path / "s.db", lock_timeout=0.2) as store,
            pytest.raises(StoreLockedError, match="locked by another process"),
        ):
            store.add(make_readout())
    finally:
        holder.execute("ROLLBACK")
