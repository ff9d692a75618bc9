"""Readouts out of communique: JSON lines, CSV, PLOVER JSON lines, CAMEO TSV."""

from communique.export.formats import FORMATS, write_export

__all__ = ["FORMATS", "write_export"]
