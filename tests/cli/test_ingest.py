import json
import sqlite3

import pytest
from typer.testing import CliRunner

from communique.interfaces.cli.app import app

pytestmark = pytest.mark.model

runner = CliRunner()

GOOD = {
    "a.txt": "date 2025-04-01\nThe foreign ministers of Japan and South Korea met in Tokyo on Monday to discuss North Korea.",
    "b.txt": "date 2025-04-02\nPresident Lula hosted Chile's president in Brasília on Tuesday, officials said.",
    "c.txt": "date 2025-04-03\nGermany pledged new humanitarian aid for Sudan on Wednesday, the foreign office said.",
}


def _write(folder, files):
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def _ingest(db, *args):
    return runner.invoke(app, ["ingest", "--db", str(db), *map(str, args)])


def _count(db, table="articles"):
    return sqlite3.connect(db).execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_ingest_stores_a_folder_and_reports_a_summary(tmp_path):
    folder = _write(tmp_path / "in", GOOD)
    result = _ingest(tmp_path / "s.db", folder)
    assert result.exit_code == 0, result.output
    assert "stored 3, unchanged 0, failed 0" in result.stderr
    assert _count(tmp_path / "s.db") == 3


def test_ingest_same_folder_twice_adds_nothing(tmp_path):
    folder = _write(tmp_path / "in", GOOD)
    _ingest(tmp_path / "s.db", folder)
    result = _ingest(tmp_path / "s.db", folder)
    assert result.exit_code == 0
    assert "stored 0, unchanged 3, failed 0" in result.stderr
    assert _count(tmp_path / "s.db") == 3
    assert _count(tmp_path / "s.db", "actors") > 0


def test_ingest_print_emits_readouts(tmp_path):
    folder = _write(tmp_path / "in", GOOD)
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "s.db"), "--print", str(folder)])
    readouts = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(readouts) == 3


BAD = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 40,
    "invalid-utf8.txt": "date 2025-04-04\nMinisters met in Kraków – talks “went well”.".encode()
    + b"\xff\xfe\xfa"
    + b" more text",
    "bad-date.txt": "date 2025-02-31\nThe ministers met on Friday.",
    "broken.html": "<html><body><div><p>unclosed <b>tags <div><div><script>var x = 1;",
}


def test_ingest_isolates_each_bad_input_and_keeps_the_good(tmp_path):
    folder = _write(tmp_path / "in", {**GOOD, **BAD})
    (folder / "lines.jsonl").write_text(
        json.dumps(
            {
                "text": "Kenya and Ethiopia signed a border accord in Addis Ababa on Friday.",
                "date": "2025-04-05",
            }
        )
        + "\n{broken json\n",
        encoding="utf-8",
    )
    result = _ingest(tmp_path / "s.db", folder)
    assert result.exit_code == 1
    assert "stored 4" in result.stderr and "failed 6" in result.stderr
    failed_lines = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(failed_lines) == 6
    for name, problem in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("invalid-utf8.txt", "not valid UTF-8"),
        ("bad-date.txt", "not a real date"),
        ("broken.html", "no article body"),
        ("lines.jsonl#L2", "not valid JSON"),
    ]:
        assert any(name in line and problem in line for line in failed_lines), (name, failed_lines)
    assert _count(tmp_path / "s.db") == 4
    assert _count(tmp_path / "s.db", "failures") == 6


def test_ingest_refuses_an_oversized_file_without_losing_the_store(tmp_path):
    db = tmp_path / "s.db"
    _ingest(db, _write(tmp_path / "in", GOOD))
    huge = tmp_path / "huge.txt"
    with huge.open("w") as handle:
        line = "The talks continued late into the night in the capital. " * 20 + "\n"
        while handle.tell() < 50_000_000:
            handle.write(line)
    result = _ingest(db, huge)
    assert result.exit_code == 1
    assert "huge.txt" in result.stderr and "over the limit" in result.stderr
    assert _count(db) == 3


def test_failures_command_lists_what_failed(tmp_path):
    db = tmp_path / "s.db"
    _ingest(db, _write(tmp_path / "in", {"empty.txt": b""}))
    result = runner.invoke(app, ["failures", "--db", str(db), "--json"])
    assert result.exit_code == 0
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["source"].endswith("empty.txt") and row["stage"] == "read"


def test_articles_and_show_read_the_store(tmp_path):
    db = tmp_path / "s.db"
    _ingest(db, _write(tmp_path / "in", GOOD))
    rows = [
        json.loads(line)
        for line in runner.invoke(app, ["articles", "--db", str(db), "--json"]).stdout.splitlines()
    ]
    assert [row["published"] for row in rows] == ["2025-04-01", "2025-04-02", "2025-04-03"]
    shown = runner.invoke(app, ["show", "--db", str(db), rows[0]["id"][:8]])
    assert shown.exit_code == 0
    assert json.loads(shown.stdout)["article"]["id"] == rows[0]["id"]


def test_show_unknown_id_exits_not_found(tmp_path):
    db = tmp_path / "s.db"
    _ingest(db, _write(tmp_path / "in", GOOD))
    result = runner.invoke(app, ["show", "--db", str(db), "deadbeef"])
    assert result.exit_code == 3
    assert "deadbeef" in result.stderr
