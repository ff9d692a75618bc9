"""Read the bundled CSV tables in ``communique/data``."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from importlib import resources

from communique.errors import KnowledgeError

DATA_PACKAGE = "communique.data"


def read_rows(name: str, required: tuple[str, ...]) -> Iterator[dict[str, str]]:
    """Rows of a bundled CSV table, checked for the ``required`` columns."""
    resource = resources.files(DATA_PACKAGE).joinpath(name)
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise KnowledgeError(f"bundled table {name} is missing from the package") from e
    with io.StringIO(text, newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in required if column not in (reader.fieldnames or [])]
        if missing:
            raise KnowledgeError(f"table {name} lacks columns {missing}")
        for number, row in enumerate(reader, start=2):
            if None in row or any(value is None for value in row.values()):
                raise KnowledgeError(f"table {name} line {number}: wrong number of columns")
            yield {key: value.strip() for key, value in row.items()}


def split_list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


def tables_version() -> str:
    """A short hash of every bundled table: the knowledge version in every readout."""
    digest = hashlib.sha256()
    folder = resources.files(DATA_PACKAGE)
    for resource in sorted(folder.iterdir(), key=lambda r: r.name):
        if resource.name.endswith(".csv"):
            digest.update(resource.name.encode())
            digest.update(resource.read_bytes())
    return digest.hexdigest()[:12]
