"""Time per article as the store grows: the whole ingest, and the resolve step alone.

    python scripts/time_ingest.py STORE PATH... [--include '*.txt'] [--window 100]
    python scripts/time_ingest.py STORE --resolve-only [--window 100]

The first form ingests PATHs into STORE and prints seconds per article for
each window of stored articles (extraction runs in batches, so a window is the
honest unit). The second empties STORE's cross-article tables and resolves
every stored article again in publication order, timing each one: the cost of
the resolve step as the archive grows, without the model's.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from communique.api import open_store
from communique.store.resolved import (
    clear_resolution,
    load_readout,
    pending_articles,
    resolve_article,
)


def report(label: str, stamps: list[float], window: int) -> None:
    """Seconds per article in each window of ``stamps`` (one per finished article)."""
    print(f"{label}: {len(stamps) - 1} articles in {stamps[-1] - stamps[0]:.1f} s")
    for start in range(0, len(stamps) - 1, window):
        end = min(start + window, len(stamps) - 1)
        per = (stamps[end] - stamps[start]) / (end - start)
        print(f"  articles {start + 1:>6}-{end:<6} {per * 1000:8.1f} ms/article")


def time_ingest(store_path: Path, paths: list[str], include: list[str], window: int) -> None:
    stamps = [time.perf_counter()]

    def progress(outcome: str, source: str) -> None:
        if outcome == "stored":
            stamps.append(time.perf_counter())

    with open_store(store_path) as archive:
        summary = archive.ingest(paths, include=include, progress=progress)
    print(
        f"stored {len(summary.stored)}, unchanged {len(summary.unchanged)}, failed {len(summary.failed)}"
    )
    report("ingest", stamps, window)


def time_resolve(store_path: Path, window: int) -> None:
    """Resolve every stored article again, timing the resolve step (and its commit) only."""
    with open_store(store_path) as archive:
        store = archive.store
        with store.transaction() as db:
            clear_resolution(db)
        with store.reading() as db:
            pending = pending_articles(db)
        stamps, spent = [0.0], 0.0
        for article_id in pending:
            with store.reading() as db:
                readout = load_readout(db, article_id)  # decoding JSON is not the resolve step
            started = time.perf_counter()
            with store.transaction() as db:
                resolve_article(db, readout)
            spent += time.perf_counter() - started
            stamps.append(spent)
    report("resolve", stamps, window)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--include", action="append", default=[])
    parser.add_argument("--window", type=int, default=100)
    parser.add_argument("--resolve-only", action="store_true")
    args = parser.parse_args()
    if args.resolve_only:
        time_resolve(args.store, args.window)
    else:
        time_ingest(args.store, args.paths, args.include, args.window)


if __name__ == "__main__":
    main()
