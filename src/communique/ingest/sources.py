"""Inputs to raw articles: files of every supported format, folders, stdin.

Every reader yields :class:`RawArticle` records, or :class:`InputError`
instances for inputs (or records inside an input) that could not be read; a
bad input never stops the others.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from communique.errors import FormatError, InputError, UnreadableInputError
from communique.ingest.dateline import split_date_line
from communique.ingest.decode import check_size, decode_bytes
from communique.ingest.feeds import read_feed
from communique.ingest.html import read_html
from communique.ingest.jsonl import JsonlFields, read_jsonl
from communique.ingest.limits import time_limit
from communique.ingest.markup import check_nesting
from communique.records import RawArticle

STDIN = "-"

_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}

Item = RawArticle | InputError


def source_name(path: str | Path) -> str:
    """``path`` as the name of a source: text any store accepts.

    A file name that is not UTF-8 (``bad\\xff.txt`` on disk) has surrogates in
    Python, which SQLite and PostgreSQL refuse; its odd bytes are written as
    ``\\xff`` escapes instead.
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_text(content: str, source: str) -> RawArticle:
    """The seed layout: an optional ``date …`` line, then the page text."""
    published, body = split_date_line(content, source)
    if not body.strip():
        raise UnreadableInputError("input has no text after the date line", source=source)
    return RawArticle(source=source, text=body, published=published, format="text")


def sniff_format(content: str, suffix: str = "") -> str:
    """The reader for ``content``: by file suffix, else by its first characters."""
    if suffix.lower() in _FORMATS:
        return _FORMATS[suffix.lower()]
    head = content.lstrip()[:500].lower()
    if head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf" in head):
        return "feed"
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if head.startswith("{"):
        return "jsonl"
    return "text"


def read_content(
    content: str,
    source: str,
    fmt: str,
    fields: JsonlFields | None = None,
    *,
    max_nesting: int = 0,
) -> Iterator[Item]:
    """Dispatch decoded ``content`` to the reader for ``fmt``.

    Only :class:`InputError` comes out, as an item: a reader that breaks on a
    hostile input (a parser's own exception, a recursion limit) becomes the
    failure of that input, never the end of the batch.
    """
    try:
        if fmt in ("html", "feed"):
            check_nesting(content, max_nesting, source)
        if fmt == "html":
            yield read_html(content, source)
        elif fmt == "jsonl":
            yield from read_jsonl(content, source, fields or JsonlFields())
        elif fmt == "feed":
            yield from read_feed(content, source)
        else:
            yield read_text(content, source)
    except InputError as e:
        yield e
    except (Exception, RecursionError) as e:
        yield FormatError(f"the {fmt} reader failed: {type(e).__name__}: {e}", source=source)


def _limited(
    content: str,
    source: str,
    fmt: str,
    fields: JsonlFields | None,
    *,
    max_seconds: float,
    max_nesting: int,
) -> list[Item]:
    """Everything read from one input, within the time limit (else one failure for it)."""
    try:
        with time_limit(max_seconds, source):
            return list(read_content(content, source, fmt, fields, max_nesting=max_nesting))
    except InputError as e:
        return [e]


def read_file(
    path: Path,
    *,
    max_bytes: int,
    fields: JsonlFields | None = None,
    source: str | None = None,
    max_seconds: float = 0,
    max_nesting: int = 0,
) -> Iterator[Item]:
    """Read one file of any supported format."""
    source = source or source_name(path)
    try:
        check_size(path.stat().st_size, max_bytes, source)
        content = decode_bytes(path.read_bytes(), source)
    except InputError as e:
        yield e
        return
    except OSError as e:
        yield UnreadableInputError(f"cannot read file: {e.strerror or e}", source=source)
        return
    fmt = sniff_format(content, path.suffix)
    yield from _limited(
        content, source, fmt, fields, max_seconds=max_seconds, max_nesting=max_nesting
    )


def read_stdin(
    *,
    max_bytes: int,
    fields: JsonlFields | None = None,
    max_seconds: float = 0,
    max_nesting: int = 0,
) -> Iterator[Item]:
    data = sys.stdin.buffer.read(max_bytes + 1 if max_bytes else -1)
    try:
        check_size(len(data), max_bytes, "<stdin>")
        content = decode_bytes(data, "<stdin>")
    except InputError as e:
        yield e
        return
    fmt = sniff_format(content)
    yield from _limited(
        content, "<stdin>", fmt, fields, max_seconds=max_seconds, max_nesting=max_nesting
    )


def walk(
    paths: Iterable[str | Path], include: Iterable[str] = (), exclude: Iterable[str] = ()
) -> Iterator[Path | InputError]:
    """Files under ``paths`` (folders recursively, sorted, hidden entries skipped)."""
    include, exclude = tuple(include), tuple(exclude)
    for given in paths:
        path = Path(given)
        if path.is_file():
            yield path
        elif path.is_dir():
            for found in sorted(path.rglob("*")):
                relative = found.relative_to(path)
                if found.is_file() and selected(relative, include, exclude):
                    yield found
        else:
            yield UnreadableInputError("no such file or folder", source=source_name(path))


def read_paths(
    paths: Iterable[str | Path],
    *,
    max_bytes: int,
    fields: JsonlFields | None = None,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    max_seconds: float = 0,
    max_nesting: int = 0,
) -> Iterator[Item]:
    """Every article in ``paths``; ``-`` reads stdin."""
    for given in paths:
        if str(given) == STDIN:
            yield from read_stdin(
                max_bytes=max_bytes, fields=fields, max_seconds=max_seconds, max_nesting=max_nesting
            )
            continue
        for found in walk([given], include, exclude):
            if isinstance(found, InputError):
                yield found
            else:
                yield from read_file(
                    found,
                    max_bytes=max_bytes,
                    fields=fields,
                    max_seconds=max_seconds,
                    max_nesting=max_nesting,
                )


def selected(relative: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    """Whether a file at ``relative`` (to a given folder) is read: not hidden, and the globs."""
    if any(part.startswith(".") for part in relative.parts):
        return False
    name, full = relative.name, relative.as_posix()

    def matches(pattern: str) -> bool:
        return fnmatch.fnmatch(full, pattern) or fnmatch.fnmatch(name, pattern)

    if include and not any(matches(p) for p in include):
        return False
    return not any(matches(p) for p in exclude)


__all__ = [
    "STDIN",
    "FormatError",
    "Item",
    "read_content",
    "read_file",
    "read_paths",
    "read_text",
    "selected",
    "source_name",
    "walk",
]
