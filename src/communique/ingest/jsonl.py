"""JSON lines: one article per line, field names configurable."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from communique.errors import FormatError, InputError
from communique.ingest.dateline import parse_published
from communique.records import RawArticle


@dataclass(frozen=True, slots=True)
class JsonlFields:
    text: str = "text"
    date: str = "date"
    url: str = "url"
    title: str = "title"


def read_jsonl(content: str, source: str, fields: JsonlFields) -> Iterator[RawArticle | InputError]:
    """Yield one article per non-blank line, or an error for a line that is not one.

    A line's error (bad JSON, no text, a bad date) is that line's item: the
    lines after it are still read.
    """
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        line_source = f"{source}#L{number}"
        try:
            yield _article(line, line_source, fields)
        except InputError as e:
            yield e


def _article(line: str, source: str, fields: JsonlFields) -> RawArticle:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise FormatError(
            f"line is not valid JSON: {e.msg} at column {e.colno}", source=source
        ) from e
    except RecursionError as e:
        raise FormatError("line is JSON nested too deeply to read", source=source) from e
    except ValueError as e:  # an integer of thousands of digits, refused by int()
        raise FormatError(f"line cannot be read as JSON: {e}", source=source) from e
    if not isinstance(record, dict):
        raise FormatError("line is not a JSON object", source=source)
    text = record.get(fields.text)
    if not isinstance(text, str) or not text.strip():
        raise FormatError(f"no text in field {fields.text!r}", source=source)
    return RawArticle(
        source=source,
        text=text,
        published=_published(record.get(fields.date), source),
        title=_optional_str(record.get(fields.title)),
        url=_optional_str(record.get(fields.url)),
        format="jsonl",
    )


def _published(value: object, source: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise FormatError(f"date {value!r} is not a string", source=source)
    head = value.strip()[:10]
    return parse_published(head if len(head) == 10 else value.strip(), source)


def _optional_str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
