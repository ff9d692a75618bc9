"""What the server holds while it runs: read connections and the one writer.

Reads come from many worker threads at once; each thread gets its own
read-only store connection (SQLite in WAL mode lets readers run beside the
writer). Everything that writes, and everything that runs the spaCy model,
goes through one thread (:class:`Worker`): the store takes one writer at a
time anyway, and the model is loaded once and never shared between threads.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Protocol, TypeVar

from communique.errors import StoreError
from communique.pipeline import Extractor, failure
from communique.records import Article, Failure, RawArticle, Readout
from communique.settings import Settings
from communique.store import Store
from communique.store.resolved import resolve_article

T = TypeVar("T")

MMAP_BYTES = 1 << 30


class ExtractorLike(Protocol):
    """What the server needs of :class:`communique.pipeline.Extractor` (tests pass a stub)."""

    def clean(self, raw: RawArticle) -> Article: ...

    def analyse(self, article: Article) -> Readout: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """What became of one posted article."""

    index: int
    outcome: str
    article_id: str | None = None
    source: str | None = None
    error: str | None = None
    stage: str | None = None


class Readers:
    """One read-only store connection per thread, closed together at shutdown."""

    def __init__(self, path: str, lock_timeout: float) -> None:
        self._path = path
        self._lock_timeout = lock_timeout
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def store(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self._path, lock_timeout=self._lock_timeout, readonly=True)
            with store.reading() as db:
                # pages of a large store are read from a shared memory map rather than copied
                # into each thread's small private cache
                db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def open_private(self) -> Store:
        """A connection of its own, for a long read such as an export streamed across threads."""
        return Store(self._path, lock_timeout=self._lock_timeout, readonly=True)

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()


class Worker:
    """The single thread that runs the model and writes to the store."""

    def __init__(self, settings: Settings, extractor: ExtractorLike | None = None) -> None:
        self._settings = settings
        self._extractor = extractor
        self._store: Store | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="communique-worker")

    async def run(self, job: Callable[[], T]) -> T:
        return await asyncio.wrap_future(self._pool.submit(job))

    def extractor(self) -> ExtractorLike:
        if self._extractor is None:
            self._extractor = Extractor(self._settings)
        return self._extractor

    def writable_store(self) -> Store:
        if self._store is None:
            self._store = Store(self._settings.db, lock_timeout=self._settings.lock_timeout)
        return self._store

    def extract(self, raw: RawArticle) -> Readout:
        extractor = self.extractor()
        return extractor.analyse(extractor.clean(raw))

    def ingest(self, raws: Iterable[RawArticle]) -> list[Outcome]:
        """Extract and store each article; a bad one is recorded and the rest go on."""
        return [self._ingest_one(index, raw) for index, raw in enumerate(raws)]

    def _ingest_one(self, index: int, raw: RawArticle) -> Outcome:
        store, stage = self.writable_store(), "clean"
        try:
            article = self.extractor().clean(raw)
            if store.has(article.id):
                return Outcome(
                    index=index, outcome="unchanged", article_id=article.id, source=raw.source
                )
            stage = "nlp"
            readout = self.extractor().analyse(article)
            stage = "resolve"
            store.add(readout, then=resolve_article)
        except StoreError:
            raise  # the store itself is unusable (locked, full): the request fails whole
        except Exception as e:  # one bad article is recorded, as ingest does, and the rest go on
            return self._failed(index, failure(raw.source, stage, e))
        return Outcome(index=index, outcome="stored", article_id=article.id, source=raw.source)

    def _failed(self, index: int, failed: Failure) -> Outcome:
        self.writable_store().add_failure(failed)
        return Outcome(
            index=index,
            outcome="failed",
            source=failed.source,
            stage=failed.stage,
            error=failed.error,
        )

    def close(self) -> None:
        self._pool.submit(self._close_store).result()
        self._pool.shutdown(wait=True)

    def _close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


@dataclass
class ServerState:
    settings: Settings
    readers: Readers
    worker: Worker

    def close(self) -> None:
        self.worker.close()
        self.readers.close()
