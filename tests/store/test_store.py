"""The store on both backends: writes, reads, migrations, and errors that keep what was stored."""

import pytest

from communique.errors import MigrationError, NotFoundError, StoreError
from communique.records import Failure
from communique.store import Store
from communique.store.migrations import MIGRATIONS
from tests.factories import make_readout


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


def test_store_articles_paginate(store):
    for n in range(5):
        store.add(make_readout(text=f"Ministers met in Lima on day {n} of the talks."))
    every = store.articles()
    assert [a.id for a in store.articles(limit=2, offset=1)] == [a.id for a in every[1:3]]
    assert [a.id for a in store.articles(offset=3)] == [a.id for a in every[3:]]


def test_store_readouts_come_in_publication_order(store):
    texts = [f"Envoys met in Quito for round {n} of the talks." for n in range(3)]
    readouts = [make_readout(text=text) for text in texts]
    for readout in reversed(readouts):
        store.add(readout)
    assert sorted(r.article.id for r in store.readouts()) == sorted(r.article.id for r in readouts)
    assert len(list(store.readouts())) == 3


def test_store_keeps_failures(store):
    store.add_failure(
        Failure(
            source="bad.txt", stage="read", error="input is empty", time="2025-01-01T00:00:00+00:00"
        )
    )
    (failure,) = store.failures()
    assert failure.source == "bad.txt" and failure.stage == "read"
    assert store.failures(limit=0) == []


def test_store_get_unknown_id_raises_not_found(store):
    with pytest.raises(NotFoundError):
        store.get("ffff")


def test_store_records_migrations(store):
    with store.reading() as db:
        versions = [row[0] for row in db.execute("SELECT version FROM migrations ORDER BY 1")]
    assert versions == [m.version for m in MIGRATIONS]


def test_store_reopens_without_migrating_again(location):
    Store(location).close()
    with Store(location) as again, again.reading() as db:
        assert db.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)


def test_store_refuses_a_newer_schema(location):
    with Store(location) as store, store.transaction() as db:
        db.execute("INSERT INTO migrations VALUES (999, 'future', 'now')")
    with pytest.raises(MigrationError, match="newer"):
        Store(location)


def test_store_failed_write_keeps_earlier_articles(store, monkeypatch):
    first = make_readout()
    store.add(first)
    second = make_readout(text="Ministers of Chile and Peru met in Lima on Tuesday.")

    def broken(db, readout):
        db.execute("INSERT INTO no_such_table VALUES (1)")

    monkeypatch.setattr(store, "_index", broken)
    with pytest.raises(StoreError):
        store.add(second)
    assert store.count() == 1
    assert store.get(first.article.id) == first


def test_store_write_inside_a_read_is_refused(store):
    with store.reading(), pytest.raises(StoreError, match="inside a read"):
        store.add(make_readout())


def test_store_nested_reads_share_one_transaction(store):
    store.add(make_readout())
    with store.reading() as outer, store.reading() as inner:
        assert outer is inner
        assert inner.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1


def test_store_read_only_store_refuses_writes(location):
    Store(location).close()
    with Store(location, readonly=True) as store, pytest.raises(StoreError):
        store.add(make_readout())


def test_store_size_grows_with_articles(store):
    before = store.size_bytes()
    for n in range(20):
        store.add(make_readout(text=f"Delegations met in Riga for round {n} of talks."))
    assert store.size_bytes() >= before > 0
