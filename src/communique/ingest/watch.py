"""Watching folders and feed files: ingest what is new or changed, scan after scan.

The inputs are the files under the watched paths (folders recursively, with
the include/exclude globs, hidden entries skipped, as ``ingest`` walks them).
A scan compares each input's size and modification time with the store's
``watched`` table; only an input whose size or time differs is hashed, and
only one whose content differs is read again. A changed input is ingested
whole: its articles already stored (same cleaned text) are settled without
analysis, the others are stored as new articles, a new version of the input.

Restart-safe: an input's row is written to the store after its articles, in
chunks of inputs. A restarted watch skips every input whose row matches; a
watch stopped or killed midway reads again only the inputs of the chunk it was
on, and their articles already stored are not analysed again. Deleted inputs
are ignored: what they gave stays stored.

A file modified less than ``settle`` seconds ago waits for the next scan: it
may still be being written, and half an article is not a version of it.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from stat import S_ISREG

from communique.errors import InputError, UnreadableInputError
from communique.ingest.sources import selected, source_name
from communique.records import Failure, IngestSummary
from communique.settings import Settings
from communique.store import Store

SETTLE_SECONDS = 1.0
"""How long a file must stay unmodified before a scan reads it."""

MIN_INTERVAL = 0.1
"""The shortest pause between two scans (an interval of 0 would spin on the folder)."""

Progress = Callable[[str, str], None]
"""Called with (outcome, source) per article or failed input: stored, unchanged or failed."""

IngestInputs = Callable[[Store, list[Path], Settings, Progress], IngestSummary]
"""What ingests a chunk of inputs (:func:`communique.jobs.ingest` unless a test says otherwise)."""


class Change(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    TOUCHED = "touched"
    """A new modification time, the same content: nothing to read."""
    SAME = "same"
    SETTLING = "settling"


@dataclass(frozen=True, slots=True)
class Input:
    """A file found by a scan."""

    path: Path
    """As found (relative when the watched path was): the source of its articles."""
    key: str
    """The absolute path: its row in the ``watched`` table."""
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Seen:
    """An input's row in the ``watched`` table: how it was when its articles were stored."""

    size: int
    mtime_ns: int
    hash: str
    articles: int = 0
    failed: int = 0


@dataclass(frozen=True, slots=True)
class Planned:
    input: Input
    change: Change
    hash: str = ""


@dataclass
class ScanReport:
    """What one scan found and did."""

    number: int
    inputs: int = 0
    changes: dict[Change, int] = field(default_factory=dict)
    stored: int = 0
    unchanged: int = 0
    failures: list[Failure] = field(default_factory=list)
    stopped: bool = False

    @property
    def busy(self) -> bool:
        """Whether anything was read (a quiet scan prints nothing)."""
        return bool(self.changes.get(Change.NEW) or self.changes.get(Change.CHANGED))

    def line(self) -> str:
        counts = ", ".join(
            f"{self.changes.get(change, 0)} {change.value}"
            for change in (Change.NEW, Change.CHANGED, Change.SAME)
        )
        waiting = self.changes.get(Change.SETTLING, 0)
        tail = f", {waiting} still being written" if waiting else ""
        return (
            f"scan {self.number}: {self.inputs} inputs ({counts}{tail}); "
            f"stored {self.stored}, unchanged {self.unchanged}, failed {len(self.failures)}"
            + ("; stopped" if self.stopped else "")
        )


class StopRequested(BaseException):
    """Raised out of the ingest job to stop after the current article.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception``
    on the way takes it for an article's failure.
    """


def scan_inputs(
    paths: Iterable[str | Path], include: Iterable[str] = (), exclude: Iterable[str] = ()
) -> list[Input]:
    """The files under ``paths`` with their size and modification time; vanished ones skipped.

    The files ``ingest`` would read (:func:`communique.ingest.sources.walk`),
    found with one ``stat`` each and hidden folders not entered: an idle scan
    of a large folder stays cheap.
    """
    include, exclude = tuple(include), tuple(exclude)
    found: list[Input] = []
    for given in paths:
        root = Path(given)
        if root.is_file():
            found.extend(_stat(root))
            continue
        for directory, folders, files in os.walk(root):
            folders[:] = [name for name in folders if not name.startswith(".")]
            here = Path(directory)
            for name in files:
                path = here / name
                if include or exclude:
                    if not selected(path.relative_to(root), include, exclude):
                        continue
                elif name.startswith("."):
                    continue
                found.extend(_stat(path))
    return sorted(found, key=lambda item: item.key)


def _stat(path: Path) -> list[Input]:
    """``path`` as an input, if it is a regular file (following links) that still exists."""
    try:
        stat = path.stat()
    except OSError:
        return []
    if not S_ISREG(stat.st_mode):
        return []
    key = source_name(path.absolute())
    return [Input(path=path, key=key, size=stat.st_size, mtime_ns=stat.st_mtime_ns)]


def file_digest(path: Path) -> str:
    """SHA-256 of the file's bytes (read in blocks: memory stays flat)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def plan(
    inputs: Iterable[Input],
    seen: Mapping[str, Seen],
    *,
    now_ns: int,
    settle_ns: int = 0,
    max_bytes: int = 0,
    digest: Callable[[Path], str] = file_digest,
) -> list[Planned]:
    """What to do with each input: read it (new, changed), note it (touched) or nothing.

    Size and time decide first, without reading; the content hash decides when
    they differ. An input that had failures is read again when touched (the
    way to retry it). A file over ``max_bytes`` is not hashed (the reader refuses it
    anyway, once per modification). A file that vanishes before it is hashed
    is left out.
    """
    out: list[Planned] = []
    for item in inputs:
        before = seen.get(item.key)
        if before is not None and (before.size, before.mtime_ns) == (item.size, item.mtime_ns):
            out.append(Planned(item, Change.SAME, before.hash))
            continue
        if settle_ns and item.mtime_ns > now_ns - settle_ns:
            out.append(Planned(item, Change.SETTLING))
            continue
        if max_bytes and item.size > max_bytes:
            content = f"over max_bytes: {item.size} bytes at {item.mtime_ns}"
        else:
            try:
                content = digest(item.path)
            except OSError:
                continue
        if before is not None and before.hash == content and not before.failed:
            out.append(Planned(item, Change.TOUCHED, content))
        else:
            out.append(Planned(item, Change.NEW if before is None else Change.CHANGED, content))
    return out


def load_seen(store: Store) -> dict[str, Seen]:
    with store.reading() as db:
        rows = db.execute(
            "SELECT path, size, mtime_ns, hash, articles, failed FROM watched"
        ).fetchall()
    return {row[0]: Seen(*row[1:]) for row in rows}


def record_seen(store: Store, rows: Mapping[str, Seen]) -> None:
    """Write inputs' rows in one transaction (after their articles are stored)."""
    if not rows:
        return
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with store.transaction() as db:
        db.executemany(
            "INSERT INTO watched VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET "
            "mtime_ns = excluded.mtime_ns, size = excluded.size, hash = excluded.hash, "
            "articles = excluded.articles, failed = excluded.failed, seen_at = excluded.seen_at",
            [
                (key, row.mtime_ns, row.size, row.hash, row.articles, row.failed, now)
                for key, row in rows.items()
            ],
        )


def _ingest_job(
    store: Store, paths: list[Path], settings: Settings, progress: Progress
) -> IngestSummary:
    from communique.jobs import ingest

    return ingest(store, paths, settings, progress=progress)


def missing_paths(paths: Iterable[str | Path]) -> list[InputError]:
    """Errors for watched paths that do not exist (checked once, when the watch starts)."""
    return [
        UnreadableInputError("no such file or folder to watch", source=source_name(path))
        for path in paths
        if not Path(path).exists()
    ]


class Watcher:
    """Scans ``paths`` and ingests what is new or changed into ``store``.

    :meth:`scan` does one scan (tests call it directly, no sleeping);
    :meth:`run` scans every ``settings.watch_interval`` seconds until ``stop``
    is set. Setting ``stop`` during a scan stops it after the current article.
    """

    def __init__(
        self,
        store: Store,
        paths: Iterable[str | Path],
        settings: Settings,
        *,
        include: Iterable[str] = (),
        exclude: Iterable[str] = (),
        settle: float = SETTLE_SECONDS,
        ingest: IngestInputs | None = None,
        progress: Progress | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.store = store
        self.paths = [Path(p) for p in paths]
        self.settings = settings
        self.include, self.exclude = tuple(include), tuple(exclude)
        self.settle = settle
        self.ingest = ingest or _ingest_job
        self.progress = progress or (lambda outcome, source: None)
        self.stop = stop or threading.Event()
        self.scans = 0

    @property
    def chunk(self) -> int:
        """Inputs per ingest call: enough to keep the batches and the workers busy."""
        return max(1, self.settings.batch_size) * max(1, self.settings.processes)

    def scan(self) -> ScanReport:
        """One scan: find the inputs, ingest the new and changed ones, note them in the store."""
        self.scans += 1
        report = ScanReport(number=self.scans)
        inputs = scan_inputs(self.paths, self.include, self.exclude)
        report.inputs = len(inputs)
        seen = load_seen(self.store)
        planned = plan(
            inputs,
            seen,
            now_ns=time.time_ns(),
            settle_ns=int(self.settle * 1e9),
            max_bytes=self.settings.max_bytes,
        )
        for item in planned:
            report.changes[item.change] = report.changes.get(item.change, 0) + 1
        touched = {
            p.input.key: _row(p, seen.get(p.input.key))
            for p in planned
            if p.change is Change.TOUCHED
        }
        record_seen(self.store, touched)
        todo = [p for p in planned if p.change in (Change.NEW, Change.CHANGED)]
        try:
            for start in range(0, len(todo), self.chunk):
                if self.stop.is_set():
                    raise StopRequested
                self._ingest_chunk(todo[start : start + self.chunk], report)
        except StopRequested:
            report.stopped = True
        return report

    def run(
        self, *, once: bool = False, on_scan: Callable[[ScanReport], None] | None = None
    ) -> None:
        """Scan until ``stop`` is set (or once); ``on_scan`` gets each scan's report."""
        while not self.stop.is_set():
            report = self.scan()
            if on_scan is not None:
                on_scan(report)
            pause = max(MIN_INTERVAL, self.settings.watch_interval)
            if once or report.stopped or self.stop.wait(pause):
                return

    def _ingest_chunk(self, chunk: list[Planned], report: ScanReport) -> None:
        counts: dict[str, list[int]] = {source_name(p.input.path): [0, 0] for p in chunk}

        def progress(outcome: str, source: str) -> None:
            # "a.rss#item2" belongs to "a.rss" (and "x#1.txt" is a name of its own)
            tally = counts.get(source) or next(
                (tally for name, tally in counts.items() if source.startswith(f"{name}#")), None
            )
            if tally is not None:
                tally[outcome == "failed"] += 1
            report.stored += outcome == "stored"
            report.unchanged += outcome == "unchanged"
            self.progress(outcome, source)
            if self.stop.is_set():
                raise StopRequested

        summary = self.ingest(self.store, [p.input.path for p in chunk], self.settings, progress)
        report.failures.extend(summary.failed)
        record_seen(
            self.store,
            {
                p.input.key: Seen(
                    size=p.input.size,
                    mtime_ns=p.input.mtime_ns,
                    hash=p.hash,
                    articles=counts[source_name(p.input.path)][0],
                    failed=counts[source_name(p.input.path)][1],
                )
                for p in chunk
            },
        )


def _row(planned: Planned, before: Seen | None) -> Seen:
    return Seen(
        size=planned.input.size,
        mtime_ns=planned.input.mtime_ns,
        hash=planned.hash,
        articles=before.articles if before else 0,
        failed=before.failed if before else 0,
    )


__all__ = [
    "SETTLE_SECONDS",
    "Change",
    "Input",
    "Planned",
    "ScanReport",
    "Seen",
    "StopRequested",
    "Watcher",
    "file_digest",
    "load_seen",
    "missing_paths",
    "plan",
    "record_seen",
    "scan_inputs",
]
