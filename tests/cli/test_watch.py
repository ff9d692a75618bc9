"""``communique watch`` end to end: new, changed, unchanged after a restart, stopped by a signal."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.interfaces.cli.app import app
from communique.pipeline import Extractor

pytestmark = pytest.mark.model

runner = CliRunner()

FIRST = "date 2025-06-02\nThe foreign ministers of Chile and Argentina met in Santiago on Monday to discuss a lithium partnership."
SECOND = "date 2025-06-03\nPresident Ruto received the Tanzanian foreign minister in Nairobi on Tuesday, his office said."
REVISED = FIRST + " The talks will continue in Buenos Aires next month, officials added."


def _watch_once(db, *paths):
    return runner.invoke(app, ["watch", "--once", "--db", str(db), *map(str, paths)])


def _rows(db, sql):
    connection = sqlite3.connect(db, timeout=10)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


@pytest.fixture()
def analysed(monkeypatch):
    """The sources of the articles the NLP analysed in this process."""
    sources = []
    original = Extractor.analyse_many

    def counting(self, articles):
        sources.extend(article.source for article in articles)
        return original(self, articles)

    monkeypatch.setattr(Extractor, "analyse_many", counting)
    return sources


def test_watch_once_then_restart_reads_only_what_is_new_or_changed(tmp_path, analysed):
    folder, db = tmp_path / "in", tmp_path / "s.db"
    folder.mkdir()
    (folder / "a.txt").write_text(FIRST, encoding="utf-8")
    result = _watch_once(db, folder)
    assert result.exit_code == 0, result.output
    assert "1 new" in result.stderr and "stored 1" in result.stderr
    assert len(analysed) == 1

    (folder / "b.txt").write_text(SECOND, encoding="utf-8")
    result = _watch_once(db, folder)  # a restart: a new Store, the same database
    assert result.exit_code == 0, result.output
    assert "1 new, 0 changed, 1 same" in result.stderr
    assert [Path(s).name for s in analysed] == ["a.txt", "b.txt"]

    (folder / "a.txt").write_text(REVISED, encoding="utf-8")
    result = _watch_once(db, folder)
    assert "0 new, 1 changed, 1 same" in result.stderr and "stored 1" in result.stderr
    assert [Path(s).name for s in analysed] == ["a.txt", "b.txt", "a.txt"]
    # the first version stays; the source now names the new one
    assert _rows(db, "SELECT COUNT(*) FROM articles") == [(3,)]
    (latest,) = _rows(db, f"SELECT article_id FROM sources WHERE source = '{folder / 'a.txt'}'")
    (text,) = _rows(db, f"SELECT readout FROM articles WHERE id = '{latest[0]}'")
    assert "Buenos Aires" in text[0]

    result = _watch_once(db, folder)
    assert "0 new, 0 changed, 2 same" in result.stderr and len(analysed) == 3


def test_watch_once_exits_non_zero_when_an_input_failed_and_records_it(tmp_path):
    folder, db = tmp_path / "in", tmp_path / "s.db"
    folder.mkdir()
    (folder / "a.txt").write_text(FIRST, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    result = _watch_once(db, folder)
    assert result.exit_code == 1
    assert "failed: " in result.stderr and "empty.txt: input is empty [read]" in result.stderr
    assert _rows(db, "SELECT COUNT(*) FROM failures") == [(1,)]
    again = _watch_once(db, folder)  # the failed input is not retried until it changes
    assert again.exit_code == 0 and _rows(db, "SELECT COUNT(*) FROM failures") == [(1,)]


def test_watch_refuses_a_missing_path(tmp_path):
    result = _watch_once(tmp_path / "s.db", tmp_path / "nope")
    assert result.exit_code == 2
    assert "nope" in result.stderr and "no such file or folder" in result.stderr


def _stored(db):
    try:
        return _rows(db, "SELECT COUNT(*) FROM articles")[0][0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_watch_picks_up_a_file_added_while_watching_and_stops_on_a_signal(tmp_path, stop_signal):
    folder, db = tmp_path / "in", tmp_path / "s.db"
    folder.mkdir()
    (folder / "a.txt").write_text(FIRST, encoding="utf-8")
    command = [sys.executable, "-m", "communique", "watch", "--interval", "0.2", "--db", str(db)]
    process = subprocess.Popen(
        [*command, str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 120
        while _stored(db) < 1 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.1)
        assert _stored(db) == 1
        (folder / "b.txt").write_text(SECOND, encoding="utf-8")
        while _stored(db) < 2 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.1)
        assert _stored(db) == 2
        process.send_signal(stop_signal)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, stderr
    assert "stored: " in stderr and "b.txt" in stderr and "stopped;" in stderr
    assert _rows(db, "SELECT COUNT(*) FROM watched") == [(2,)]


def _feed(*bodies):
    items = "".join(
        f"<item><title>Item {n}</title><link>https://news.example/{n}</link>"
        f"<description><![CDATA[<p>{body}</p>]]></description></item>"
        for n, body in enumerate(bodies)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'


def test_watch_a_feed_file_stores_only_its_new_items(tmp_path, analysed):
    feed, db = tmp_path / "wire.rss", tmp_path / "s.db"
    first = "Kenya and Ethiopia signed a border accord in Addis Ababa on Friday, officials said."
    second = "The Chilean president hosted her Peruvian counterpart in Santiago on Monday."
    feed.write_text(_feed(first), encoding="utf-8")
    assert "stored 1" in _watch_once(db, feed).stderr
    feed.write_text(_feed(first, second), encoding="utf-8")
    result = _watch_once(db, feed)
    assert result.exit_code == 0, result.output
    assert "1 changed" in result.stderr and "stored 1, unchanged 1" in result.stderr
    assert [Path(source).name for source in analysed] == ["wire.rss#item1", "wire.rss#item2"]
    assert _rows(db, "SELECT COUNT(*) FROM articles") == [(2,)]


@pytest.mark.slow
def test_watch_interrupted_midway_stops_after_an_article_and_a_restart_finishes(tmp_path):
    from tests.faults.corpus import write_articles

    folder, db = write_articles(tmp_path / "in", 20), tmp_path / "s.db"
    env = {**os.environ, "COMMUNIQUE_BATCH_SIZE": "2"}
    command = [sys.executable, "-m", "communique", "watch", "--db", str(db), str(folder)]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 120
        while _stored(db) < 3 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, stderr
    assert "stopping after the current article" in stderr and "; stopped" in stderr
    stored = _stored(db)
    assert 3 <= stored < 20
    (noted,) = _rows(db, "SELECT COUNT(*) FROM watched")[0]
    assert noted <= stored  # an input is noted only once its articles are stored

    restart = subprocess.run(
        [*command[:4], "--once", *command[4:]], env=env, capture_output=True, text=True
    )
    assert restart.returncode == 0, restart.stderr
    assert f"{20 - noted} new, 0 changed, {noted} same" in restart.stderr
    assert f"stored {20 - stored}, unchanged {stored - noted}" in restart.stderr
    assert _rows(db, "SELECT COUNT(*) FROM articles") == [(20,)]
    assert _rows(db, "SELECT COUNT(*) FROM watched") == [(20,)]
