"""Load the spaCy pipeline and add communique's components in order.

The order is declared once, in :data:`COMPONENTS`; each component states what
it needs, and :func:`build_pipeline` fails if a component would run before
what it requires.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from communique.errors import ModelError
from communique.nlp import components  # noqa: F401  (registers the factories)

# Components in the order they run, each with the component it needs to have run before.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("communique_paragraphs", ""),
    ("communique_entities", "ner"),
    ("communique_times", "communique_entities"),
    ("communique_places", "communique_entities"),
    ("communique_actors", "communique_places"),
    ("communique_quotes", "communique_actors"),
    ("communique_topics", "communique_entities"),
    ("communique_events", "communique_quotes"),
)

# An en dash or em dash between a word (or abbreviation) and a capital splits
# the token: "U.S.–Russia" is two countries, which the default tokenizer misses.
_DASH_INFIX = r"(?<=[A-Za-z.])[–—](?=[A-Z])"

_lock = threading.Lock()


def build_pipeline(model: str) -> Language:
    """A fresh pipeline: the spaCy model plus communique's components."""
    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ModelError(
            f"spaCy model {model!r} is not installed; run 'make setup' "
            f"(it installs requirements/model.txt)"
        ) from e
    tokenizer: Any = nlp.tokenizer
    infixes = [rule for rule in nlp.Defaults.infixes or () if isinstance(rule, str)]
    tokenizer.infix_finditer = compile_infix_regex([*infixes, _DASH_INFIX]).finditer
    nlp.add_pipe("communique_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
    for name, needs in COMPONENTS[1:]:
        if needs not in nlp.pipe_names:
            raise ModelError(
                f"component {name} needs {needs!r} to run first, which model {model!r} lacks"
            )
        nlp.add_pipe(name, last=True)
    return nlp


@cache
def _cached(model: str) -> Language:
    return build_pipeline(model)


def load_pipeline(model: str) -> Language:
    """The pipeline for ``model``, built once per process."""
    with _lock:
        return _cached(model)


def model_version(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"
