"""Throughput and memory: ``communique bench``.

On one corpus, in one run, measures articles/s and words/s for

- ``extract``: cleaned articles → readouts in this process (the model already loaded),
- ``ingest``: files → store, i.e. reading, cleaning, NLP and SQLite writes
  (each copy of the corpus goes to its own temporary store, since a store
  skips articles it already holds),
- ``spacy``: the bare spaCy model (``spacy.load``, no communique components)
  piping the same cleaned texts, so the cost of communique's own components
  shows as the ratio communique / bare spaCy;

each with one process and, when asked, with N worker processes; with
``repeat`` each is timed that many times and the fastest run kept. Peak memory
is the resident-set high-water mark (``getrusage``) of this process and of its
largest finished worker.
"""

from __future__ import annotations

import multiprocessing
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import spacy
from spacy.language import Language

from communique.errors import CommuniqueError
from communique.evaluation.runner import machine
from communique.ingest import read_paths
from communique.jobs import ingest, jsonl_fields
from communique.pipeline import Extractor
from communique.records import Article, RawArticle
from communique.settings import Settings
from communique.store import Store

DEFAULT_EXCLUDE = ("*.md",)
"""README and PROVENANCE files beside a corpus are not articles."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Throughput:
    stage: str
    processes: int
    articles: int
    words: int
    seconds: float
    cpu_seconds: float = 0.0

    @property
    def words_per_cpu_s(self) -> float:
        """Words per CPU second (this process and its workers): steadier than wall time on a busy machine."""
        return self.words / self.cpu_seconds if self.cpu_seconds else 0.0

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def as_json(self) -> dict[str, object]:
        return {
            "stage": self.stage,
            "processes": self.processes,
            "articles": self.articles,
            "words": self.words,
            "seconds": round(self.seconds, 2),
            "articles_per_s": round(self.articles_per_s, 2),
            "words_per_s": round(self.words_per_s),
            "cpu_seconds": round(self.cpu_seconds, 2),
            "words_per_cpu_s": round(self.words_per_cpu_s),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class BenchReport:
    corpus: str
    model: str
    articles: int
    words: int
    multiply: int
    repeat: int
    load_seconds: dict[str, float]
    runs: tuple[Throughput, ...]
    peak_rss_mb: dict[str, float]
    machine: dict[str, object] = field(default_factory=machine)

    def ratio(self, processes: int, *, cpu: bool = False) -> float | None:
        """communique extract words/s over bare spaCy words/s (or per CPU second), at ``processes``."""
        ours = self.find("extract", processes)
        bare = self.find("spacy", processes)
        if ours is None or bare is None:
            return None
        mine, theirs = (
            (ours.words_per_cpu_s, bare.words_per_cpu_s)
            if cpu
            else (ours.words_per_s, bare.words_per_s)
        )
        return mine / theirs if theirs else None

    def find(self, stage: str, processes: int) -> Throughput | None:
        return next((r for r in self.runs if r.stage == stage and r.processes == processes), None)

    def as_json(self) -> dict[str, object]:
        counts = sorted({run.processes for run in self.runs})
        return {
            "corpus": self.corpus,
            "model": self.model,
            "articles": self.articles,
            "words": self.words,
            "multiply": self.multiply,
            "repeat": self.repeat,
            "machine": self.machine,
            "load_seconds": {k: round(v, 2) for k, v in self.load_seconds.items()},
            "runs": [run.as_json() for run in self.runs],
            "ratio_extract_to_spacy": {str(p): _rounded(self.ratio(p)) for p in counts},
            "ratio_extract_to_spacy_cpu": {
                str(p): _rounded(self.ratio(p, cpu=True)) for p in counts
            },
            "peak_rss_mb": self.peak_rss_mb,
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """High-water resident set size in MB (Linux reports kB, macOS bytes)."""
    peak = resource.getrusage(who).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def word_count(articles: Iterable[Article]) -> int:
    return sum(len(article.text.split()) for article in articles)


def read_corpus(
    paths: Sequence[Path], extractor: Extractor, exclude: Iterable[str]
) -> list[Article]:
    """The cleaned articles of a corpus; unreadable inputs are left out."""
    settings = extractor.settings
    items = read_paths(
        paths, max_bytes=settings.max_bytes, fields=jsonl_fields(settings), exclude=exclude
    )
    articles = []
    for item in items:
        if isinstance(item, RawArticle):
            try:
                articles.append(extractor.clean(item))
            except CommuniqueError:
                continue  # a bad input is not part of the measurement
    return articles


def cpu_seconds() -> float:
    """User and system CPU time of this process and its finished workers so far."""
    own, workers = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def timed(
    stage: str,
    processes: int,
    articles: Sequence[Article],
    work: Callable[[], object],
    repeat: int = 1,
) -> Throughput:
    """The fastest of ``repeat`` runs of ``work`` (other load on the machine only slows runs down)."""
    best, best_cpu = float("inf"), 0.0
    for _ in range(max(1, repeat)):
        started, started_cpu = time.perf_counter(), cpu_seconds()
        work()
        seconds = time.perf_counter() - started
        if seconds < best:
            best, best_cpu = seconds, cpu_seconds() - started_cpu
    return Throughput(
        stage=stage,
        processes=processes,
        articles=len(articles),
        words=word_count(articles),
        seconds=best,
        cpu_seconds=best_cpu,
    )


_worker: Extractor | None = None


def _init_worker(settings: Settings) -> None:
    global _worker
    _worker = Extractor(settings)
    _worker.nlp  # noqa: B018  load (or, forked, inherit) the model once per worker


def _analyse_in_worker(article: Article) -> bool:
    assert _worker is not None
    _worker.analyse(article)
    return True


def extract_all(extractor: Extractor, articles: Sequence[Article], processes: int) -> None:
    """Readouts of every article: batched in this process, or by ``processes`` forked workers."""
    if processes <= 1:
        size = max(1, extractor.settings.batch_size)
        for start in range(0, len(articles), size):
            for _ in extractor.analyse_many(list(articles[start : start + size])):
                pass
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(processes, initializer=_init_worker, initargs=(extractor.settings,)) as pool:
        for _ in pool.imap(_analyse_in_worker, articles, chunksize=2):
            pass


def ingest_copies(
    paths: Sequence[Path],
    settings: Settings,
    *,
    copies: int,
    processes: int,
    exclude: Iterable[str],
) -> None:
    """Ingest the corpus ``copies`` times, each into a fresh temporary store."""
    with tempfile.TemporaryDirectory(prefix="communique-bench-") as folder:
        for copy in range(copies):
            with Store(Path(folder) / f"bench-{copy}.db") as store:
                ingest(store, paths, settings.replace(processes=processes), exclude=exclude)


def _sample(text: str) -> Article:
    return Article(id="warm-up", text=text)


def _warm_up(run: Callable[[str], object], corpus: Sequence[Article]) -> None:
    if corpus:
        run(corpus[0].text[:2000])


def _pipe_all(nlp: Language, texts: list[str], batch_size: int, processes: int) -> None:
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
        pass


def run_bench(
    paths: Sequence[Path],
    settings: Settings,
    *,
    multiply: int = 1,
    processes: int = 1,
    repeat: int = 1,
    exclude: Iterable[str] = DEFAULT_EXCLUDE,
    progress: Callable[[str], None] | None = None,
) -> BenchReport:
    """Measure extract, ingest and bare spaCy on ``paths`` (``multiply`` copies; best of ``repeat``)."""
    note = progress or (lambda message: None)
    exclude = tuple(exclude)
    extractor = Extractor(settings)
    started = time.perf_counter()
    corpus = read_corpus(paths, extractor, exclude)
    # Loading, and the first article's one-time set-up (knowledge tables), are not throughput.
    _warm_up(lambda text: extractor.analyse(_sample(text)), corpus)
    load = {"communique": time.perf_counter() - started}
    articles = corpus * max(1, multiply)
    counts = sorted({1, max(1, processes)})
    runs: list[Throughput] = []
    for n in counts:
        note(f"extract, {n} process(es)")
        runs.append(
            timed("extract", n, articles, partial(extract_all, extractor, articles, n), repeat)
        )
    for n in counts:
        note(f"ingest, {n} process(es)")
        copies = partial(
            ingest_copies, paths, settings, copies=max(1, multiply), processes=n, exclude=exclude
        )
        runs.append(timed("ingest", n, articles, copies, repeat))
    rss = {"communique": peak_rss_mb(), "communique_workers": peak_rss_mb(resource.RUSAGE_CHILDREN)}
    started = time.perf_counter()
    bare = spacy.load(settings.model)
    _warm_up(bare, corpus)
    load["spacy"] = time.perf_counter() - started
    texts = [article.text for article in articles]
    for n in counts:
        note(f"bare spaCy, {n} process(es)")
        pipe = partial(_pipe_all, bare, texts, settings.batch_size, n)
        runs.append(timed("spacy", n, articles, pipe, repeat))
    rss.update(total=peak_rss_mb(), workers_total=peak_rss_mb(resource.RUSAGE_CHILDREN))
    return BenchReport(
        corpus=", ".join(str(path) for path in paths),
        model=settings.model,
        articles=len(articles),
        words=word_count(articles),
        multiply=max(1, multiply),
        repeat=max(1, repeat),
        load_seconds=load,
        runs=tuple(runs),
        peak_rss_mb=rss,
    )
