"""Import every component module so that its spaCy factory is registered."""

from communique.nlp import actors, entities, extensions, paragraphs, places, times

__all__ = ["actors", "entities", "extensions", "paragraphs", "places", "times"]
