"""Readers per input format; one failure record per bad input."""

from communique.ingest.jsonl import JsonlFields
from communique.ingest.sources import Item, read_content, read_file, read_paths, read_text

__all__ = ["Item", "JsonlFields", "read_content", "read_file", "read_paths", "read_text"]
