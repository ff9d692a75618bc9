"""Storage: SQLite by default."""

from communique.store.sqlite import Store, StoredArticle

__all__ = ["Store", "StoredArticle"]
