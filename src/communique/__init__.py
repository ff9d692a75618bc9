"""communique: diplomatic and political news into evidence-linked event data.

The Python API::

    import communique

    readout = communique.extract(text, published="2025-10-16")
    with communique.open_store("communique.db") as store:
        summary = store.ingest(["articles/"])
"""

__version__ = "0.1.0"

from communique.api import Archive, open_store
from communique.codec import readout_from_json, readout_to_json
from communique.errors import CommuniqueError, InputError, NotFoundError, StoreError
from communique.pipeline import Extractor, extract
from communique.records import (
    Actor,
    Article,
    Event,
    EventStatus,
    EventType,
    Failure,
    IngestSummary,
    Place,
    Quote,
    RawArticle,
    Readout,
    TimeExpression,
    Topic,
)
from communique.settings import Settings, load_settings

__all__ = [
    "Actor",
    "Archive",
    "Article",
    "CommuniqueError",
    "Event",
    "EventStatus",
    "EventType",
    "Extractor",
    "Failure",
    "IngestSummary",
    "InputError",
    "NotFoundError",
    "Place",
    "Quote",
    "RawArticle",
    "Readout",
    "Settings",
    "StoreError",
    "TimeExpression",
    "Topic",
    "__version__",
    "extract",
    "load_settings",
    "open_store",
    "readout_from_json",
    "readout_to_json",
]
