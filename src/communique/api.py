"""The Python API's store handle: a store plus the settings that fill it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType

from communique import query as query_module
from communique.jobs import Progress, ingest
from communique.query import EventFilter
from communique.query.rows import (
    ActorProfile,
    ActorRow,
    CanonicalDetail,
    CanonicalEvent,
    EventRow,
    QuoteRow,
    Thread,
    TimelinePoint,
)
from communique.records import Failure, IngestSummary, Readout
from communique.settings import Settings, load_settings
from communique.store import Store, StoredArticle
from communique.store.resolved import resolve_stored


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

    # -- across articles -------------------------------------------------------

    def resolve(self, *, rebuild: bool = False) -> int:
        """Resolve stored articles not resolved yet (every one with ``rebuild``)."""
        return resolve_stored(self.store, rebuild=rebuild)

    def events(
        self, query: EventFilter | None = None, *, limit: int = 100, offset: int = 0
    ) -> list[EventRow]:
        """Events as each article reports them; ``EventFilter`` narrows them."""
        return query_module.events(self.store, query, limit=limit, offset=offset)

    def canonical_events(
        self, query: EventFilter | None = None, *, limit: int = 100, offset: int = 0
    ) -> list[CanonicalEvent]:
        """Real events, each with its reports counted and the values sources disagree on."""
        return query_module.canonical_events(self.store, query, limit=limit, offset=offset)

    def canonical_event(self, event_id: str) -> CanonicalDetail:
        """One canonical event (id or unique prefix) with every report of it."""
        return query_module.canonical_event(self.store, event_id)

    def threads(
        self,
        query: EventFilter | None = None,
        *,
        min_articles: int = 2,
        limit: int = 50,
        offset: int = 0,
    ) -> list[Thread]:
        """Planned or proposed events and what became of them, with evidence."""
        return query_module.threads(
            self.store, query, min_articles=min_articles, limit=limit, offset=offset
        )

    def quotes(
        self, *, speaker: str | None = None, text: str | None = None, limit: int = 100
    ) -> list[QuoteRow]:
        return query_module.quotes(self.store, speaker=speaker, text=text, limit=limit)

    def actors(
        self, *, name: str | None = None, kind: str | None = None, limit: int = 100
    ) -> list[ActorRow]:
        return query_module.actors(self.store, name=name, kind=kind, limit=limit)

    def actor(self, name: str) -> ActorProfile:
        """One actor's names, titles and countries over time, disagreements named."""
        return query_module.actor_profile(self.store, name)

    def timeline(
        self,
        first: str,
        second: str | None = None,
        *,
        since: str | None = None,
        until: str | None = None,
    ) -> list[TimelinePoint]:
        """Canonical events of an actor or a country, or of a pair, oldest first."""
        return query_module.timeline(self.store, first, second, since=since, until=until)


def open_store(
    path: str | Path | None = None, *, settings: Settings | None = None, readonly: bool = False
) -> Archive:
    """Open (creating and migrating if needed) the store at ``path`` (default: the ``db`` setting)."""
    return Archive(path, settings=settings, readonly=readonly)
