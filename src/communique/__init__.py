"""communique: diplomatic and political news into evidence-linked event data.

The Python API::

    import communique
    readout = communique.extract(text, published="2025-10-16")
    with communique.open_store("communique.db") as store:
        store.ingest(["articles/"])
"""

__version__ = "0.1.0"
