"""How sure an event is, and which events a readout reports.

Confidence adds up what makes a reading likely to be a real, complete event:

* the trigger: a verb names an act more surely than a noun (0.45, else 0.4);
* its prominence: the sentence's main predicate ("Russia *expelled* two
  diplomats", "X said it *would withdraw*") +0.05; the subject or object of
  that predicate ("*held talks*") ±0; anywhere else (a relative clause, an
  adjunct, a noun inside a prepositional phrase) −0.05;
* completeness: both sides of a directed act, or two parties of a mutual
  one, 0.35 (0.3 for a meeting); a one-sided reading only what its type can
  stand (:func:`completeness`);
* +0.05 for a status cue, +0.05 per further mention (up to 0.15), −0.1 when the
  parties were borrowed from a neighbouring meeting.

An article reports the events at or above the cut (the setting
``min_event_confidence``, 0.6 by default): below it lie mostly one-sided
readings of two-sided acts whose other side the article names elsewhere or
leaves implicit ("India has refused"). A text of a single sentence (a
headline, an alert, a coded record) has no elsewhere: its main events, the
candidates with the most prominent triggers, are reported even below the cut.
"""

from __future__ import annotations

from spacy.tokens import Token

from communique.nlp.events.lexicon import Lexicon
from communique.nlp.events.mentions import CUE, DocIndex, EventMention
from communique.records import EventStatus, EventType

DEFAULT_CUT = 0.6
# Where the pipeline puts the ``min_event_confidence`` setting on each Doc.
CUT_KEY = "communique.min_event_confidence"
_SYMMETRIC = frozenset({EventType.CONSULT, EventType.COOPERATE})
_REALIS = frozenset({EventStatus.OCCURRED, EventStatus.ONGOING})
# Acts that are complete with one side named: praise, endorsement.
_ONE_SIDED = frozenset({EventType.SUPPORT})
# Acts that may name both sides as doers: "X and Y agreed a deal", "a clash between X and Y".
_MUTUAL = frozenset({EventType.AGREE, EventType.ASSAULT})
# Acts whose doer is often unknown or unnamed when they happen: an attack, a delivery, a protest.
_DOER_UNKNOWN = frozenset({EventType.ASSAULT, EventType.AID, EventType.PROTEST})
_ARGUMENT = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# Confidence by prominence: the main predicate is surest, what hangs on it neutral, the rest less.
_CENTRALITY = (-0.05, -0.05, 0.0, 0.05)


def reported(events: list[EventMention], index: DocIndex, lex: Lexicon) -> list[EventMention]:
    """The events at or above the cut, and the main events of a one-sentence text."""
    cut = float(index.doc.user_data.get(CUT_KEY, DEFAULT_CUT))
    kept = [event for event in events if event.confidence >= cut]
    if events and _one_sentence(index):
        main = _main_events(events, index, lex)
        kept = [e for e in events if any(e is k for k in kept + main)]
    return kept


def _main_events(events: list[EventMention], index: DocIndex, lex: Lexicon) -> list[EventMention]:
    """The sentence's main predicates ("opened its borders but was still *refusing* …" has two),
    else the best of what hangs on them, with the commitment or act each one pairs with."""
    levels = [(_prominence(event, index, lex), event) for event in events]
    top = max(level for level, _ in levels)
    if top == 0:
        return []
    chosen = [event for level, event in levels if level == top]
    if top < 3:
        chosen = [max(chosen, key=lambda event: event.confidence)]
    # a commitment and the act it announces are two readings of one statement
    return [e for e in events if any(_same_statement(e, main) for main in chosen)]


def _same_statement(event: EventMention, main: EventMention) -> bool:
    return event is main or event.announces is main or main.announces is event


def _one_sentence(index: DocIndex) -> bool:
    """A text whose body is one sentence (headings and blank lines aside)."""
    body = [
        (start, end)
        for start, end in index.sentences
        if not all(index.doc[i].is_space or i in index.headings for i in range(start, end))
    ]
    return len(body) == 1


def confidence(event: EventMention, index: DocIndex, lex: Lexicon) -> float:
    """A rough, calibrated-ish score: how sure the trigger is, how central, how complete the
    parties are, whether a cue decided the status, and how often the article reports it."""
    trigger = index.doc[event.trigger[0]]
    score = 0.45 if trigger.pos_ in {"VERB", "AUX"} else 0.4
    score += _CENTRALITY[_prominence(event, index, lex)]
    score += completeness(event)
    score += 0.05 if event.status_strength == CUE else 0.0
    score += min(0.15, 0.05 * (len(event.mentions) - 1))
    score -= 0.1 if event.bridged else 0.0
    return round(max(0.0, min(score, 0.95)), 2)


def completeness(event: EventMention) -> float:
    if event.type in _SYMMETRIC:
        parties = len(event.participants)
        if parties >= 2 or event.mode == "multilateral":
            return 0.3
        return 0.0
    if event.actors and (event.recipients or (event.type in _MUTUAL and len(event.actors) >= 2)):
        return 0.35
    if event.actors:
        return 0.2 if event.type in _ONE_SIDED else 0.0
    # an unnamed attacker is news when the attack happened; aid is news even when discussed
    realis_act = event.type in _DOER_UNKNOWN and event.status in _REALIS
    if event.recipients and (event.type == EventType.AID or realis_act):
        return 0.2
    return 0.0


def _prominence(event: EventMention, index: DocIndex, lex: Lexicon) -> int:
    """The most prominent of the event's mentions."""
    return max(prominence(index.doc[start], lex) for start, _ in event.mentions or [event.trigger])


def prominence(token: Token, lex: Lexicon) -> int:
    """How central a trigger is to its sentence: 3 for the main predicate; 2 for its subject or
    object or the object of its preposition ("arrived *on a visit*", "remained *on alert*");
    1 for a clause hung on those ("gathered *to protest*", "an attempt *to assassinate*");
    0 elsewhere (relative clauses, adjuncts of adjuncts)."""
    if token.dep_ == "ROOT":
        return 3  # a verb, or the noun of a headline ("Talks between X and Y")
    verb = token.head if token.dep_ in {"aux", "acomp"} else token
    if token.pos_ not in _NOUNS and _main(verb, lex):
        return 3
    if _argument_of_main(token, lex):
        return 2
    if token.dep_ in {"advcl", "acl", "xcomp"} and (
        _main(token.head, lex) or _argument_of_main(token.head, lex)
    ):
        return 1
    return 0


def _argument_of_main(token: Token, lex: Lexicon) -> bool:
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        return _main(token.head.head, lex)
    return token.dep_ in _ARGUMENT and _main(token.head, lex)


def _main(verb: Token, lex: Lexicon) -> bool:
    """Whether ``verb`` is the sentence's main predicate: the root, a verb coordinated with it,
    its infinitive complement ("agreed *to meet*"), or what a verb of saying or commitment
    reports ("said it *would withdraw*")."""
    carriers = lex.word_class("reporting") | lex.word_class("commitments")
    current = verb
    for _ in range(4):
        if current.dep_ == "ROOT":
            return True
        if current.dep_ == "ccomp" and current.head.lemma_.lower() not in carriers:
            return False
        if current.dep_ not in {"conj", "xcomp", "ccomp", "acomp"}:
            return False
        current = current.head
    return False
