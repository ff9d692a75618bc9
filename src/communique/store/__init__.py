"""Storage: SQLite by default (a file path), PostgreSQL for a ``postgresql://`` URL."""

from communique.store.connection import Connection
from communique.store.store import Store, StoredArticle

__all__ = ["Connection", "Store", "StoredArticle"]
