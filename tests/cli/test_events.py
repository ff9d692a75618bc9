"""The query commands over a store of the team's small story (no model needed)."""

import csv
import io
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from communique.interfaces.cli.app import app
from communique.store import Store
from communique.store.resolved import resolve_article
from tests.query.test_queries import QUOTED, QUOTED_AGAIN
from tests.resolve import scenario

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "s.db"
    with Store(path) as store:
        for readout in [*scenario.STORY, QUOTED, QUOTED_AGAIN]:
            store.add(readout, then=resolve_article)
    return str(path)


def _run(db, *args):
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_events_lists_reports_as_a_table(db):
    out = _run(db, "events", "--actor", "Zelenskyy")
    assert "2 event reports" in out and "REQUEST" in out


def test_events_json_lines_carry_every_field(db):
    rows = [json.loads(line) for line in _run(db, "events", "--format", "json").splitlines()]
    assert len(rows) == 13 and {"canonical_id", "sentence", "actors"} <= set(rows[0])


def test_events_csv_has_a_header_and_one_row_per_report(db):
    rows = list(
        csv.DictReader(io.StringIO(_run(db, "events", "--status", "postponed", "-f", "csv")))
    )
    assert len(rows) == 1 and rows[0]["status"] == "postponed"


def test_events_canonical_shows_the_disputed_date(db):
    out = _run(
        db, "events", "--canonical", "--dyad", "Putin", "Trump", "--type", "CONSULT", "-f", "csv"
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    call = next(r for r in rows if r["mode"] == "phone")
    assert call["date"] == "2025-10-16 (disputed: 2025-10-16 / 2025-10-17)"
    assert (call["articles"], call["sources"]) == ("3", "3")


def test_events_id_shows_every_report(db):
    rows = json.loads(_run(db, "events", "--canonical", "--place", "Anchorage", "-f", "json"))
    out = _run(db, "events", "--id", rows["id"][:9])
    assert "3 reports" in out and "alaska-held.txt" in out


def test_threads_show_steps_with_evidence(db):
    out = _run(db, "threads", "--actor", "Putin", "--place", "Budapest")
    assert "now postponed" in out
    assert "2025-10-22" in out and "put on hold" in out and "summit-on-hold.txt" in out


def test_threads_csv_has_one_row_per_report(db):
    rows = list(
        csv.DictReader(io.StringIO(_run(db, "threads", "--place", "Budapest", "-f", "csv")))
    )
    assert {r["status"] for r in rows} == {"planned", "postponed"}


def test_timeline_prints_a_table_and_draws_a_chart(db, tmp_path):
    chart = tmp_path / "pair.png"
    out = _run(db, "timeline", "Putin", "Trump", "--output", str(chart))
    assert "Putin and Trump: 3 events" in out and "Per month" in out
    assert chart.read_bytes().startswith(b"\x89PNG")
    svg = tmp_path / "ukraine.svg"
    _run(db, "timeline", "UKR", "-o", str(svg))
    assert "<svg" in svg.read_text(encoding="utf-8")


def test_timeline_refuses_an_unknown_chart_format(db, tmp_path):
    result = runner.invoke(app, ["timeline", "Putin", "--db", db, "-o", str(tmp_path / "x.gif")])
    assert result.exit_code == 2


def test_quotes_by_speaker(db):
    rows = [
        json.loads(line)
        for line in _run(db, "quotes", "--speaker", "Ushakov", "-f", "json").splitlines()
    ]
    assert len(rows) == 2 and len({r["speaker"]["id"] for r in rows}) == 1


def test_actors_lists_and_profiles(db):
    assert "Volodymyr Zelensky" in _run(db, "actors", "--country", "UKR")
    profile = json.loads(_run(db, "actors", "Trump", "-f", "json"))
    assert profile["actor"]["id"] == "person/donald-trump" and profile["actor"]["articles"] == 9


def test_unknown_actor_exits_not_found(db):
    result = runner.invoke(app, ["actors", "Nobody Atall", "--db", db])
    assert result.exit_code == 3


def test_resolve_rebuilds_the_same_canonical_events(db, tmp_path):
    copy = tmp_path / "copy.db"
    sqlite3.connect(db).execute(f"VACUUM INTO '{copy}'")
    before = _run(str(copy), "events", "--canonical", "-f", "csv")
    result = runner.invoke(app, ["resolve", "--rebuild", "--db", str(copy)])
    assert result.exit_code == 0 and "resolved 11 articles" in result.output
    assert _run(str(copy), "events", "--canonical", "-f", "csv") == before


def test_query_on_a_store_before_resolution_asks_to_resolve(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
    db.execute("INSERT INTO migrations VALUES (1, 'initial schema', 'then')")
    db.commit()
    result = runner.invoke(app, ["events", "--db", str(path)])
    assert result.exit_code == 4 and "communique resolve" in result.output
