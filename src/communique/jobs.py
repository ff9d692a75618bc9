"""The ingest job: inputs → readouts → store, with one failure record per bad input.

Articles already in the store (same cleaned text) are not processed again.
Readouts are computed in batches (spaCy's ``nlp.pipe``) or, with
``processes > 1``, in worker processes; all writes happen in this process, one
transaction per article, so a killed run loses at most the batch in flight
and a rerun stores each article exactly once. Each article is resolved against
the archive (actors, near-duplicates, canonical events, threads) in the
transaction that stores it.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from communique.errors import CommuniqueError, InputError, StoreError
from communique.ingest import JsonlFields, read_paths
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

    pending = _new_articles(
        store,
        extractor,
        read_paths(
            paths,
            max_bytes=settings.max_bytes,
            fields=jsonl_fields(settings),
            include=include,
            exclude=exclude,
        ),
        tally,
        fail,
        notify,
    )
    for result in _readouts(extractor, pending, settings):
        if isinstance(result, Failure):
            fail(result)
            continue
        source = result.article.source or result.article.id
        try:
            added = store.add(result, then=resolve_article)
        except StoreError:
            raise  # the store itself is unusable (locked, full): stop
        except Exception as e:  # a resolution bug: the article waits for a rerun, the batch goes on
            fail(failure(source, "resolve", e))
            continue
        tally.articles.append(result.article.id)
        if added:
            tally.stored.append(source)
            notify("stored", source)
        else:
            tally.unchanged.append(source)
            notify("unchanged", source)
    return tally.summary()


def _new_articles(
    store: Store,
    extractor: Extractor,
    items: Iterable[RawArticle | InputError],
    tally: _Tally,
    fail: Callable[[Failure], None],
    notify: Progress,
) -> Iterator[Article]:
    """Cleaned articles not yet stored; failures and already-stored articles are settled here."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, InputError):
            fail(failure(item.source, "read", item))
            continue
        try:
            article: Article = extractor.clean(item)
        except CommuniqueError as e:
            fail(failure(item.source, "clean", e))
            continue
        if article.id in seen or store.has(article.id):
            tally.articles.append(article.id)
            tally.unchanged.append(item.source)
            notify("unchanged", item.source)
            continue
        seen.add(article.id)
        yield article


def _readouts(
    extractor: Extractor, articles: Iterator[Article], settings: Settings
) -> Iterator[Readout | Failure]:
    if settings.processes <= 1:
        while batch := list(islice(articles, settings.batch_size)):
            yield from extractor.analyse_many(batch)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(settings.processes, initializer=_init_worker, initargs=(settings,)) as pool:
        yield from pool.imap(_analyse_in_worker, articles, chunksize=2)


_worker: Extractor | None = None


def _init_worker(settings: Settings) -> None:
    global _worker
    _worker = Extractor(settings)
    _worker.nlp  # noqa: B018  load the model once per worker


def _analyse_in_worker(article: Article) -> Readout | Failure:
    assert _worker is not None
    try:
        return _worker.analyse(article)
    except Exception as e:
        return failure(article.source or article.id, "nlp", e)
