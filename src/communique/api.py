"""The Python API's store handle: a store plus the settings that fill it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType

from communique.jobs import Progress, ingest
from communique.records import Failure, IngestSummary, Readout
from communique.settings import Settings, load_settings
from communique.store import Store, StoredArticle


class Archive:
    """An open store. ``open_store`` returns one; use it as a context manager."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        settings: Settings | None = None,
        readonly: bool = False,
    ) -> None:
        self.settings = (settings or load_settings()).replace(
            db=str(path) if path is not None else None
        )
        self.store = Store(
            self.settings.db, lock_timeout=self.settings.lock_timeout, readonly=readonly
        )

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        include: Iterable[str] = (),
        exclude: Iterable[str] = (),
        progress: Progress | None = None,
    ) -> IngestSummary:
        """Read, extract and store every article under ``paths``."""
        return ingest(
            self.store, paths, self.settings, include=include, exclude=exclude, progress=progress
        )

    def get(self, article_id: str) -> Readout:
        return self.store.get(article_id)

    def readouts(self) -> Iterator[Readout]:
        return self.store.readouts()

    def articles(self, *, limit: int | None = None, offset: int = 0) -> list[StoredArticle]:
        return self.store.articles(limit=limit, offset=offset)

    def failures(self, *, limit: int | None = None) -> list[Failure]:
        return self.store.failures(limit=limit)


def open_store(
    path: str | Path | None = None, *, settings: Settings | None = None, readonly: bool = False
) -> Archive:
    """Open (creating and migrating if needed) the store at ``path`` (default: the ``db`` setting)."""
    return Archive(path, settings=settings, readonly=readonly)
