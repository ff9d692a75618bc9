"""``/api/export``: the store (or the events a filter keeps) in the export formats.

The formats are :mod:`communique.export`'s. With a filter, ``jsonl`` holds the
whole readouts of the articles that report a matching event, and the event
formats (``csv``, ``plover``, ``cameo``) hold only the matching events.

An export can be large, so it is streamed: a producer thread writes the
format into a bounded queue of chunks on its own store connection, and the
response sends the chunks as they come. A client that goes away stops it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import logging
import queue
import threading
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from communique import query
from communique.export import write_export
from communique.interfaces.server.params import Filter
from communique.interfaces.server.routes.common import state_of, store_of
from communique.query import EventFilter
from communique.records import Readout
from communique.store import Store

log = logging.getLogger(__name__)

router = APIRouter(tags=["export"])

CHUNK = 64 * 1024
ALL_EVENTS = 10_000_000


class ExportFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"
    PLOVER = "plover"
    CAMEO = "cameo"


MEDIA = {
    ExportFormat.JSONL: ("application/x-ndjson", "readouts.jsonl"),
    ExportFormat.CSV: ("text/csv", "events.csv"),
    ExportFormat.PLOVER: ("application/x-ndjson", "events.plover.jsonl"),
    ExportFormat.CAMEO: ("text/tab-separated-values", "events.cameo.tsv"),
}


class _StoppedError(Exception):
    """The client went away: the producer stops writing."""


class _ChunkWriter(io.StringIO):
    """A text stream that hands ~64 KB chunks to a bounded queue."""

    def __init__(self, chunks: queue.Queue[bytes | None], stop: threading.Event) -> None:
        super().__init__()
        self._chunks = chunks
        self._stop = stop

    def write(self, text: str) -> int:
        written = super().write(text)
        if self.tell() >= CHUNK:
            self.flush()
        return written

    def flush(self) -> None:
        if self.tell():
            self._put(self.getvalue().encode("utf-8"))
            self.seek(0)
            self.truncate(0)

    def _put(self, item: bytes | None) -> None:
        while not self._stop.is_set():
            try:
                self._chunks.put(item, timeout=0.5)
                return
            except queue.Full:
                continue
        raise _StoppedError

    def finish(self) -> None:
        """The end of the download."""
        self._put(None)


Selection = dict[str, set[str]] | None
"""Event ids to keep per article id, or None for everything."""


def selection(store: Store, where: EventFilter) -> Selection:
    """Run the filter now, so that a bad one fails with its status before streaming starts."""
    if where == EventFilter():
        return None
    wanted: dict[str, set[str]] = {}
    for row in query.events(store, where, limit=ALL_EVENTS):
        wanted.setdefault(row.article_id, set()).add(row.event_id)
    return wanted


def selected_readouts(store: Store, fmt: ExportFormat, wanted: Selection) -> Iterator[Readout]:
    """Every readout, or those reporting a selected event (narrowed to them but for jsonl)."""
    if wanted is None:
        yield from store.readouts()
        return
    for article_id, event_ids in wanted.items():
        readout = store.get(article_id)
        if fmt is ExportFormat.JSONL:
            yield readout
        else:
            kept = tuple(e for e in readout.events if e.id in event_ids)
            yield dataclasses.replace(readout, events=kept)


def _produce(opened: Store, fmt: ExportFormat, wanted: Selection, writer: _ChunkWriter) -> None:
    try:
        with opened:
            write_export(fmt.value, selected_readouts(opened, fmt, wanted), writer)
        writer.flush()
    except _StoppedError:
        return
    except Exception:  # headers are sent: all that is left is to end the download early
        log.exception("export failed midway; the download is truncated")
    with contextlib.suppress(_StoppedError):
        writer.finish()


def _stream(opened: Store, fmt: ExportFormat, wanted: Selection) -> Iterator[bytes]:
    chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=8)
    stop = threading.Event()
    writer = _ChunkWriter(chunks, stop)
    producer = threading.Thread(
        target=_produce, args=(opened, fmt, wanted, writer), name="communique-export", daemon=True
    )
    producer.start()
    try:
        while (chunk := chunks.get()) is not None:
            yield chunk
    finally:
        stop.set()


@router.get("/export")
def export(
    request: Request,
    where: Filter,
    format: Annotated[
        ExportFormat,
        Query(description="jsonl: readouts; csv, plover (JSON lines), cameo (TSV): events."),
    ] = ExportFormat.JSONL,
) -> StreamingResponse:
    """The store's readouts or events in an analysts' format, streamed as a download."""
    wanted = selection(store_of(request), where)
    opened = state_of(request).readers.open_private()
    media, filename = MEDIA[format]
    return StreamingResponse(
        _stream(opened, format, wanted),
        media_type=f"{media}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
