"""A full disk, a read-only database and a locked one: a one-line error, a non-zero exit, nothing lost.

The disk and the read-only medium are real: a small tmpfs mounted for the
test (which needs root and mount; otherwise the test skips and says why),
so that SQLite meets the errors the way it would in production.
"""

import errno
import os
import sqlite3
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from communique.interfaces.cli.app import app
from communique.interfaces.cli.common import EXIT_STORE
from tests.faults.corpus import write_articles

pytestmark = pytest.mark.model

runner = CliRunner()


@pytest.fixture()
def tmpfs(tmp_path):
    """A 4 MB file system of its own, unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mountpoint = tmp_path / "disk"
    mountpoint.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mountpoint)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mountpoint
    finally:
        subprocess.run(["umount", "-l", str(mountpoint)], check=False)


def _ingest(db, folder, *args, env=None):
    return runner.invoke(
        app, ["ingest", "--quiet", "--db", str(db), *args, str(folder)], env=env or {}
    )


def _error_line(result):
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


def _count(db, *, immutable=False):
    mode = "immutable=1" if immutable else "mode=ro"
    connection = sqlite3.connect(f"file:{db}?{mode}", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    finally:
        connection.close()


def _fill(path):
    """Write to ``path`` until the file system is full."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(descriptor, b"\0" * 4096)
    except OSError as e:
        assert e.errno == errno.ENOSPC
    finally:
        os.close(descriptor)


def test_full_disk_is_a_clear_error_and_loses_nothing(tmpfs, tmp_path):
    db = tmpfs / "s.db"
    assert _ingest(db, write_articles(tmp_path / "first", 3)).exit_code == 0
    filler = tmpfs / "filler"
    _fill(filler)

    second = write_articles(tmp_path / "second", 3, first=3)
    result = _ingest(db, second)
    assert result.exit_code == EXIT_STORE
    line = _error_line(result)
    assert str(db) in line and "full" in line and "free disk space" in line

    filler.unlink()
    assert _count(db) == 3  # read once there is room for SQLite's shared-memory file
    again = _ingest(db, second)
    assert again.exit_code == 0, again.stderr
    assert _count(db) == 6


def test_read_only_database_is_a_clear_error_and_loses_nothing(tmpfs, tmp_path):
    db = tmpfs / "s.db"
    assert _ingest(db, write_articles(tmp_path / "first", 3)).exit_code == 0
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    try:
        result = _ingest(db, write_articles(tmp_path / "second", 2, first=3))
        assert result.exit_code == EXIT_STORE
        line = _error_line(result)
        assert str(db) in line and "read-only" in line
        assert _count(db, immutable=True) == 3
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tmpfs)], check=True)
    assert _count(db) == 3


def test_read_only_database_left_open_elsewhere_is_a_clear_error(tmpfs, tmp_path):
    """With the -wal and -shm files present, SQLite opens the database and refuses the
    first write instead."""
    db = tmpfs / "s.db"
    assert _ingest(db, write_articles(tmp_path / "first", 3)).exit_code == 0
    # A process that had the store open and died leaves -wal and -shm beside it.
    crashed = f"import os, sqlite3; sqlite3.connect({str(db)!r}).execute('SELECT 1 FROM articles'); os._exit(0)"
    subprocess.run([sys.executable, "-c", crashed], check=True)
    assert (tmpfs / "s.db-wal").exists() and (tmpfs / "s.db-shm").exists()
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    try:
        result = _ingest(db, write_articles(tmp_path / "second", 2, first=3))
        assert result.exit_code == EXIT_STORE
        line = _error_line(result)
        assert str(db) in line and "read-only" in line
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tmpfs)], check=True)
    assert _count(db) == 3


@pytest.mark.parametrize("command", ["ingest", "watch"])
def test_locked_database_is_a_clear_error_and_loses_nothing(tmp_path, command):
    db = tmp_path / "s.db"
    assert _ingest(db, write_articles(tmp_path / "first", 3)).exit_code == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        second = write_articles(tmp_path / "second", 2, first=3)
        args = [command, "--quiet", "--db", str(db), *(["--once"] if command == "watch" else [])]
        result = runner.invoke(app, [*args, str(second)], env={"COMMUNIQUE_LOCK_TIMEOUT": "0.3"})
        assert result.exit_code == EXIT_STORE
        line = _error_line(result)
        assert str(db) in line and "locked by another process" in line and "lock_timeout" in line
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _count(db) == 3
    assert _ingest(db, second).exit_code == 0
    assert _count(db) == 5
