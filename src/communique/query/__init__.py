"""Read functions over the store, returning frozen records (``communique.query.rows``).

The CLI, the Python API (:class:`communique.Archive`) and the server are thin
layers over these.
"""

from communique.query.actors import actor_profile, actors
from communique.query.events import canonical_event, canonical_events, events
from communique.query.filters import EventFilter
from communique.query.quotes import quotes
from communique.query.threads import threads
from communique.query.timeline import by_month, timeline

__all__ = [
    "EventFilter",
    "actor_profile",
    "actors",
    "by_month",
    "canonical_event",
    "canonical_events",
    "events",
    "quotes",
    "threads",
    "timeline",
]
