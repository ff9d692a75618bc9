"""Events: typed, dated, placed, with status and evidence (the ``communique_events`` component).

The sub-tasks, one module each: :mod:`.lexicon` (the CSV lexicons),
:mod:`.triggers` (which words name an event), :mod:`.participants`,
:mod:`.anaphora`, :mod:`.targets` and :mod:`.replies` (who takes part),
:mod:`.status`, :mod:`.intents` (commitments and threats), :mod:`.dates` and
:mod:`.offsets`, :mod:`.locations`, :mod:`.attribution`, :mod:`.merge`
(mentions of one event), :mod:`.confidence` (what is reported), :mod:`.settle`,
:mod:`.component` (the spaCy component) and :mod:`.readout` (records).
"""

from communique.nlp.events.component import find_events
from communique.nlp.events.mentions import DateReading, EventMention
from communique.nlp.events.readout import event_records

__all__ = ["DateReading", "EventMention", "event_records", "find_events"]
