"""The scale run: ``communique bench --scale``.

A large synthetic corpus (``scripts/scale_corpus.py``: the team's own example
sentences recombined, 100,000 articles by default) is ingested into a fresh
SQLite store three ways: one process, two worker processes, and a local Dask
cluster of two worker processes. For each it reports

- articles/s over the whole run;
- time per article at the start and at the end of the run (the mean gap
  between stored articles over the first and the last 5 %), and the store's
  own write time per article (``Store.add`` with resolution) at both ends:
  flat figures mean the cost of an article does not grow with the archive;
- peak memory: the largest resident set of this process and its workers
  together, sampled every second, and the same at 10 % and at 90 % of the
  run (flat in the number of articles when the two are close);
- the store's size on disk.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.errors import EvaluationError
from communique.jobs import ingest
from communique.records import Readout
from communique.settings import Settings
from communique.store import Store

CONFIGS = ("1-process", "2-processes", "dask-2-workers")
EDGE = 0.05
"""The share of the run whose mean time per article is 'the start' and 'the end'."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ScaleRun:
    config: str
    articles: int
    failed: int
    seconds: float
    start_s_per_article: float
    end_s_per_article: float
    start_write_ms: float
    end_write_ms: float
    peak_rss_mb: float
    rss_at_10pct_mb: float
    rss_at_90pct_mb: float
    store_mb: float

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    def as_json(self) -> dict[str, object]:
        return {
            "config": self.config,
            "articles": self.articles,
            "failed": self.failed,
            "seconds": round(self.seconds, 1),
            "articles_per_s": round(self.articles_per_s, 2),
            "start_s_per_article": round(self.start_s_per_article, 4),
            "end_s_per_article": round(self.end_s_per_article, 4),
            "start_write_ms": round(self.start_write_ms, 2),
            "end_write_ms": round(self.end_write_ms, 2),
            "peak_rss_mb": round(self.peak_rss_mb),
            "rss_at_10pct_mb": round(self.rss_at_10pct_mb),
            "rss_at_90pct_mb": round(self.rss_at_90pct_mb),
            "store_mb": round(self.store_mb, 1),
        }


@dataclass
class _Clock:
    """Arrival times of stored articles and the store's write time for each."""

    arrivals: list[float] = field(default_factory=list)
    writes: list[float] = field(default_factory=list)

    def edges(self, values: list[float]) -> tuple[float, float]:
        n = max(1, int(len(values) * EDGE))
        return sum(values[:n]) / n, sum(values[-n:]) / n

    def gaps(self) -> list[float]:
        return [b - a for a, b in zip(self.arrivals, self.arrivals[1:], strict=False)]


def corpus_script() -> Path:
    """``scripts/scale_corpus.py`` of the checkout this code runs from (or the current folder)."""
    for root in (Path(__file__).resolve().parents[3], Path.cwd()):
        script = root / "scripts" / "scale_corpus.py"
        if script.is_file():
            return script
    raise EvaluationError(
        "scripts/scale_corpus.py not found: run from a checkout of communique, or pass "
        "--corpus DIR with a corpus made by it"
    )


def make_corpus(out: Path, articles: int, seed: int = 1) -> int:
    """Generate the synthetic corpus with ``scripts/scale_corpus.py``."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("scale_corpus", corpus_script())
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    written: int = module.generate(out, articles, seed)
    return written


def tree_rss_mb(root: int | None = None) -> float:
    """Resident memory of a process and all its descendants, in MB (Linux /proc)."""
    root = root or os.getpid()
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    family, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        children = [child for child, parent in parents.items() if parent == pid]
        family.update(children)
        frontier.extend(children)
    return sum(_rss_kb(pid) for pid in family) / 1024


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class MemorySampler(threading.Thread):
    """Samples :func:`tree_rss_mb` every ``interval`` seconds; ``peak`` is the largest seen."""

    def __init__(self, interval: float = 1.0) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.peak = 0.0
        self.last = 0.0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            self.last = tree_rss_mb()
            self.peak = max(self.peak, self.last)
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


@contextmanager
def _cluster(config: str, settings: Settings) -> Iterator[Settings]:
    if not config.startswith("dask"):
        yield settings.replace(processes=1 if config == "1-process" else 2)
        return
    from distributed import LocalCluster

    factory: Any = LocalCluster
    with factory(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield settings.replace(processes=1, cluster=cluster.scheduler_address)


def run_config(config: str, corpus: Path, settings: Settings, folder: Path, total: int) -> ScaleRun:
    """Ingest ``corpus`` into a fresh store in ``folder`` the ``config`` way, measured."""
    clock = _Clock()
    sampler = MemorySampler()
    marks: dict[int, float] = {}
    db = folder / f"{config}.db"

    def progress(outcome: str, source: str) -> None:
        if outcome == "stored":
            clock.arrivals.append(time.perf_counter())
            if len(clock.arrivals) in (max(1, total // 10), max(1, total * 9 // 10)):
                marks[len(clock.arrivals)] = tree_rss_mb()

    with _cluster(config, settings) as chosen, Store(db) as store:
        _time_writes(store, clock)
        sampler.start()
        started = time.perf_counter()
        summary = ingest(store, [corpus], chosen, progress=progress)
        seconds = time.perf_counter() - started
        sampler.stop()
    gaps = clock.gaps()
    start_gap, end_gap = clock.edges(gaps) if gaps else (0.0, 0.0)
    start_write, end_write = clock.edges(clock.writes) if clock.writes else (0.0, 0.0)
    return ScaleRun(
        config=config,
        articles=len(summary.stored),
        failed=len(summary.failed),
        seconds=seconds,
        start_s_per_article=start_gap,
        end_s_per_article=end_gap,
        start_write_ms=start_write * 1000,
        end_write_ms=end_write * 1000,
        peak_rss_mb=max([sampler.peak, *marks.values()]),
        rss_at_10pct_mb=marks.get(max(1, total // 10), 0.0),
        rss_at_90pct_mb=marks.get(max(1, total * 9 // 10), 0.0),
        store_mb=sum(p.stat().st_size for p in folder.glob(f"{config}.db*")) / 1e6,
    )


def _time_writes(store: Store, clock: _Clock) -> None:
    """Wrap ``store.add`` so that each write's duration is recorded."""
    add = store.add

    def timed(readout: Readout, **kwargs: Any) -> bool:
        started = time.perf_counter()
        try:
            return add(readout, **kwargs)
        finally:
            clock.writes.append(time.perf_counter() - started)

    store.add = timed  # type: ignore[method-assign]


def run_scale(
    settings: Settings,
    *,
    articles: int = 100_000,
    corpus: Path | None = None,
    configs: tuple[str, ...] = CONFIGS,
    progress: Callable[[str], None] | None = None,
    done: Callable[[ScaleRun], None] | None = None,
) -> list[ScaleRun]:
    """Run every config on the corpus (generated when not given); ``done`` gets each result."""
    note = progress or (lambda message: None)
    unknown = [c for c in configs if c not in CONFIGS]
    if unknown:
        raise EvaluationError(f"unknown scale configs {unknown}; known: {', '.join(CONFIGS)}")
    runs: list[ScaleRun] = []
    with tempfile.TemporaryDirectory(prefix="communique-scale-") as scratch:
        folder = Path(scratch)
        if corpus is None:
            note(f"generating {articles:,} articles")
            corpus = folder / "corpus"
            make_corpus(corpus, articles)
        total = sum(1 for path in corpus.rglob("*.txt"))
        for config in configs:
            note(f"ingesting {total:,} articles, {config}")
            run = run_config(config, corpus, settings, folder, total)
            runs.append(run)
            if done is not None:
                done(run)
            for stale in folder.glob(f"{config}.db*"):
                stale.unlink()
    return runs
