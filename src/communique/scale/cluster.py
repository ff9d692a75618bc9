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

The ``cluster`` setting names the cluster: a scheduler address
(``tcp://HOST:8786``), or ``local:N`` to start N worker processes on this
machine for one run (:func:`cluster_client`).

Requires ``dask[distributed]`` on the parent and on every worker, with the
same communique version and spaCy model installed (see docs/scale.md).
"""

from __future__ import annotations

import gc
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from itertools import islice
from typing import Any

from communique.errors import CommuniqueError
from communique.ingest.limits import time_limit
from communique.knowledge.tables import tables_version
from communique.pipeline import Extractor, failure
from communique.records import Article, Failure, Readout
from communique.settings import Settings

# ``distributed`` has no type hints: its client and futures are ``Any`` here.
Client = Any
Future = Any

Result = Readout | Failure

CONNECT_SECONDS = 10.0
"""How long to wait for the scheduler to answer, and then for a first worker."""

LOCAL = "local:"
"""Prefix of the ``cluster`` value that starts worker processes here: ``local:N``."""

_EXTRACTORS: dict[Settings, Extractor] = {}
_ANALYSED: dict[Settings, int] = {}
"""Articles each worker-side extractor has analysed, to know when to load a fresh one."""


class ClusterError(CommuniqueError):
    """The Dask scheduler cannot be reached, its workers differ, or ``distributed`` is missing."""


def analyse_batch(settings: Settings, articles: list[Article]) -> list[Result]:
    """Readouts of ``articles`` (a failure record for each one that fails); runs on a worker.

    Dask keeps its workers for the whole run, so the extractor is replaced instead
    after ``worker_articles`` articles (as the local pool replaces its workers):
    spaCy's string store only grows with every new word it sees.
    """
    extractor = _worker_extractor(settings, len(articles))
    results: list[Result] = []
    for article in articles:
        source = article.source or article.id
        try:
            with time_limit(settings.max_seconds, source):
                results.append(extractor.analyse(article))
        except Exception as e:
            results.append(failure(source, "nlp", e))
    return results


def _worker_extractor(settings: Settings, coming: int) -> Extractor:
    """This worker's extractor for ``settings``, a fresh one once the old has done its share."""
    done = _ANALYSED.get(settings, 0)
    if settings.worker_articles and done >= settings.worker_articles:
        _EXTRACTORS.pop(settings, None)
        done = 0
        gc.collect()
    extractor = _EXTRACTORS.get(settings)
    if extractor is None:
        extractor = _EXTRACTORS[settings] = Extractor(settings)
    _ANALYSED[settings] = done + coming
    return extractor


@contextmanager
def cluster_client(
    address: str, *, timeout: float | None = None, model: str = ""
) -> Iterator[Client]:
    """A client of the cluster named by ``address``, closed (with any local cluster) on exit.

    ``address`` is a scheduler address (``tcp://HOST:8786``) or ``local:N``,
    which starts a ``LocalCluster`` of N single-threaded worker processes for
    the duration of the block. The scheduler must have a worker within
    ``timeout`` seconds, and every worker must run this communique, knowledge,
    spaCy and ``model`` version: readouts of mixed versions in one archive are
    an error.
    """
    timeout = CONNECT_SECONDS if timeout is None else timeout
    with ExitStack() as stack:
        if address.startswith(LOCAL):
            scheduler = stack.enter_context(_local_cluster(address)).scheduler_address
        else:
            scheduler = address
        client = connect(scheduler, timeout=timeout)
        stack.callback(client.close)
        _check_workers(client, address, timeout, model)
        yield client


def connect(address: str, *, timeout: float | None = None) -> Client:
    """A client of the scheduler at ``address`` (tcp://HOST:8786)."""
    timeout = CONNECT_SECONDS if timeout is None else timeout
    if "://" not in address:
        raise ClusterError(
            f"cluster address {address!r}: expected a scheduler address such as "
            f"tcp://HOST:8786, or {LOCAL}N for N worker processes on this machine"
        )
    factory: Any = _distributed().Client
    try:
        return factory(address, timeout=f"{timeout}s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} within {timeout:g} s: {e}"
        ) from e


def worker_versions(model: str = "") -> dict[str, str]:
    """What a worker must share with this process to give the same readouts (runs on each)."""
    from importlib.metadata import PackageNotFoundError, version

    from communique import __version__

    versions = {
        "communique": __version__,
        "knowledge": tables_version(),
        "spacy": version("spacy"),
    }
    if model:
        try:
            versions[model] = version(model)
        except PackageNotFoundError:
            versions[model] = "not installed as a package"
    return versions


def _check_workers(client: Client, address: str, timeout: float, model: str = "") -> None:
    try:
        client.wait_for_workers(1, timeout=timeout)
    except (OSError, TimeoutError) as e:
        raise ClusterError(
            f"the Dask scheduler at {address} has no worker after {timeout:g} s; "
            "start one with 'dask worker' (docs/scale.md)"
        ) from e
    here = worker_versions(model)
    try:
        versions: dict[str, dict[str, str]] = client.run(worker_versions, model)
    except Exception as e:  # communique missing on a worker, or a worker lost meanwhile
        raise ClusterError(
            f"the workers of the cluster at {address} cannot run communique: {e}"
        ) from e
    for worker, there in sorted(versions.items()):
        differences = [
            f"{name} {there.get(name)} (here {value})"
            for name, value in here.items()
            if there.get(name) != value
        ]
        if differences:
            raise ClusterError(
                f"worker {worker} of the cluster at {address} has {'; '.join(differences)}; "
                "install the same versions on every machine"
            )


@contextmanager
def _local_cluster(address: str) -> Iterator[Any]:
    count = address.removeprefix(LOCAL)
    if not count.isdigit() or int(count) < 1:
        raise ClusterError(f"cluster {address!r}: expected {LOCAL}N with N a number of workers")
    factory: Any = _distributed().LocalCluster
    try:
        cluster = factory(
            n_workers=int(count),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    except (OSError, RuntimeError) as e:
        raise ClusterError(f"cannot start a local Dask cluster ({address}): {e}") from e
    with cluster:
        yield cluster


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as e:
        raise ClusterError(
            "a Dask cluster needs the 'distributed' package: pip install 'dask[distributed]'"
        ) from e
    return distributed


def analyse_on_cluster(
    client: Client, settings: Settings, articles: Iterable[Article], *, window: int = 0
) -> Iterator[Result]:
    """Results of ``articles`` in input order, computed on the cluster behind ``client``."""
    size = max(1, settings.batch_size)
    window = window or max(2, 2 * _threads(client))
    # Workers need neither the store location nor the API token.
    settings = settings.replace(api_token="", db="-", cluster="")
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
        if client.status != "running":
            # The scheduler is gone: every article left would fail the same way. Stop; a
            # rerun stores what is missing (what was stored so far stays).
            raise ClusterError(f"lost the connection to the Dask scheduler: {e}") from e
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
