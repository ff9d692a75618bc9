"""Parquet tables of readouts, partitioned by publication month (Hive layout).

``write_parquet(readouts, "out")`` writes::

    out/articles/month=2025-10/part-00000.parquet   one row per article
    out/events/month=2025-10/part-00000.parquet     one row per event mention
    out/quotes/month=2025-10/part-00000.parquet     one row per quote

``month`` is the article's publication month (``undated`` when it has none);
it lives in the folder name, as Hive, DuckDB, Spark and pyarrow expect, not in
the files. Rows are streamed: a table keeps at most ``ROWS_PER_GROUP`` rows in
memory, however large the store.

Each table is written beside the old one (``out/.events.partial``) and swapped
in when complete, so a re-export replaces the old export (no duplicates, no
month left over from a previous run) and a failed export leaves it untouched.

``root`` is a local folder or an fsspec URL (``s3://bucket/prefix``,
``gs://…``, ``memory://…``); remote stores need their fsspec package (s3fs,
gcsfs, adlfs) installed, and there the swap is a copy, not an atomic rename.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.fs as pafs  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from communique.errors import CommuniqueError
from communique.records import Actor, Readout

ROWS_PER_GROUP = 20_000
"""Rows a table buffers (all its partitions together) before writing them as row groups."""

MAX_OPEN_FILES = 32
"""Open files per table; past it the least recently used closes (its month gets a new part)."""

UNDATED = "undated"
"""The ``month`` partition of articles without a publication date."""

_STRING, _FLOAT, _INT = pa.string(), pa.float64(), pa.int64()
_STRINGS = pa.list_(pa.string())

SCHEMAS: dict[str, Any] = {
    "articles": pa.schema(
        [
            ("article_id", _STRING), ("published", _STRING), ("source", _STRING),
            ("url", _STRING), ("title", _STRING), ("words", _INT), ("events", _INT),
            ("actors", _INT), ("quotes", _INT), ("communique", _STRING), ("model", _STRING),
            ("knowledge", _STRING),
        ]
    ),
    "events": pa.schema(
        [
            ("article_id", _STRING), ("event_id", _STRING), ("published", _STRING),
            ("source", _STRING), ("url", _STRING), ("type", _STRING), ("mode", _STRING),
            ("cameo", _STRING), ("status", _STRING), ("date", _STRING),
            ("date_precision", _STRING), ("date_basis", _STRING), ("location", _STRING),
            ("location_country", _STRING), ("lat", _FLOAT), ("lon", _FLOAT),
            ("participants", _STRINGS), ("actors", _STRINGS), ("recipients", _STRINGS),
            ("countries", _STRINGS), ("trigger", _STRING), ("evidence", _STRING),
            ("summary", _STRING), ("confidence", _FLOAT),
        ]
    ),
    "quotes": pa.schema(
        [
            ("article_id", _STRING), ("quote_id", _STRING), ("published", _STRING),
            ("kind", _STRING), ("speaker", _STRING), ("speaker_country", _STRING),
            ("text", _STRING), ("cue", _STRING), ("channel", _STRING),
        ]
    ),
}  # fmt: skip
"""Columns of each table (``month`` is added by the folder layout)."""

_MONTH = re.compile(r"\d{4}-\d{2}")


class ExportError(CommuniqueError):
    """The export destination cannot be opened or written."""


def write_parquet(readouts: Iterable[Readout], root: str | Path) -> dict[str, int]:
    """Write the tables of ``readouts`` under ``root``; returns the rows written per table."""
    fs, base = _filesystem(str(root))
    tables = {name: _Table(fs, base, name, schema) for name, schema in SCHEMAS.items()}
    with _staged(fs, base, tables):
        for readout in readouts:
            month = publication_month(readout.article.published)
            tables["articles"].add(month, _article_row(readout))
            for event_row in _event_rows(readout):
                tables["events"].add(month, event_row)
            for quote_row in _quote_rows(readout):
                tables["quotes"].add(month, quote_row)
    return {name: table.rows for name, table in tables.items()}


def publication_month(published: str | None) -> str:
    """``YYYY-MM`` of a publication date (``undated`` when there is none)."""
    if published and _MONTH.match(published):
        return published[:7]
    return UNDATED


@dataclass
class _Table:
    """One table being written to its staging folder, a file per open month partition."""

    fs: Any
    base: str
    name: str
    schema: Any
    rows: int = 0
    buffered: int = 0
    buffers: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    writers: dict[str, Any] = field(default_factory=dict)
    parts: dict[str, int] = field(default_factory=dict)

    @property
    def staging(self) -> str:
        return f"{self.base}/.{self.name}.partial"

    @property
    def final(self) -> str:
        return f"{self.base}/{self.name}"

    def add(self, month: str, row: dict[str, Any]) -> None:
        buffer = self.buffers.setdefault(month, [])
        buffer.append(row)
        self.rows += 1
        self.buffered += 1
        if self.buffered >= ROWS_PER_GROUP:
            for buffered_month in list(self.buffers):
                self._flush(buffered_month)

    def close(self) -> None:
        for month in list(self.buffers):
            self._flush(month)
        for writer in self.writers.values():
            writer.close()
        self.writers.clear()

    def _flush(self, month: str) -> None:
        rows = self.buffers.pop(month, [])
        self.buffered -= len(rows)
        if rows:
            self._writer(month).write_table(pa.Table.from_pylist(rows, schema=self.schema))

    def _writer(self, month: str) -> Any:
        writer = self.writers.pop(month, None)
        if writer is None:
            if len(self.writers) >= MAX_OPEN_FILES:
                self.writers.pop(next(iter(self.writers))).close()
            part = self.parts.get(month, 0)
            self.parts[month] = part + 1
            folder = f"{self.staging}/month={month}"
            self.fs.create_dir(folder, recursive=True)
            path = f"{folder}/part-{part:05d}.parquet"
            writer = pq.ParquetWriter(path, self.schema, filesystem=self.fs, compression="zstd")
        self.writers[month] = writer  # most recently used last
        return writer


@contextmanager
def _staged(fs: Any, base: str, tables: dict[str, _Table]) -> Iterator[None]:
    """Write every table to its staging folder, then swap them in; on failure drop them."""
    try:
        fs.create_dir(base, recursive=True)
        for table in tables.values():
            _check_replaceable(fs, table.final)
            _remove(fs, table.staging)  # left over by an export that was killed
            fs.create_dir(table.staging, recursive=True)
        yield
        for table in tables.values():
            table.close()
    except BaseException as e:
        for table in tables.values():
            for writer in table.writers.values():
                writer.close()
            _remove(fs, table.staging)
        if isinstance(e, OSError):
            raise ExportError(f"cannot write Parquet under {base}: {e}") from e
        raise
    try:
        for table in tables.values():
            _swap(fs, table)
    except OSError as e:
        raise ExportError(f"cannot replace the Parquet tables under {base}: {e}") from e


def _swap(fs: Any, table: _Table) -> None:
    """Put the staged table in place of the old one (a rename on a local disk)."""
    old = f"{table.base}/.{table.name}.old"
    _remove(fs, old)
    if _exists(fs, table.final):
        fs.move(table.final, old)
    fs.move(table.staging, table.final)
    _remove(fs, old)


def _check_replaceable(fs: Any, path: str) -> None:
    """Refuse to replace a folder that is not a table of an earlier export (month=… folders)."""
    if not _exists(fs, path):
        return
    found = fs.get_file_info(pafs.FileSelector(path, recursive=False))
    strangers = [
        info.base_name
        for info in found
        if info.type != pafs.FileType.Directory or not info.base_name.startswith("month=")
    ]
    if strangers:
        raise ExportError(
            f"{path} holds {strangers[0]!r}, so it is not a table of an earlier Parquet export; "
            "export to another folder (an export replaces its tables as a whole)"
        )


def _filesystem(root: str) -> tuple[Any, str]:
    """A pyarrow filesystem and the path of ``root`` in it: local folder or fsspec URL."""
    if "://" not in root or root.startswith("file://"):
        path = Path(root.removeprefix("file://")).expanduser().resolve()
        return pafs.LocalFileSystem(), path.as_posix()
    try:
        import fsspec  # type: ignore[import-untyped]

        fs, path = fsspec.core.url_to_fs(root)
    except (ImportError, ValueError) as e:  # e.g. s3:// without s3fs installed
        raise ExportError(f"cannot write Parquet to {root}: {e}") from e
    return pafs.PyFileSystem(pafs.FSSpecHandler(fs)), str(path).rstrip("/")


def _exists(fs: Any, path: str) -> bool:
    return bool(fs.get_file_info(path).type != pafs.FileType.NotFound)


def _remove(fs: Any, path: str) -> None:
    if _exists(fs, path):
        fs.delete_dir(path)


def _actors(readout: Readout, ids: tuple[str, ...]) -> list[Actor]:
    return [actor for actor_id in ids if (actor := readout.actor(actor_id)) is not None]


def _article_row(readout: Readout) -> dict[str, Any]:
    article, provenance = readout.article, readout.provenance
    return {
        "article_id": article.id,
        "published": article.published,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "words": len(article.text.split()),
        "events": len(readout.events),
        "actors": len(readout.actors),
        "quotes": len(readout.quotes),
        "communique": provenance.communique if provenance else None,
        "model": provenance.model if provenance else None,
        "knowledge": provenance.knowledge if provenance else None,
    }


def _event_rows(readout: Readout) -> Iterator[dict[str, Any]]:
    article = readout.article
    for event in readout.events:
        actors, recipients = _actors(readout, event.actors), _actors(readout, event.recipients)
        participants = actors + recipients
        place = readout.place(event.location) if event.location else None
        yield {
            "article_id": article.id,
            "event_id": f"{article.id}:{event.id}",
            "published": article.published,
            "source": article.source,
            "url": article.url,
            "type": event.type.value,
            "mode": event.mode,
            "cameo": event.cameo,
            "status": event.status.value,
            "date": event.date.value if event.date else None,
            "date_precision": event.date.precision.value if event.date else None,
            "date_basis": event.date.basis.value if event.date else None,
            "location": place.name if place else None,
            "location_country": place.country if place else None,
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
            "participants": [actor.name for actor in participants],
            "actors": [actor.name for actor in actors],
            "recipients": [actor.name for actor in recipients],
            "countries": list(dict.fromkeys(a.country for a in participants if a.country)),
            "trigger": event.trigger.text,
            "evidence": event.sentence.text,
            "summary": event.summary,
            "confidence": event.confidence,
        }


def _quote_rows(readout: Readout) -> Iterator[dict[str, Any]]:
    article = readout.article
    for quote in readout.quotes:
        speaker = readout.actor(quote.speaker) if quote.speaker else None
        yield {
            "article_id": article.id,
            "quote_id": f"{article.id}:{quote.id}",
            "published": article.published,
            "kind": quote.kind.value,
            "speaker": speaker.name if speaker else quote.speaker_text,
            "speaker_country": speaker.country if speaker else None,
            "text": quote.text,
            "cue": quote.cue.text if quote.cue else None,
            "channel": quote.channel,
        }
