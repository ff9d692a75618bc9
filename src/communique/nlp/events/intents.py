"""Commitments and threats: an actor's announced intent is an event of its own.

"Putin agreed to meet Trump", "Norway is willing to send arms", "Nigeria said it
would withdraw its force" report two things. The act keeps its own type and a
status (a CONSULT that is planned, an AID that is proposed); the commitment,
made when the text says it was, is a speech act that PLOVER codes AGREE when
the act is cooperative and THREATEN when it is conflictual, and CAMEO codes
with its intent codes (036 intent to meet, 033 intent to give aid, 138 threaten
force …). This module adds that second event next to the first.

A commitment needs someone who commits: the subject of a verb of commitment
("agreed", "promised", "is ready to") or the actor who announces its own act
("X said it would …"). A future the text itself asserts ("the summit will take
place") commits no one.
"""

from __future__ import annotations

from spacy.tokens import Token

from communique.nlp.actors import ActorEntity
from communique.nlp.events.anaphora import resolve
from communique.nlp.events.lexicon import Lexicon, TriggerRule
from communique.nlp.events.mentions import CUE, DocIndex, EventMention, unique
from communique.nlp.events.status import status_of
from communique.records import EventStatus, EventType

_AWAITED = frozenset({EventStatus.PLANNED, EventStatus.PROPOSED, EventStatus.CONDITIONAL})
_DONE = frozenset({EventStatus.OCCURRED, EventStatus.ONGOING})
# The CAMEO intent code of each cooperative act (AGREE) and threat code of each conflictual one.
_PROMISES = {
    EventType.CONSULT: "036",
    EventType.SUPPORT: "032",
    EventType.COOPERATE: "031",
    EventType.AID: "033",
    EventType.RETREAT: "035",
    EventType.CONCEDE: "035",
}
_THREATS = {
    EventType.SANCTION: "131",
    EventType.COERCE: "132",
    EventType.PROTEST: "133",
    EventType.MOBILIZE: "138",
    EventType.ASSAULT: "138",
}
_FUTURE = frozenset({"will", "would", "'ll", "wo", "shall"})
_SYMMETRIC = frozenset({EventType.CONSULT, EventType.COOPERATE})


def with_intents(mentions: list[EventMention], index: DocIndex, lex: Lexicon) -> list[EventMention]:
    """The mentions with, before each announced act, the commitment or threat that announces it."""
    out: list[EventMention] = []
    for mention in mentions:
        intent = intent_of(mention, index, lex)
        if intent is not None:
            out.append(intent)
        out.append(mention)
    return out


def intent_of(mention: EventMention, index: DocIndex, lex: Lexicon) -> EventMention | None:
    code = _PROMISES.get(mention.type) or _THREATS.get(mention.type)
    if code is None or mention.status not in _AWAITED or mention.status_cue is None:
        return None
    cue = index.doc[mention.status_cue[0]]
    committed = _committer(cue, mention, index, lex)
    if not committed or not _commits_to(committed, mention):
        return None
    kind = EventType.AGREE if mention.type in _PROMISES else EventType.THREATEN
    actors, recipients = _parties(mention, committed, kind)
    return EventMention(
        type=kind,
        mode=None,
        cameo=code,
        trigger=(cue.i, cue.i + 1),
        sentence=mention.sentence,
        actors=actors,
        recipients=recipients,
        status=EventStatus.OCCURRED,
        status_strength=CUE,
        topics=list(mention.topics),
        contexts=list(mention.contexts),
        attributed_to=mention.attributed_to
        if all(mention.attributed_to is not a for a in actors)
        else None,
        announces=mention,
    )


def _committer(
    cue: Token, mention: EventMention, index: DocIndex, lex: Lexicon
) -> list[ActorEntity]:
    """Who commits: the subject of "agreed"/"is ready", or an actor announcing its own act."""
    if cue.lemma_.lower() in lex.word_class("commitments"):
        verb = cue.head if cue.pos_ == "ADJ" and cue.dep_ in {"acomp", "amod"} else cue
        if not _said_as_done(verb, lex):
            return []
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return unique([a for s in subjects for a in resolve(s, index)])
    # a meeting someone says will happen is news of a plan; an act one announces is a commitment
    if mention.type in _SYMMETRIC:
        return []
    if cue.lower_ in _FUTURE and cue.dep_ == "aux" and _reported(cue.head, lex):
        source = mention.attributed_to
        if source is not None and any(_same_side(source, a) for a in mention.actors):
            return [a for a in mention.actors if _same_side(source, a)]
    return []


def _commits_to(committed: list[ActorEntity], mention: EventMention) -> bool:
    """The one who commits takes part in the act: "Putin agreed to meet Trump", not "a deadline
    for Russia to agree or face US sanctions" (the sanctions are not Russia's)."""
    parties = mention.participants if mention.type in _SYMMETRIC else mention.actors
    return not parties or any(_same_side(c, p) for c in committed for p in parties)


def _said_as_done(verb: Token, lex: Lexicon) -> bool:
    """ "agreed", "has promised", "is ready": a commitment made, not one that may be made."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return True
    rule = TriggerRule(verb.lemma_, "VERB", EventType.AGREE, None, None, ())
    return status_of(verb, rule, lex).status in _DONE


def _reported(verb: Token, lex: Lexicon) -> bool:
    """ "said (that) it would": a clause reported by a verb of saying."""
    current = verb
    for _ in range(3):
        if current.dep_ == "ccomp":
            return current.head.lemma_.lower() in lex.word_class("reporting")
        if current.dep_ != "conj" or current.head.i == current.i:
            return False
        current = current.head
    return False


def _same_side(a: ActorEntity, b: ActorEntity) -> bool:
    return a is b or (a.country is not None and a.country == b.country)


def _parties(
    mention: EventMention, committed: list[ActorEntity], kind: EventType
) -> tuple[list[ActorEntity], list[ActorEntity]]:
    """Who promises to whom: "Putin agreed to meet Trump" is Putin's promise to Trump; "the two
    agreed to talks" a promise both make."""
    if mention.type in _SYMMETRIC and kind == EventType.AGREE:
        others = [p for p in mention.participants if all(p is not c for c in committed)]
        if len(committed) >= 2 and not others:
            return list(committed), []
        return list(committed), others
    actors = unique([*committed, *mention.actors])
    return actors, [r for r in mention.recipients if all(r is not a for a in actors)]
