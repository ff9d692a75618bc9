import json

import pytest
from typer.testing import CliRunner

from communique.interfaces.cli.app import app
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.model

runner = CliRunner()

EXAMPLE_FILES = sorted(p for p in EXAMPLES.rglob("*") if p.is_file() and p.name != "README.md")


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_extract_prints_schema_valid_readouts_for_every_example(path, validate_readout):
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines
    for line in lines:
        readout = json.loads(line)
        validate_readout(readout)
        text = readout["article"]["text"]
        for actor in readout["actors"]:
            for mention in actor["mentions"]:
                assert text[mention["start_char"] : mention["end_char"]] == mention["text"]


def test_extract_pretty_renders_tables():
    path = EXAMPLES / "articles" / "2025-10-16_putin-trump-call-budapest-summit.txt"
    result = runner.invoke(app, ["extract", str(path), "--pretty"])
    assert result.exit_code == 0
    assert "Actors" in result.stdout and "Vladimir Putin" in result.stdout


def test_extract_reads_stdin():
    text = "date 2025-02-03\nThe presidents of Chile and Argentina met in Santiago on Monday to discuss lithium exports."
    result = runner.invoke(app, ["extract", "-"], input=text)
    assert result.exit_code == 0, result.output
    readout = json.loads(result.stdout)
    assert readout["article"]["published"] == "2025-02-03"
    assert readout["article"]["source"] == "<stdin>"


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x00\x01\x02" * 100, "binary"), (b"date 2025-44-01\nText", "date line")],
)
def test_extract_bad_input_gets_one_line_error(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1
    assert "bad.txt" in errors[0] and message in errors[0]


def test_extract_missing_file_names_it(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "nope.txt" in result.stderr and "no such file" in result.stderr
