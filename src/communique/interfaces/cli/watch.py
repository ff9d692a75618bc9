"""``communique watch``: ingest new and changed inputs as they appear, until stopped."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Annotated

import typer

from communique.ingest.watch import SETTLE_SECONDS, ScanReport, Watcher, missing_paths
from communique.interfaces.cli.common import (
    EXIT_FAILED,
    DbOption,
    ExcludeOption,
    IncludeOption,
    ProcessesOption,
    err,
    reported,
    settings_from,
)
from communique.store import Store


def watch(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Folders (watched recursively) and files, such as RSS/Atom feed files.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    interval: Annotated[
        float | None,
        typer.Option(
            "--interval",
            "-n",
            help="Seconds between two scans (default: the watch_interval setting).",
            show_default=False,
        ),
    ] = None,
    include: IncludeOption = None,
    exclude: ExcludeOption = None,
    processes: ProcessesOption = None,
    once: Annotated[
        bool,
        typer.Option(
            "--once",
            help="Scan once, ingest what is new or changed, and exit (exit code 1 if anything "
            "failed).",
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only failures and errors, no progress lines.")
    ] = False,
) -> None:
    """Watch folders and feed files; ingest inputs that are new or changed, scan after scan.

    An input is read again only when its size or modification time and then its
    content changed; what was seen is kept in the store, so a restarted watch
    skips what is done. A changed input's new articles are stored as new
    versions; deleted inputs are ignored; an input that failed is retried
    when it changes or is touched; a file modified in the last second
    waits for the next scan (it may still be being written). Ctrl-C (or SIGTERM) stops after the
    current article; a second Ctrl-C stops at once. A store error (locked,
    full, read-only) stops the watch with a non-zero exit code.
    """
    with reported():
        settings = settings_from(db=db, processes=processes, watch_interval=interval)
        for problem in missing_paths(paths):
            raise problem
        stop = threading.Event()
        failed = 0
        with Store(settings.db, lock_timeout=settings.lock_timeout) as store, _stopping(stop):
            watcher = Watcher(
                store,
                paths,
                settings,
                include=include or [],
                exclude=exclude or [],
                settle=0 if once else SETTLE_SECONDS,
                progress=None if quiet else _print_outcome,
                stop=stop,
            )
            if not quiet:
                what = (
                    f"scanning {', '.join(paths)} once"
                    if once
                    else f"watching {', '.join(paths)} every {settings.watch_interval:g} s"
                )
                err.print(f"{what} (store: {store.where}); Ctrl-C to stop", markup=False)

            def on_scan(report: ScanReport) -> None:
                nonlocal failed
                failed += len(report.failures)
                for item in report.failures:
                    err.print(f"failed: {item.source}: {item.error} [{item.stage}]", markup=False)
                if not quiet and (report.busy or once or report.stopped):
                    err.print(report.line(), markup=False)

            watcher.run(once=once, on_scan=on_scan)
        if stop.is_set() and not quiet:
            err.print("stopped; everything finished before the stop is stored")
        if once and failed:
            raise typer.Exit(EXIT_FAILED)


def _print_outcome(outcome: str, source: str) -> None:
    if outcome != "failed":  # failures are printed with their error at the end of the scan
        err.print(f"{outcome}: {source}", markup=False)


@contextmanager
def _stopping(stop: threading.Event) -> Iterator[None]:
    """SIGINT and SIGTERM set ``stop``; a second SIGINT interrupts at once."""

    def request(signum: int, frame: FrameType | None) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()
        err.print("stopping after the current article (Ctrl-C again to stop at once)")

    previous = {sig: signal.signal(sig, request) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
