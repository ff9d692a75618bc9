import json
import multiprocessing
import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.errors import EvaluationError
from communique.evaluation.scale import (
    Memory,
    MemorySampler,
    check_configs,
    gaps,
    growth_pct,
    make_corpus,
    per_article,
    process_tree,
    run_scale,
    tenths,
    tree_cpu_s,
    tree_memory,
)
from communique.interfaces.cli.app import app
from communique.settings import Settings
from tests.conftest import EXAMPLES

runner = CliRunner()


def _hold(ready, release) -> None:  # a child that allocates 50 MB and waits
    block = bytearray(50 * 2**20)
    block[::4096] = b"x" * len(block[::4096])
    ready.set()
    release.wait(30)


def test_tenths_cuts_a_run_into_ten_means_in_order():
    values = [float(i) for i in range(100)]
    means = tenths(values)
    assert means == [4.5 + 10 * k for k in range(10)]
    assert tenths([1.0, 3.0, 5.0]) == [1.0, 1.0, 1.0, 1.0, 3.0, 3.0, 3.0, 5.0, 5.0, 5.0]
    assert tenths([]) == []


def test_gaps_and_growth():
    assert gaps([1.0, 1.5, 3.0]) == [0.5, 1.5]
    assert growth_pct(200.0, 250.0) == 25.0
    assert growth_pct(0.0, 5.0) == 0.0


def test_per_article_divides_each_increase_by_the_articles_it_took():
    points = [(1, 10.0), (11, 30.0), (11, 30.0), (31, 50.0)]
    assert per_article(points) == [2.0, 1.0]
    assert per_article([(1, 5.0)]) == []


def _spin(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_tree_cpu_counts_children_that_have_ended():
    before = tree_cpu_s()
    child = multiprocessing.get_context("fork").Process(target=_spin, args=(0.5,))
    child.start()
    child.join(20)
    assert tree_cpu_s() - before >= 0.4


def test_tree_memory_counts_a_child_process():
    context = multiprocessing.get_context("fork")
    ready, release = context.Event(), context.Event()
    child = context.Process(target=_hold, args=(ready, release))
    child.start()
    try:
        assert ready.wait(20)
        assert child.pid in process_tree()
        reading = tree_memory()
        assert reading.processes >= 2
        # the child's 50 MB is in the tree, not in the parent
        assert reading.tree_rss - reading.parent_rss > 45
        assert 0 < reading.tree_pss <= reading.tree_rss + 1
    finally:
        release.set()
        child.join(10)


def test_sampler_keeps_peaks_and_load():
    sampler = MemorySampler(interval=0.05)
    sampler.take(Memory(parent_rss=10, tree_rss=30, tree_pss=20, processes=2))
    sampler.start()
    time.sleep(0.2)
    sampler.stop()
    assert sampler.peak.tree_rss >= 30
    assert sampler.peak.parent_rss > 10  # this test process is larger than 10 MB
    assert sampler.loads and sampler.mean_load >= 0


def test_unknown_configs_are_named():
    assert check_configs(["1-process"]) == ("1-process",)
    with pytest.raises(EvaluationError, match=r"'3-processes'.*known: 1-process"):
        check_configs(["1-process", "3-processes"])


def test_corpus_recombines_the_bundled_examples(tmp_path):
    out = tmp_path / "corpus"
    assert make_corpus(out, 30, seed=3) == 30
    files = sorted(out.rglob("*.txt"))
    assert len(files) == 30
    assert {path.parent.name for path in files} == {"0000"}  # folders of 1,000
    texts = [path.read_text(encoding="utf-8") for path in files]
    assert len(set(texts)) == 30
    assert all(text.startswith("date ") for text in texts)
    # Sentences come from examples/articles: a long run of words from one example recurs.
    example_words = {
        " ".join(words[i : i + 4])
        for path in (EXAMPLES / "articles").glob("*.txt")
        for words in [path.read_text(encoding="utf-8").split()]
        for i in range(len(words) - 3)
    }
    for text in texts:
        words = text.split()[2:]
        shared = sum(" ".join(words[i : i + 4]) in example_words for i in range(len(words) - 3))
        assert shared > len(words) / 4, text[:200]
    again = tmp_path / "again"
    make_corpus(again, 30, seed=3)
    assert [p.read_text(encoding="utf-8") for p in sorted(again.rglob("*.txt"))] == texts


def test_scale_run_on_a_tiny_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 12)
    (run,) = run_scale(Settings(), corpus=corpus, configs=["1-process"])
    figures = run.as_json()
    assert (run.articles, run.stored, run.failed) == (12, 12, 0), run.first_failure
    assert len(run.ms_per_article) == 10 and run.start_ms >= 0
    assert len(run.write_ms) == 10 and all(ms > 0 for ms in run.write_ms)
    assert all(
        0 <= cpu <= wall + 1 for cpu, wall in zip(run.write_cpu_ms, run.write_ms, strict=True)
    )
    assert 0 < len(run.cpu_ms_per_article) <= 10 and sum(run.cpu_ms_per_article) > 0
    assert len(run.rss_mb) == 9 and all(mb > 50 for mb in run.rss_mb)
    assert run.peak.tree_rss >= max(run.rss_mb)
    assert len(run.parent_rss_mb) == 9 and run.parent_rss_mb[0] <= run.rss_mb[0]
    assert run.store_mb > 0
    assert 0 < figures["articles_per_s"] <= figures["steady_articles_per_s"]
    assert figures["corpus_articles"] == 12 and figures["cpus"] == os.cpu_count()


def test_bench_scale_command_saves_json_lines(tmp_path):
    save = tmp_path / "figures" / "scale.jsonl"
    result = runner.invoke(
        app,
        ["bench", "--scale", "--articles", "6", "--configs", "1-process", "--save", str(save)],
    )
    assert result.exit_code == 0, result.output
    (line,) = save.read_text(encoding="utf-8").splitlines()
    figures = json.loads(line)
    assert figures["config"] == "1-process" and figures["stored"] == 6
    assert len(figures["tree_rss_mb_at_10_to_90pct"]) == 9
    assert figures["cpu_ms_per_article_by_tenth"]
    assert "1-process" in result.stdout and "ms/article" in result.stdout


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        (["--configs", "3-processes"], "--configs"),
        (["--configs", ","], "--configs"),
        (["--multiply", "2"], "--multiply"),
        (["--processes", "2"], "--processes"),
    ],
)
def test_bench_scale_refuses_bad_options(arguments, named):
    result = runner.invoke(app, ["bench", "--scale", *arguments])
    assert result.exit_code != 0
    assert named in result.output


def test_bench_scale_refuses_a_file_as_corpus(tmp_path):
    article = tmp_path / "one.txt"
    article.write_text("date 2025-01-01\nText.\n", encoding="utf-8")
    result = runner.invoke(app, ["bench", "--scale", str(article)])
    assert result.exit_code != 0
    assert str(article) in result.output and "folder" in result.output


def test_the_corpus_script_runs_standalone(tmp_path):
    import subprocess
    import sys

    script = Path(__file__).resolve().parents[2] / "scripts" / "scale_corpus.py"
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "c"), "--articles", "3"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "wrote 3 articles" in done.stdout
    assert len(list((tmp_path / "c").rglob("*.txt"))) == 3
