"""Across articles: the actor registry, near-duplicates, canonical events and threads.

Pure logic on records; the store (``communique.store.resolved``) runs it on
each new article inside the transaction that stores it.
"""
