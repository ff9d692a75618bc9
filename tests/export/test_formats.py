import csv
import io
import json

import pytest
from typer.testing import CliRunner

from communique.codec import readout_from_json
from communique.export import write_export
from communique.export.formats import CAMEO_COLUMNS, CSV_COLUMNS
from communique.interfaces.cli.app import app
from communique.store import Store
from tests.factories import make_readout


def _export(fmt):
    stream = io.StringIO()
    count = write_export(fmt, [make_readout()], stream)
    return count, stream.getvalue()


def test_export_jsonl_writes_whole_readouts():
    count, text = _export("jsonl")
    assert count == 1
    assert readout_from_json(text.strip()) == make_readout()


def test_export_csv_writes_one_row_per_event():
    count, text = _export("csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert count == 1 and list(rows[0]) == list(CSV_COLUMNS)
    row = rows[0]
    assert (row["type"], row["mode"], row["status"], row["date"]) == (
        "CONSULT",
        "phone",
        "occurred",
        "2025-03-03",
    )
    assert row["actors"] == "Lula; Petro" and row["actor_countries"] == "BRA; COL"
    assert row["location"] == "Bogotá" and row["location_country"] == "COL"


def test_export_plover_writes_plover_records():
    _, text = _export("plover")
    record = json.loads(text)
    assert (
        record["event"] == "CONSULT"
        and record["mode"] == "phone"
        and record["status"] == "occurred"
    )
    assert [a["code"] for a in record["source"]] == ["BRA", "COL"]
    assert record["source"][0]["sector"] == "GOV"
    assert record["eventLoc"]["name"] == "Bogotá"


def test_export_cameo_writes_gdelt_like_columns():
    _, text = _export("cameo")
    header, row = (line.split("\t") for line in text.strip().split("\n"))
    assert header == list(CAMEO_COLUMNS)
    values = dict(zip(header, row, strict=True))
    assert values["SQLDATE"] == "20250303"
    assert (
        values["EventCode"] == "041"
        and values["EventRootCode"] == "04"
        and values["QuadClass"] == "1"
    )
    assert (values["Actor1CountryCode"], values["Actor2CountryCode"]) == ("BRA", "COL")
    assert values["Participants"] == "Lula; Petro"


def test_export_rejects_unknown_formats():
    with pytest.raises(ValueError, match="unknown export format"):
        write_export("xml", [], io.StringIO())


def test_export_command_writes_a_file(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        store.add(make_readout())
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(
        app, ["export", "--db", str(db), "--format", "csv", "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "exported 1 events" in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert not (tmp_path / "events.csv.partial").exists()
