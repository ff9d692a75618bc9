"""Worker processes on this machine, supervised: results in input order, nothing lost.

Why not :class:`multiprocessing.Pool`: when one of its workers dies (killed,
out of memory, a crash in C code) the task it held is lost and ``imap`` waits
for it forever; and its shared result queue is guarded by a lock that a
worker killed at the wrong moment never releases. Here every worker has its
own pipe, and the parent watches the workers' sentinels:

- a worker that dies is replaced, and the article it was on is given to
  another worker once more; an article that kills two workers becomes a
  failure record (it is the input, not the worker);
- an article that runs past the time limit is stopped inside the worker
  (:func:`communique.ingest.limits.time_limit`); a worker stuck in C code past
  the limit and a grace period is killed, and the article is a failure;
- a worker is replaced after ``recycle`` articles, which bounds the memory a
  long run accumulates in spaCy's string store;
- at most two articles per worker are in flight and results wait only for
  the slower ones ahead of them, so memory does not grow with the input.

Workers are forked from the parent after it has loaded the model, so a
replacement starts at once and shares the model's pages with the parent.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from communique.ingest.limits import time_limit, too_slow
from communique.pipeline import Extractor, failure
from communique.records import Article, Failure, Readout

Result = Readout | Failure

GRACE_SECONDS = 10.0
"""How long past the time limit a worker may stay silent before it is killed."""

PREFETCH_BYTES = 32_000
"""A second article is queued to a busy worker only when it is this small (pipes buffer it)."""

ATTEMPTS = 2
"""Workers an article may take down before it is recorded as a failure."""


@dataclass
class _Task:
    seq: int
    article: Article
    payload: bytes
    attempts: int = 0


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    queue: deque[_Task] = field(default_factory=deque)
    started: float = 0.0
    done: int = 0


def _serve(
    conn: Connection, extractor: Extractor, max_seconds: float, inherited: list[Connection]
) -> None:
    """A worker's loop: articles in, readouts (or failures) out, until the pipe closes."""
    # Ctrl-C goes to the whole process group: the parent decides, workers carry on.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The fork copied the parent's ends of this worker's pipe and of the others': while
    # a worker held them, a killed parent left the workers waiting for input forever.
    for other in inherited:
        other.close()
    while True:
        try:
            seq, article = pickle.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return
        result = _analyse(extractor, article, max_seconds)
        try:
            conn.send_bytes(pickle.dumps((seq, result), protocol=pickle.HIGHEST_PROTOCOL))
        except (BrokenPipeError, OSError):
            return


def _analyse(extractor: Extractor, article: Article, max_seconds: float) -> Result:
    source = article.source or article.id
    try:
        with time_limit(max_seconds, source):
            return extractor.analyse(article)
    except Exception as e:
        return failure(source, "nlp", e)


class WorkerPool:
    """``processes`` forked workers running ``extractor.analyse``; use as a context manager."""

    def __init__(
        self, extractor: Extractor, processes: int, *, max_seconds: float = 0, recycle: int = 0
    ) -> None:
        self.extractor = extractor
        self.processes = max(1, processes)
        self.max_seconds = max_seconds
        self.recycle = recycle
        self.replaced = 0
        self._context = multiprocessing.get_context("fork")
        self._workers: list[_Worker] = []

    def __enter__(self) -> WorkerPool:
        self.extractor.nlp  # noqa: B018  load once here; forked workers share it
        self._workers = []
        for _ in range(self.processes):
            self._workers.append(self._spawn())  # one by one: each closes the ends before it
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._workers:
            worker.conn.close()
        deadline = time.monotonic() + 5
        for worker in self._workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
        self._workers = []

    def pids(self) -> list[int]:
        return [w.process.pid for w in self._workers if w.process.pid is not None]

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=_serve,
            args=(
                child,
                self.extractor,
                self.max_seconds,
                [parent, *(w.conn for w in self._workers)],
            ),
            daemon=True,
        )
        process.start()
        child.close()
        return _Worker(process=process, conn=parent)

    def map(self, articles: Iterable[Article]) -> Iterator[Result]:
        """Results of ``articles`` in input order."""
        source = iter(enumerate(articles))
        waiting: deque[_Task] = deque()
        ready: dict[int, Result] = {}
        next_seq, exhausted = 0, False
        while True:
            exhausted = self._feed(source, waiting, exhausted)
            if exhausted and not waiting and not any(w.queue for w in self._workers):
                break
            self._collect(ready, waiting)
            while next_seq in ready:
                yield ready.pop(next_seq)
                next_seq += 1
        while next_seq in ready:
            yield ready.pop(next_seq)
            next_seq += 1

    def _feed(
        self, source: Iterator[tuple[int, Article]], waiting: deque[_Task], exhausted: bool
    ) -> bool:
        """Give idle workers a task (busy ones a small second one); return whether input ran out."""
        for depth in (1, 2):
            for worker in self._workers:
                if len(worker.queue) >= depth:
                    continue
                if not waiting and not exhausted:
                    item = next(source, None)
                    if item is None:
                        exhausted = True
                    else:
                        waiting.append(_task(*item))
                if not waiting or (depth == 2 and len(waiting[0].payload) > PREFETCH_BYTES):
                    continue
                self._send(worker, waiting.popleft())
        return exhausted

    def _send(self, worker: _Worker, task: _Task) -> None:
        if not worker.queue:
            worker.started = time.monotonic()
        worker.queue.append(task)
        # A dead worker's sentinel tells the collector, which re-queues the task.
        with contextlib.suppress(OSError):
            worker.conn.send_bytes(task.payload)

    def _collect(self, ready: dict[int, Result], waiting: deque[_Task]) -> None:
        """Wait for results, deaths or a hung worker; settle what happened."""
        busy = [w for w in self._workers if w.queue]
        if not busy:
            return
        handles: dict[object, _Worker] = {w.conn: w for w in busy}
        handles.update((w.process.sentinel, w) for w in busy)
        for handle in wait(list(handles), timeout=self._wait_timeout(busy)):  # type: ignore[arg-type]
            worker = handles[handle]
            if worker not in self._workers:
                continue  # already replaced in this round
            if handle is worker.conn and worker.conn.poll():
                self._receive(worker, ready, recycle=True)
            elif not worker.process.is_alive():
                self._lost(worker, waiting, ready)
        for worker in list(self._workers):
            if worker.queue and self._overdue(worker):
                self._hung(worker, waiting, ready)

    def _receive(self, worker: _Worker, ready: dict[int, Result], *, recycle: bool) -> bool:
        try:
            seq, result = pickle.loads(worker.conn.recv_bytes())
        except (EOFError, OSError, pickle.UnpicklingError):
            return False  # died mid-send: the sentinel reports it
        task = worker.queue.popleft()
        assert task.seq == seq, "a worker answers its tasks in order"
        ready[seq] = result
        worker.done += 1
        worker.started = time.monotonic()
        if recycle and self.recycle and worker.done >= self.recycle and not worker.queue:
            self._replace(worker)
        return True

    def _lost(self, worker: _Worker, waiting: deque[_Task], ready: dict[int, Result]) -> None:
        """A worker died: its current article is retried (or failed), the rest re-queued."""
        while worker.queue and worker.conn.poll():  # results it sent before dying count
            if not self._receive(worker, ready, recycle=False):
                break
        code = worker.process.exitcode
        cause = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        self._requeue(worker, waiting, ready, f"the worker process died ({cause})")

    def _hung(self, worker: _Worker, waiting: deque[_Task], ready: dict[int, Result]) -> None:
        worker.process.kill()
        worker.process.join()
        current = worker.queue[0]
        current.attempts = ATTEMPTS  # a hang is the article's doing: no retry
        self._requeue(worker, waiting, ready, str(too_slow(self.max_seconds)))

    def _requeue(
        self, worker: _Worker, waiting: deque[_Task], ready: dict[int, Result], reason: str
    ) -> None:
        tasks = list(worker.queue)
        worker.queue.clear()
        if tasks:
            current = tasks[0]
            current.attempts += 1
            if current.attempts >= ATTEMPTS:
                source = current.article.source or current.article.id
                ready[current.seq] = failure(source, "nlp", RuntimeError(reason))
                tasks = tasks[1:]
        waiting.extendleft(reversed(tasks))
        self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        index = self._workers.index(worker)
        worker.conn.close()
        if worker.process.is_alive():
            worker.process.join(5)
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        self._workers[index] = self._spawn()
        self.replaced += 1

    def _overdue(self, worker: _Worker) -> bool:
        return bool(self.max_seconds) and (
            time.monotonic() - worker.started > self.max_seconds + GRACE_SECONDS
        )

    def _wait_timeout(self, busy: list[_Worker]) -> float:
        if not self.max_seconds:
            return 1.0
        limit = self.max_seconds + GRACE_SECONDS
        left = min(limit - (time.monotonic() - w.started) for w in busy)
        return max(0.05, min(1.0, left))


def _task(seq: int, article: Article) -> _Task:
    payload = pickle.dumps((seq, article), protocol=pickle.HIGHEST_PROTOCOL)
    return _Task(seq=seq, article=article, payload=payload)


def worker_pids() -> list[int]:
    """Children of this process (for tests and the bench's memory sampling)."""
    return [child.pid for child in multiprocessing.active_children() if child.pid] or [os.getpid()]
