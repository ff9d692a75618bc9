import json
import shutil

import pytest
from typer.testing import CliRunner

from communique.evaluation.bench import Throughput, run_bench, timed
from communique.interfaces.cli.app import app
from communique.settings import Settings
from tests.evaluation.stubs import ARTICLE, GOLD_DIR

runner = CliRunner()


@pytest.fixture()
def corpus(tmp_path):
    shutil.copy(GOLD_DIR / ARTICLE, tmp_path / ARTICLE)
    (tmp_path / "README.md").write_text("Not an article.\n", encoding="utf-8")
    return tmp_path


def test_timed_keeps_the_fastest_of_repeated_runs():
    calls = []
    run = timed("extract", 1, [], lambda: calls.append(1), repeat=3)
    assert len(calls) == 3 and run.seconds < 1.0


def test_throughput_rates():
    run = Throughput(stage="extract", processes=1, articles=4, words=1000, seconds=2.0)
    assert (run.articles_per_s, run.words_per_s) == (2.0, 500.0)


@pytest.mark.model
def test_bench_measures_every_stage_with_one_and_two_processes(corpus, tmp_path):
    report = run_bench([corpus], Settings(db=str(tmp_path / "unused.db")), multiply=2, processes=2)
    assert {(run.stage, run.processes) for run in report.runs} == {
        (stage, n) for stage in ("extract", "ingest", "spacy") for n in (1, 2)
    }
    assert report.articles == 2 and report.words > 100  # README.md is not an article
    assert report.ratio(1) is not None and report.ratio(2) is not None
    assert report.peak_rss_mb["communique"] > 50 and report.peak_rss_mb["communique_workers"] > 0
    assert report.machine["cpus"]


@pytest.mark.model
def test_bench_command_prints_json(corpus):
    result = runner.invoke(app, ["bench", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [run["stage"] for run in data["runs"]] == ["extract", "ingest", "spacy"]
    assert data["ratio_extract_to_spacy"]["1"] > 0


def test_bench_command_refuses_a_missing_corpus(tmp_path):
    result = runner.invoke(app, ["bench", str(tmp_path / "absent")])
    assert result.exit_code == 2 and "no such file" in result.output
