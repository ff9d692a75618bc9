"""The scale run: ``communique bench --scale``.

A large synthetic corpus (``scripts/scale_corpus.py``: the team's own example
sentences recombined, 100,000 articles by default) is ingested into a fresh
SQLite store three ways: one process, two worker processes, and a local Dask
cluster of two worker processes. For each it reports

- articles/s over the whole run (model loading and worker start included) and
  in the steady state (first stored article to last);
- time per article in each tenth of the run (the mean gap between handled
  articles), so that the first and the last 10 % can be compared, and the
  store's own write time per article (``Store.add`` with resolution) likewise:
  flat figures mean the cost of an article does not grow with the archive;
- memory of the whole process tree (this process, its workers and theirs):
  the peak, sampled every second, and the value at 10 %, 20 % … 90 % of the
  articles, so that "flat in the number of articles" can be judged. Both the
  resident set (RSS, which counts pages shared by forked workers once per
  process) and the proportional set (PSS, which splits them) are given, and the
  parent's own RSS;
- CPU time per article of the whole process tree in each tenth, and the
  store's CPU time per write: on a shared machine wall time rises and falls
  with other load, CPU time much less, so these judge "flat" best;
- the store's size on disk, and the mean load average during the run (the
  machine may be shared).
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

from communique.errors import EvaluationError
from communique.evaluation.runner import machine
from communique.jobs import ingest
from communique.records import Readout
from communique.settings import Settings
from communique.store import Store

CONFIGS = ("1-process", "2-processes", "dask-2-workers")
TENTHS = 10
"""The run is cut into this many parts by article count; the first and last are 'start' and 'end'."""


# -- memory of a process tree (Linux /proc) -----------------------------------------------------


def process_tree(root: int | None = None) -> set[int]:
    """``root`` (default: this process) and all its descendants."""
    root = root or os.getpid()
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            parent = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    family, frontier = {root}, [root]
    while frontier:
        for child in children.get(frontier.pop(), []):
            if child not in family:
                family.add(child)
                frontier.append(child)
    return family


def _field_kb(path: Path, name: str) -> int:
    """The ``name:`` line of a /proc file in kB (0 when the process is gone)."""
    try:
        for line in path.read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def rss_mb(pid: int) -> float:
    """Resident set of one process, in MB."""
    return _field_kb(Path(f"/proc/{pid}/status"), "VmRSS") / 1024


def pss_mb(pid: int) -> float:
    """Proportional set of one process (shared pages split among their users), in MB."""
    return _field_kb(Path(f"/proc/{pid}/smaps_rollup"), "Pss") / 1024


@dataclass(frozen=True, slots=True)
class Memory:
    """One reading: this process's RSS, and the RSS and PSS summed over its process tree."""

    parent_rss: float
    tree_rss: float
    tree_pss: float
    processes: int


def tree_memory(root: int | None = None) -> Memory:
    root = root or os.getpid()
    family = process_tree(root)
    return Memory(
        parent_rss=rss_mb(root),
        tree_rss=sum(rss_mb(pid) for pid in family),
        tree_pss=sum(pss_mb(pid) for pid in family),
        processes=len(family),
    )


def tree_cpu_s(root: int | None = None) -> float:
    """CPU seconds (user and system) of a process tree, its reaped children included."""
    ticks = 0
    for pid in process_tree(root):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
        except (OSError, IndexError, ValueError):
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


def tree_rss_mb(root: int | None = None) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    return tree_memory(root).tree_rss


class MemorySampler(threading.Thread):
    """Reads :func:`tree_memory` and the load average every ``interval`` seconds; keeps the peaks."""

    def __init__(self, interval: float = 1.0) -> None:
        super().__init__(daemon=True, name="scale-memory-sampler")
        self.interval = interval
        self.peak = Memory(0.0, 0.0, 0.0, 0)
        self.peak_processes = 0
        self.loads: list[float] = []
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            self.take(tree_memory())
            self.loads.append(os.getloadavg()[0])
            self._halt.wait(self.interval)

    def take(self, reading: Memory) -> None:
        self.peak = Memory(
            parent_rss=max(self.peak.parent_rss, reading.parent_rss),
            tree_rss=max(self.peak.tree_rss, reading.tree_rss),
            tree_pss=max(self.peak.tree_pss, reading.tree_pss),
            processes=max(self.peak.processes, reading.processes),
        )

    def stop(self) -> None:
        self._halt.set()
        self.join()

    @property
    def mean_load(self) -> float:
        return sum(self.loads) / len(self.loads) if self.loads else 0.0


# -- time per article --------------------------------------------------------------------------


def tenths(values: Sequence[float], parts: int = TENTHS) -> list[float]:
    """Means of ``values`` cut into ``parts`` runs of (nearly) equal length, in order.

    With fewer values than parts, a part too short to hold one takes the value
    where it begins, so that the list always has ``parts`` entries; no values: [].
    """
    if not values:
        return []
    n = len(values)
    means = []
    for k in range(parts):
        lo, hi = k * n // parts, (k + 1) * n // parts
        chunk = values[lo:hi] if hi > lo else values[min(lo, n - 1) : min(lo, n - 1) + 1]
        means.append(sum(chunk) / len(chunk))
    return means


def per_article(points: Sequence[tuple[int, float]]) -> list[float]:
    """From (articles so far, a running total) points, the total's increase per article
    between consecutive points; points that add no article are passed over."""
    out = []
    for (n0, v0), (n1, v1) in pairwise(points):
        if n1 > n0:
            out.append((v1 - v0) / (n1 - n0))
    return out


def gaps(times: Sequence[float]) -> list[float]:
    """Differences between consecutive times."""
    return [b - a for a, b in pairwise(times)]


def growth_pct(first: float, last: float) -> float:
    """How much ``last`` exceeds ``first``, in per cent of ``first`` (0 when ``first`` is 0)."""
    return (last - first) / first * 100 if first else 0.0


@dataclass
class _Clock:
    """When each input was settled (any outcome), and the store's write time per stored article."""

    arrivals: list[float] = field(default_factory=list)
    writes: list[float] = field(default_factory=list)
    write_cpu: list[float] = field(default_factory=list)
    """CPU time of this thread in each write: unlike wall time, not slowed by other load."""
    cpu: list[tuple[int, float]] = field(default_factory=list)
    """(articles handled, CPU seconds of the process tree) at the first article and each tenth."""


# -- one run ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ScaleRun:
    config: str
    articles: int
    """Inputs handled (stored, unchanged or failed)."""
    stored: int
    unchanged: int
    failed: int
    first_failure: str
    seconds: float
    steady_seconds: float
    """From the first handled article to the last: model loading and start-up left out."""
    ms_per_article: tuple[float, ...]
    """Mean gap between handled articles in each tenth of the run."""
    write_ms: tuple[float, ...]
    """Mean ``Store.add`` time (with resolution) in each tenth of the stored articles."""
    write_cpu_ms: tuple[float, ...]
    cpu_ms_per_article: tuple[float, ...]
    """CPU time of the whole process tree per article in each tenth (up to ten values)."""
    peak: Memory
    rss_mb: tuple[float, ...]
    """Tree RSS when 10 %, 20 % … 90 % of the articles had been handled."""
    pss_mb: tuple[float, ...]
    parent_rss_mb: tuple[float, ...]
    """This process's own RSS at the same points: the writer's share of any growth."""
    store_mb: float
    load_avg: float
    facts: dict[str, object] = field(default_factory=dict)

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def steady_articles_per_s(self) -> float:
        return (self.articles - 1) / self.steady_seconds if self.steady_seconds else 0.0

    @property
    def start_ms(self) -> float:
        return self.ms_per_article[0] if self.ms_per_article else 0.0

    @property
    def end_ms(self) -> float:
        return self.ms_per_article[-1] if self.ms_per_article else 0.0

    def at(self, share: int) -> float:
        """Tree RSS at ``share`` per cent (10 … 90) of the articles; 0 when not reached."""
        index = share // 10 - 1
        return self.rss_mb[index] if 0 <= index < len(self.rss_mb) else 0.0

    def as_json(self) -> dict[str, object]:
        def r(values: Sequence[float], digits: int = 1) -> list[float]:
            return [round(v, digits) for v in values]

        return {
            "config": self.config,
            "articles": self.articles,
            "stored": self.stored,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "first_failure": self.first_failure,
            "seconds": round(self.seconds, 1),
            "articles_per_s": round(self.articles_per_s, 2),
            "steady_articles_per_s": round(self.steady_articles_per_s, 2),
            "start_ms_per_article": round(self.start_ms, 1),
            "end_ms_per_article": round(self.end_ms, 1),
            "time_growth_pct": round(growth_pct(self.start_ms, self.end_ms), 1),
            "ms_per_article_by_tenth": r(self.ms_per_article),
            "write_ms_by_tenth": r(self.write_ms, 2),
            "write_cpu_ms_by_tenth": r(self.write_cpu_ms, 2),
            "cpu_ms_per_article_by_tenth": r(self.cpu_ms_per_article),
            "cpu_growth_pct": round(growth_pct(*_ends(self.cpu_ms_per_article)), 1),
            "write_cpu_growth_pct": round(growth_pct(*_ends(self.write_cpu_ms)), 1),
            "peak_tree_rss_mb": round(self.peak.tree_rss),
            "peak_tree_pss_mb": round(self.peak.tree_pss),
            "peak_parent_rss_mb": round(self.peak.parent_rss),
            "peak_processes": self.peak.processes,
            "tree_rss_mb_at_10_to_90pct": r(self.rss_mb, 0),
            "tree_pss_mb_at_10_to_90pct": r(self.pss_mb, 0),
            "parent_rss_mb_at_10_to_90pct": r(self.parent_rss_mb, 0),
            "rss_growth_pct_10_to_90": round(growth_pct(self.at(10), self.at(90)), 1),
            "store_mb": round(self.store_mb, 1),
            "load_avg": round(self.load_avg, 2),
            **self.facts,
        }


def _ends(values: Sequence[float]) -> tuple[float, float]:
    return (values[0], values[-1]) if values else (0.0, 0.0)


@contextmanager
def _cluster(config: str, settings: Settings) -> Iterator[Settings]:
    if not config.startswith("dask"):
        yield settings.replace(processes=1 if config == "1-process" else 2, cluster="")
        return
    try:
        from distributed import LocalCluster
    except ImportError as e:
        raise EvaluationError(
            "the dask-2-workers run needs the 'distributed' package: "
            "pip install 'dask[distributed]'"
        ) from e
    factory: Any = LocalCluster
    with factory(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield settings.replace(processes=1, cluster=cluster.scheduler_address)


def run_config(config: str, corpus: Path, settings: Settings, folder: Path, total: int) -> ScaleRun:
    """Ingest ``corpus`` (``total`` articles) into a fresh store in ``folder`` the ``config`` way."""
    clock = _Clock()
    sampler = MemorySampler()
    marks: dict[int, list[int]] = {}
    for k in range(1, TENTHS):  # on a tiny corpus several tenths fall on one article
        marks.setdefault(max(1, total * k // TENTHS), []).append(k)
    readings: dict[int, Memory] = {}
    db = folder / f"{config}.db"
    for stale in folder.glob(f"{config}.db*"):
        stale.unlink()

    def progress(outcome: str, source: str) -> None:
        clock.arrivals.append(time.perf_counter())
        handled = len(clock.arrivals)
        if handled == 1:
            clock.cpu.append((handled, tree_cpu_s()))  # model loading and start-up left out
        due = [k for k in marks.get(handled, []) if k not in readings]
        if due:
            clock.cpu.append((handled, tree_cpu_s()))
            reading = tree_memory()
            sampler.take(reading)
            readings.update(dict.fromkeys(due, reading))

    with _cluster(config, settings) as chosen, Store(db) as store:
        _time_writes(store, clock)
        sampler.start()
        started = time.perf_counter()
        try:
            summary = ingest(store, [corpus], chosen, progress=progress)
            clock.cpu.append((len(clock.arrivals), tree_cpu_s()))
        finally:
            seconds = time.perf_counter() - started
            sampler.stop()
    reached = [readings[k] for k in sorted(readings)]
    first = summary.failed[0] if summary.failed else None
    return ScaleRun(
        config=config,
        articles=len(clock.arrivals),
        stored=len(summary.stored),
        unchanged=len(summary.unchanged),
        failed=len(summary.failed),
        first_failure=f"{first.source}: {first.stage}: {first.error}" if first else "",
        seconds=seconds,
        steady_seconds=clock.arrivals[-1] - clock.arrivals[0] if clock.arrivals else 0.0,
        ms_per_article=tuple(v * 1000 for v in tenths(gaps(clock.arrivals))),
        write_ms=tuple(v * 1000 for v in tenths(clock.writes)),
        write_cpu_ms=tuple(v * 1000 for v in tenths(clock.write_cpu)),
        cpu_ms_per_article=tuple(v * 1000 for v in per_article(clock.cpu)),
        peak=sampler.peak,
        rss_mb=tuple(m.tree_rss for m in reached),
        pss_mb=tuple(m.tree_pss for m in reached),
        parent_rss_mb=tuple(m.parent_rss for m in reached),
        store_mb=sum(p.stat().st_size for p in folder.glob(f"{config}.db*")) / 1e6,
        load_avg=sampler.mean_load,
        facts=_facts(settings, total),
    )


def _facts(settings: Settings, total: int) -> dict[str, object]:
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError):
        pages = 0
    return {
        "corpus_articles": total,
        "model": settings.model,
        "batch_size": settings.batch_size,
        "finished": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "memory_gb": round(pages / 2**30, 1),
        **machine(),
    }


def _time_writes(store: Store, clock: _Clock) -> None:
    """Wrap ``store.add`` so that each write's duration is recorded."""
    add = store.add

    def timed(readout: Readout, **kwargs: Any) -> bool:
        started, cpu = time.perf_counter(), time.thread_time()
        try:
            return add(readout, **kwargs)
        finally:
            clock.writes.append(time.perf_counter() - started)
            clock.write_cpu.append(time.thread_time() - cpu)

    store.add = timed  # type: ignore[method-assign]


# -- the corpus and the whole run ----------------------------------------------------------------


def corpus_script() -> Path:
    """``scripts/scale_corpus.py`` of the checkout this code runs from (or the current folder)."""
    for root in (Path(__file__).resolve().parents[3], Path.cwd()):
        script = root / "scripts" / "scale_corpus.py"
        if script.is_file():
            return script
    raise EvaluationError(
        "scripts/scale_corpus.py not found: run from a checkout of communique, or pass "
        "a corpus folder made by it"
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


def check_configs(configs: Sequence[str]) -> tuple[str, ...]:
    """``configs`` as a tuple; an error names the unknown ones and the known ones."""
    unknown = [c for c in configs if c not in CONFIGS]
    if unknown or not configs:
        raise EvaluationError(
            f"unknown scale configs {unknown or 'none given'}; known: {', '.join(CONFIGS)}"
        )
    return tuple(configs)


def run_scale(
    settings: Settings,
    *,
    articles: int = 100_000,
    corpus: Path | None = None,
    configs: Sequence[str] = CONFIGS,
    progress: Callable[[str], None] | None = None,
    done: Callable[[ScaleRun], None] | None = None,
) -> list[ScaleRun]:
    """Run every config on the corpus (generated when not given); ``done`` gets each result."""
    note = progress or (lambda message: None)
    chosen = check_configs(configs)
    if corpus is not None and not corpus.is_dir():
        raise EvaluationError(f"{corpus}: not a folder (a corpus made by scripts/scale_corpus.py)")
    runs: list[ScaleRun] = []
    with tempfile.TemporaryDirectory(prefix="communique-scale-") as scratch:
        folder = Path(scratch)
        if corpus is None:
            note(f"generating {articles:,} articles")
            corpus = folder / "corpus"
            make_corpus(corpus, articles)
        total = sum(1 for _ in corpus.rglob("*.txt"))
        if not total:
            raise EvaluationError(f"{corpus}: no .txt articles in it")
        for config in chosen:
            note(f"ingesting {total:,} articles, {config}")
            run = run_config(config, corpus, settings, folder, total)
            runs.append(run)
            if done is not None:
                done(run)
            for stale in folder.glob(f"{config}.db*"):
                stale.unlink()
    return runs
