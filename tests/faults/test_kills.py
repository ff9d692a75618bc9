"""Killed workers and a killed ingest lose and duplicate nothing; reads meanwhile see whole articles."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter

import psutil
import pytest

from communique.api import open_store
from tests.faults.corpus import write_articles

pytestmark = [pytest.mark.model, pytest.mark.slow]

ARTICLES = 40


def _ingest(folder, db, *args):
    env = {**os.environ, "COMMUNIQUE_BATCH_SIZE": "2"}
    command = [sys.executable, "-m", "communique", "ingest", "--quiet", "--db", str(db), *args]
    return subprocess.Popen(
        [*command, str(folder)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _query(db, sql):
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def _stored(db):
    try:
        return _query(db, "SELECT COUNT(*) FROM articles")[0][0]
    except sqlite3.Error:
        return 0


def _wait_for(db, process, count, timeout=180):
    deadline = time.monotonic() + timeout
    while _stored(db) < count and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "ingest finished before it could be killed; use more articles"


def _workers(process):
    """The pool's forked workers: children running the same command as the ingest."""
    parent = psutil.Process(process.pid)
    command = parent.cmdline()
    return [child for child in parent.children() if child.cmdline() == command]


def _assert_each_article_once(db):
    assert _query(db, "SELECT COUNT(*) FROM articles") == [(ARTICLES,)]
    assert _query(db, "SELECT COUNT(*) FROM sources") == [(ARTICLES,)]
    assert _query(db, "SELECT COUNT(DISTINCT article_id) FROM actors") == [(ARTICLES,)]
    for table, key in [("actors", "actor_id"), ("events", "event_id"), ("quotes", "quote_id")]:
        (duplicates,) = _query(
            db, f"SELECT COUNT(*) - COUNT(DISTINCT article_id || '/' || {key}) FROM {table}"
        )
        assert duplicates == (0,), table


def _rerun_adds_nothing(folder, db):
    rerun = _ingest(folder, db, "--processes", "2")
    _, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, stderr
    _assert_each_article_once(db)


def test_a_killed_worker_is_replaced_and_every_article_stored_once(tmp_path):
    folder, db = write_articles(tmp_path / "in", ARTICLES), tmp_path / "s.db"
    process = _ingest(folder, db, "--processes", "2")
    try:
        _wait_for(db, process, 4)
        workers = _workers(process)
        assert len(workers) == 2, workers
        workers[0].send_signal(signal.SIGKILL)
        _, stderr = process.communicate(timeout=300)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, stderr  # the article in flight went to another worker
    _assert_each_article_once(db)
    assert _query(db, "SELECT COUNT(*) FROM failures") == [(0,)]
    _rerun_adds_nothing(folder, db)


def test_a_killed_ingest_with_workers_leaves_no_worker_behind_and_a_rerun_completes(tmp_path):
    folder, db = write_articles(tmp_path / "in", ARTICLES), tmp_path / "s.db"
    process = _ingest(folder, db, "--processes", "2")
    try:
        _wait_for(db, process, 4)
        workers = _workers(process)
        process.send_signal(signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
    partial = _stored(db)
    assert 0 < partial < ARTICLES
    _, alive = psutil.wait_procs(workers, timeout=60)
    assert alive == [], "workers outlived the killed ingest"
    _rerun_adds_nothing(folder, db)


def _python_reader(db):
    """Reads through the Python API: (article rows, readout of an id, events per article)."""

    def read():
        with open_store(db, readonly=True) as archive:
            rows = [
                (row.id, row.source, (row.actors, row.events, row.quotes))
                for row in archive.articles()
            ]
            readouts = {}
            for article_id, _, _ in rows:
                readout = archive.get(article_id)
                readouts[article_id] = (
                    len(readout.actors),
                    len(readout.events),
                    len(readout.quotes),
                )
            events = Counter(event.article_id for event in archive.events(limit=100_000))
        return rows, readouts, events

    return read


def _http_reader(db):
    """Reads through the JSON API of ``communique serve``."""
    from fastapi.testclient import TestClient

    from communique.interfaces.server.app import create_app
    from communique.settings import Settings

    def read():
        with TestClient(create_app(Settings(db=str(db)))) as client:
            page = client.get("/api/articles", params={"limit": 1000}).json()["items"]
            rows = [(r["id"], r["source"], (r["actors"], r["events"], r["quotes"])) for r in page]
            readouts = {}
            for article_id, _, _ in rows:
                readout = client.get(f"/api/articles/{article_id}").json()
                readouts[article_id] = tuple(
                    len(readout[key]) for key in ("actors", "events", "quotes")
                )
            events = Counter(
                event["article_id"]
                for event in client.get("/api/events", params={"limit": 1000}).json()["items"]
            )
        return rows, readouts, events

    return read


@pytest.mark.parametrize("reader", [_python_reader, _http_reader], ids=["python", "http"])
def test_reads_during_an_ingest_see_whole_articles(tmp_path, reader):
    folder, db = write_articles(tmp_path / "in", 30), tmp_path / "s.db"
    process = _ingest(folder, db)
    reads, seen = 0, 0
    try:
        _wait_for(db, process, 1)
        read = reader(db)
        while process.poll() is None:
            rows, readouts, events = read()
            assert len(rows) >= seen  # never fewer than a read before
            seen = len(rows)
            for article_id, source, counts in rows:
                assert readouts[article_id] == counts, source
                # committed before the events were read: every event of it is there
                assert events[article_id] == counts[1], source
            reads += 1
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, stderr
    assert reads >= 3 and 0 < seen <= 30
    assert _stored(db) == 30
