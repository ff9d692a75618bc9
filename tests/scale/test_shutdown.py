"""The ingest job ends its workers (pool or cluster) as soon as it stops, whatever stops it."""

import pytest

from communique import jobs
from communique.errors import StoreError
from communique.settings import Settings
from communique.store import Store
from tests.factories import make_readout


def _fake_readouts(closed):
    def readouts(extractor, articles, settings):
        try:
            for article in articles:
                yield make_readout(article.text, source=article.source)
        finally:
            closed.append(True)  # where the pool or the cluster client would be closed

    return readouts


def _inputs(tmp_path, count=3):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(count):
        text = f"date 2025-04-0{n + 1}\nThe ministers of Chile and Peru met in Lima, round {n}."
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    return folder


def test_ingest_closes_the_workers_when_the_store_fails(tmp_path, monkeypatch):
    closed = []
    monkeypatch.setattr(jobs, "readouts", _fake_readouts(closed))
    with Store(tmp_path / "s.db") as store:

        def broken_add(readout, **kwargs):
            raise StoreError("database is full")

        monkeypatch.setattr(store, "add", broken_add)
        with pytest.raises(StoreError, match="database is full") as caught:
            jobs.ingest(store, [_inputs(tmp_path)], Settings(cluster="local:2"))
    # Closed already while the error (and its traceback, which holds the job's frame)
    # is still alive: the workers do not wait for the garbage collector.
    assert closed == [True] and caught.traceback


def test_ingest_closes_the_workers_after_a_normal_run(tmp_path, monkeypatch):
    closed = []
    monkeypatch.setattr(jobs, "readouts", _fake_readouts(closed))
    with Store(tmp_path / "s.db") as store:
        summary = jobs.ingest(store, [_inputs(tmp_path)], Settings())
    assert len(summary.stored) == 3 and closed == [True]
