import json

import pytest
from typer.testing import CliRunner

from communique.codec import readout_to_json
from communique.interfaces.cli.app import app
from tests.evaluation.stubs import ARTICLE, GOLD_DIR, good_readout, with_swapped_speakers

runner = CliRunner()
BENCHMARK_COMMANDS = ["conll", "tempeval", "polnear", "plover", "petrarch", "ngec-actors", "re3d"]


@pytest.fixture()
def saved(tmp_path):
    """A folder of saved readouts, as ``eval gold --save-readouts`` writes them."""

    def save(readout):
        (tmp_path / f"{ARTICLE}.json").write_text(readout_to_json(readout), encoding="utf-8")
        return tmp_path

    return save


def test_eval_gold_prints_every_part(saved):
    result = runner.invoke(
        app, ["eval", "gold", str(GOLD_DIR), "--readouts", str(saved(good_readout()))]
    )
    assert result.exit_code == 0, result.output
    for part in ("persons", "events", "direct quotes", "indirect quotes", "furniture removed"):
        assert part in result.stdout


def test_eval_gold_json_has_the_reference_figure_names(saved):
    readouts = saved(with_swapped_speakers(good_readout()))
    result = runner.invoke(
        app, ["eval", "gold", str(GOLD_DIR), "--readouts", str(readouts), "--json"]
    )
    figures = json.loads(result.stdout)["gold"]["figures"]
    assert figures["direct_speaker_acc"] == 0.0 and figures["person_f1"] == 1.0


def test_eval_gold_errors_lists_misses_with_evidence(saved):
    readout = good_readout()
    readouts = saved(readout.__class__(article=readout.article))
    result = runner.invoke(
        app, ["eval", "gold", str(GOLD_DIR), "--readouts", str(readouts), "--errors"]
    )
    assert "[event] missed: E1" in result.stdout
    assert "spoke by phone with Canadian Prime Minister" in result.stdout
    assert "[person] missed: Luís Montenegro" in result.stdout


def test_eval_gold_json_with_errors_carries_the_issues(saved):
    readout = good_readout()
    readouts = saved(readout.__class__(article=readout.article))
    result = runner.invoke(
        app, ["eval", "gold", str(GOLD_DIR), "--readouts", str(readouts), "--errors", "--json"]
    )
    issues = json.loads(result.stdout)["gold"]["issues"]
    assert {"article", "part", "kind", "item", "evidence"} == set(issues[0])
    assert any(i["part"] == "event" and i["kind"] == "missed" for i in issues)


def test_eval_gold_skips_when_the_gold_folder_is_absent(tmp_path):
    result = runner.invoke(app, ["eval", "gold", str(tmp_path / "absent")])
    assert result.exit_code == 0
    assert result.stdout.startswith("skipped:") and "not found" in result.stdout


def test_eval_gold_skips_when_the_articles_are_absent(tmp_path):
    result = runner.invoke(
        app, ["eval", "gold", str(GOLD_DIR), "--articles", str(tmp_path / "absent")]
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("skipped: articles folder not found")


@pytest.mark.parametrize("command", BENCHMARK_COMMANDS)
def test_benchmark_commands_skip_cleanly_without_data(command, tmp_path):
    result = runner.invoke(app, ["eval", command, "--data", str(tmp_path / "absent")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("skipped:") and "not found" in result.stdout


def test_eval_all_without_shared_data_writes_skips_and_passes_the_gate(tmp_path):
    out = tmp_path / "out.json"
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"tolerance": 0.02, "figures": {"gold": {"person_f1": 0.9}}}))
    result = runner.invoke(
        app,
        [
            "eval",
            "all",
            "--fast",
            "--shared",
            str(tmp_path / "none"),
            "--json",
            str(out),
            "--check",
            str(baseline),
        ],
    )
    assert result.exit_code == 0, result.output
    sets = json.loads(out.read_text())["sets"]
    assert sets["gold"]["skipped"].startswith("skipped:") and "conll" in sets


def test_eval_all_rejects_an_unknown_set(tmp_path):
    result = runner.invoke(app, ["eval", "all", "--set", "nope", "--shared", str(tmp_path)])
    assert result.exit_code != 0
