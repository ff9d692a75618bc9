"""The Doc attributes communique's components write (``doc._.<name>``).

Each holds plain Python objects defined in the component's own module; spaCy
objects never leave :mod:`communique.nlp`, and :mod:`communique.nlp.readout`
turns these attributes into records.
"""

from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS = ("published", "times", "places", "actors", "quotes", "events", "topics")

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
