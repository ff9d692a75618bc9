"""The ingest job: inputs → readouts → store, with one failure record per bad input.

Articles already in the store (same cleaned text) are not processed again.
Readouts are computed in batches in this process (spaCy's ``nlp.pipe``), on
supervised worker processes (``processes > 1``, :mod:`communique.scale.pool`)
or on a Dask cluster (the ``cluster`` setting: ``tcp://HOST:8786``, or ``local:N``
for N worker processes here; :mod:`communique.scale.cluster`).
Whichever computes them, results come back in input order and all writes
happen in this process, one transaction per article: a killed run loses at
most the articles in flight, and a rerun stores each article exactly once.
Each article is resolved against the archive (actors, near-duplicates,
canonical events, threads) in the transaction that stores it.

Every input gets the ``max_seconds`` time limit at each stage (reading,
cleaning, analysis), so that one hostile input becomes a failure record
instead of stalling the batch.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from communique.errors import CommuniqueError, InputError, StoreError
from communique.ingest import JsonlFields, read_paths
from communique.ingest.limits import time_limit
from communique.pipeline import Extractor, failure
from communique.records import Article, Failure, IngestSummary, RawArticle, Readout
from communique.settings import Settings
from communique.store import Store
from communique.store.resolved import resolve_article

Progress = Callable[[str, str], None]
"""Called with (outcome, source) per input: stored, unchanged or failed."""


@dataclass
class _Tally:
    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    in_flight: set[str] = field(default_factory=set)
    """Ids read but not yet written: a second copy in the same run is 'unchanged'."""

    def summary(self) -> IngestSummary:
        return IngestSummary(
            stored=tuple(self.stored),
            unchanged=tuple(self.unchanged),
            failed=tuple(self.failed),
            articles=tuple(dict.fromkeys(self.articles)),
        )


def jsonl_fields(settings: Settings) -> JsonlFields:
    return JsonlFields(
        text=settings.jsonl_text,
        date=settings.jsonl_date,
        url=settings.jsonl_url,
        title=settings.jsonl_title,
    )


def read_inputs(
    paths: Iterable[str | Path],
    settings: Settings,
    *,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
) -> Iterator[RawArticle | InputError]:
    """Raw articles (or the error of each bad input) under ``paths``, with the input limits."""
    return read_paths(
        paths,
        max_bytes=settings.max_bytes,
        fields=jsonl_fields(settings),
        include=include,
        exclude=exclude,
        max_seconds=settings.max_seconds,
        max_nesting=settings.max_nesting,
    )


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    settings: Settings,
    *,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    progress: Progress | None = None,
) -> IngestSummary:
    """Read, extract and store every article under ``paths``."""
    extractor = Extractor(settings)
    tally = _Tally()
    notify = progress or (lambda outcome, source: None)

    def fail(item: Failure) -> None:
        store.add_failure(item)
        tally.failed.append(item)
        notify("failed", item.source)

    items = read_inputs(paths, settings, include=include, exclude=exclude)
    pending = _new_articles(store, extractor, items, tally, fail, notify)
    # closing: a store error or Ctrl-C ends the workers (and a local cluster) at once.
    with closing(readouts(extractor, pending, settings)) as results:
        for result in results:
            if isinstance(result, Failure):
                fail(result)
                continue
            _write(store, result, tally, fail, notify)
    return tally.summary()


def _write(
    store: Store,
    readout: Readout,
    tally: _Tally,
    fail: Callable[[Failure], None],
    notify: Progress,
) -> None:
    source = readout.article.source or readout.article.id
    tally.in_flight.discard(readout.article.id)
    try:
        added = store.add(readout, then=resolve_article)
    except StoreError:
        raise  # the store itself is unusable (locked, full, read-only): stop
    except Exception as e:  # a resolution bug: the article waits for a rerun, the batch goes on
        fail(failure(source, "resolve", e))
        return
    tally.articles.append(readout.article.id)
    if added:
        tally.stored.append(source)
        notify("stored", source)
    else:
        tally.unchanged.append(source)
        notify("unchanged", source)


def _new_articles(
    store: Store,
    extractor: Extractor,
    items: Iterable[RawArticle | InputError],
    tally: _Tally,
    fail: Callable[[Failure], None],
    notify: Progress,
) -> Iterator[Article]:
    """Cleaned articles not yet stored; failures and already-stored articles are settled here."""
    limit = extractor.settings.max_seconds
    for item in items:
        if isinstance(item, InputError):
            fail(failure(item.source, "read", item))
            continue
        try:
            with time_limit(limit, item.source):
                article: Article = extractor.clean(item)
        except CommuniqueError as e:
            fail(failure(item.source, "clean", e))
            continue
        except Exception as e:  # a cleaning bug must not end the batch either
            fail(failure(item.source, "clean", e))
            continue
        if article.id in tally.in_flight or store.has(article.id):
            tally.articles.append(article.id)
            tally.unchanged.append(item.source)
            notify("unchanged", item.source)
            continue
        tally.in_flight.add(article.id)
        yield article


def readouts(
    extractor: Extractor, articles: Iterator[Article], settings: Settings
) -> Generator[Readout | Failure, None, None]:
    """Readouts (or failures) of ``articles`` in input order, wherever the settings say."""
    if settings.cluster:
        from communique.scale.cluster import analyse_on_cluster, cluster_client

        with cluster_client(settings.cluster, model=settings.model) as client:
            yield from analyse_on_cluster(client, settings, articles)
        return
    if settings.processes > 1:
        from communique.scale.pool import WorkerPool

        pool = WorkerPool(
            extractor,
            settings.processes,
            max_seconds=settings.max_seconds,
            recycle=settings.worker_articles,
        )
        with pool:
            yield from pool.map(articles)
        return
    yield from _in_process(extractor, articles, settings)


def _in_process(
    extractor: Extractor, articles: Iterator[Article], settings: Settings
) -> Iterator[Readout | Failure]:
    """Batches through ``nlp.pipe``; a batch that fails or overruns is redone article by article.

    A normal batch takes a fraction of ``max_seconds``; one that takes longer
    holds a slow article, which the second pass isolates.
    """
    while batch := list(islice(articles, max(1, settings.batch_size))):
        try:
            with time_limit(settings.max_seconds):
                results = list(extractor.analyse_many(batch))
        except Exception:  # TooSlowError included
            results = [_analyse_one(extractor, article, settings) for article in batch]
        yield from results


def _analyse_one(extractor: Extractor, article: Article, settings: Settings) -> Readout | Failure:
    source = article.source or article.id
    try:
        with time_limit(settings.max_seconds, source):
            return extractor.analyse(article)
    except Exception as e:
        return failure(source, "nlp", e)
