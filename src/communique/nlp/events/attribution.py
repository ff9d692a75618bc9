"""Who reports an event: the speaker of the quote it sits in, "according to X", or "X said that …".

An event told in someone's words is attributed to them, so that a reader can
tell what the text asserts from what one side claims. The reporting verb of a
speech-act event (the "accused" of an accusation) is the event itself, not
its source.
"""

from __future__ import annotations

from spacy.tokens import Token

from communique.nlp.actors import ActorEntity
from communique.nlp.events.anaphora import resolve
from communique.nlp.events.lexicon import lexicon
from communique.nlp.events.mentions import DocIndex

_UP = frozenset(
    {
        "ccomp",
        "xcomp",
        "conj",
        "dobj",
        "pobj",
        "prep",
        "nsubj",
        "nsubjpass",
        "attr",
        "acl",
        "advcl",
        "relcl",
        "amod",
        "compound",
    }
)


def attribution(token: Token, index: DocIndex) -> ActorEntity | None:
    quote = index.quote_at.get(token.i)
    speaker = getattr(quote, "speaker", None) if quote is not None else None
    if isinstance(speaker, ActorEntity):
        return speaker
    return _according_to(token, index) or _reporter(token, index)


def _according_to(token: Token, index: DocIndex) -> ActorEntity | None:
    """ "According to Putin's aide Yury Ushakov, discussions included …"."""
    start, end = index.sentence(token.i)
    for i in range(start, end - 1):
        word = index.doc[i]
        if word.lower_ == "according" and index.doc[i + 1].lower_ == "to":
            objects = [c for c in index.doc[i + 1].children if c.dep_ == "pobj"]
            found = [a for obj in objects for a in resolve(obj, index)]
            if found:
                return found[0]
    return None


def _reporter(token: Token, index: DocIndex) -> ActorEntity | None:
    """The subject of the reporting verb whose clause holds the trigger ("Trump said that …")."""
    reporting = lexicon().word_class("reporting")
    current = token
    for _ in range(6):
        if current.dep_ not in _UP or current.head.i == current.i:
            return None
        child, current = current, current.head
        if child.dep_ == "ccomp" and current.lemma_.lower() in reporting:
            subjects = [c for c in current.children if c.dep_ == "nsubj"]
            found = [a for s in subjects for a in resolve(s, index)]
            return found[0] if found else None
    return None
