"""Import every component module so that its spaCy factory is registered."""

from communique.nlp import (
    actors,
    entities,
    events,
    extensions,
    paragraphs,
    places,
    quotes,
    times,
    topics,
)

__all__ = [
    "actors",
    "entities",
    "events",
    "extensions",
    "paragraphs",
    "places",
    "quotes",
    "times",
    "topics",
]
