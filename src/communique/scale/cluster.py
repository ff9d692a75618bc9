"""Articles analysed on a Dask distributed cluster, results back in input order.

The parent reads and cleans the inputs (cheap), sends batches of cleaned
articles to the cluster, and stores the readouts that come back (one writer,
as on one machine). Workers run :func:`analyse_batch`, which needs only the
article: the same pure function as every other path, with the model loaded
once per worker process.

At most ``window`` batches are in flight, so memory in the parent stays flat
however large the input. Dask retries a batch whose worker died on another
worker; a batch that keeps killing workers (``KilledWorker``) is split and its
articles sent one by one, so that only the article at fault becomes a failure.

Requires ``dask[distributed]`` on the parent and on every worker, with the
same communique version and spaCy model installed (see docs/scale.md).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from communique.errors import CommuniqueError
from communique.ingest.limits import time_limit
from communique.pipeline import Extractor, failure
from communique.records import Article, Failure, Readout
from communique.settings import Settings

# ``distributed`` has no type hints: its client and futures are ``Any`` here.
Client = Any
Future = Any

Result = Readout | Failure

_EXTRACTORS: dict[Settings, Extractor] = {}


class ClusterError(CommuniqueError):
    """The Dask scheduler cannot be reached, or the ``distributed`` package is missing."""


def analyse_batch(settings: Settings, articles: list[Article]) -> list[Result]:
    """Readouts of ``articles`` (a failure record for each one that fails); runs on a worker."""
    extractor = _EXTRACTORS.get(settings)
    if extractor is None:
        extractor = _EXTRACTORS.setdefault(settings, Extractor(settings))
    results: list[Result] = []
    for article in articles:
        source = article.source or article.id
        try:
            with time_limit(settings.max_seconds, source):
                results.append(extractor.analyse(article))
        except Exception as e:
            results.append(failure(source, "nlp", e))
    return results


def connect(address: str, *, timeout: float = 30.0) -> Client:
    """A client of the scheduler at ``address`` (tcp://HOST:8786)."""
    try:
        import distributed
    except ImportError as e:
        raise ClusterError(
            "--cluster needs the 'distributed' package: pip install 'dask[distributed]'"
        ) from e
    try:
        factory: Any = distributed.Client
        return factory(address, timeout=f"{timeout}s", set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {e}") from e


def analyse_on_cluster(
    client: Client, settings: Settings, articles: Iterable[Article], *, window: int = 0
) -> Iterator[Result]:
    """Results of ``articles`` in input order, computed on the cluster behind ``client``."""
    size = max(1, settings.batch_size)
    window = window or max(2, 2 * _threads(client))
    # Workers need neither the store location nor the API token.
    settings = settings.replace(api_token="", db="-")
    iterator = iter(articles)
    batches = iter(lambda: list(islice(iterator, size)), [])
    flight: deque[tuple[list[Article], Future]] = deque()
    for batch in batches:
        flight.append((batch, _submit(client, settings, batch)))
        if len(flight) >= window:
            yield from _settle(client, settings, *flight.popleft())
    while flight:
        yield from _settle(client, settings, *flight.popleft())


def _submit(client: Client, settings: Settings, batch: list[Article]) -> Future:
    # pure=False: a rerun of the same batch must run again, not reuse a cached result.
    return client.submit(analyse_batch, settings, batch, pure=False)


def _settle(client: Client, settings: Settings, batch: list[Article], future: Any) -> list[Result]:
    try:
        results: list[Result] = future.result()
        return results
    except Exception as e:
        if len(batch) == 1:
            return [failure(batch[0].source or batch[0].id, "nlp", e)]
        # A worker died on this batch more than the scheduler allows: isolate the article.
        singles = [_submit(client, settings, [article]) for article in batch]
        return [
            result
            for article, single in zip(batch, singles, strict=True)
            for result in _settle(client, settings, [article], single)
        ]
    finally:
        future.release()


def _threads(client: Client) -> int:
    info = client.scheduler_info()
    workers = info.get("workers", {})
    return sum(int(worker.get("nthreads", 1)) for worker in workers.values()) or 1
