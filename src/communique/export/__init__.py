"""Readouts out of communique: JSON lines, CSV, PLOVER JSON lines, CAMEO TSV, Parquet tables.

Parquet lives in :mod:`communique.export.parquet` (``write_parquet``), imported
on use: pyarrow takes most of a second to load.
"""

from communique.export.formats import FORMATS, write_export

__all__ = ["FORMATS", "write_export"]
