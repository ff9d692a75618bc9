"""An ingest killed with SIGKILL midway, then rerun, stores every article exactly once."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

CAPITALS = ["Oslo", "Lima", "Hanoi", "Nairobi", "Rabat", "Ankara", "Quito", "Riga", "Doha", "Dhaka"]
COUNTRIES = [
    "Norway",
    "Peru",
    "Vietnam",
    "Kenya",
    "Morocco",
    "Turkey",
    "Ecuador",
    "Latvia",
    "Qatar",
    "Bangladesh",
]


def _articles(folder, n):
    folder.mkdir()
    for i in range(n):
        host, guest = i % 10, (i + 3) % 10
        (folder / f"{i:03d}.txt").write_text(
            f"date 2025-05-{i % 28 + 1:02d}\nThe foreign minister of {COUNTRIES[guest]} travelled to {CAPITALS[host]} "
            f"on Tuesday for talks with her counterpart from {COUNTRIES[host]}, officials said. Meeting number {i} "
            f"focused on trade, energy and regional security, according to a joint statement.\n",
            encoding="utf-8",
        )


def _stored(db):
    if not db.exists():
        return 0
    try:
        return sqlite3.connect(db, timeout=5).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def _ingest(folder, db):
    env = {**os.environ, "COMMUNIQUE_BATCH_SIZE": "2"}
    command = [
        sys.executable,
        "-m",
        "communique",
        "ingest",
        "--quiet",
        "--db",
        str(db),
        str(folder),
    ]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_ingest_killed_midway_then_rerun_stores_each_article_once(tmp_path):
    folder, db = tmp_path / "in", tmp_path / "s.db"
    _articles(folder, 40)
    process = _ingest(folder, db)
    deadline = time.monotonic() + 120
    while _stored(db) < 4 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "ingest finished before it could be killed; use more articles"
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = _stored(db)
    assert 0 < partial < 40

    rerun = _ingest(folder, db)
    _, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, stderr.decode()
    connection = sqlite3.connect(db)
    assert connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 40
    assert connection.execute("SELECT COUNT(*) FROM sources").fetchone()[0] == 40
    assert connection.execute("SELECT COUNT(DISTINCT article_id) FROM actors").fetchone()[0] == 40
    duplicates = connection.execute(
        "SELECT COUNT(*) - COUNT(DISTINCT article_id || actor_id) FROM actors"
    ).fetchone()[0]
    assert duplicates == 0
