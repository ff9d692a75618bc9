"""The ``communique_events`` spaCy component: triggers → event mentions → events.

Per sentence it finds the triggers, gives each its participants, status,
date, place, topics and source, then merges the mentions that report the same
event (:mod:`communique.nlp.events.merge`); :mod:`communique.nlp.events.settle`
then decides what needs the whole event and which events to report.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from communique.nlp.actors import ActorEntity
from communique.nlp.events.attribution import attribution
from communique.nlp.events.dates import assign_times, choose, elapsed_since, sentence_times
from communique.nlp.events.intents import with_intents
from communique.nlp.events.lexicon import Lexicon, lexicon
from communique.nlp.events.locations import location_of, place_mentions, venue_in_sentence
from communique.nlp.events.mentions import DocIndex, EventMention
from communique.nlp.events.merge import is_anaphoric, merge, one_act
from communique.nlp.events.occasion import share_occasion
from communique.nlp.events.offsets import offset_of
from communique.nlp.events.participants import participants
from communique.nlp.events.replies import address_replies
from communique.nlp.events.settle import settle
from communique.nlp.events.status import status_of
from communique.nlp.events.triggers import Trigger, find_triggers
from communique.records import EventStatus, EventType

_REALIS = frozenset({EventStatus.OCCURRED, EventStatus.ONGOING})
_REPORTED_PARTY = frozenset({EventType.AGREE, EventType.CONSULT, EventType.COOPERATE})
_AGREED_TO = frozenset({"xcomp", "ccomp"})
_CONTAINERS = frozenset({EventType.REQUEST, EventType.THREATEN, EventType.REJECT})
_SPEECH_ACTS = frozenset(
    {
        EventType.REQUEST,
        EventType.THREATEN,
        EventType.REJECT,
        EventType.ACCUSE,
        EventType.SUPPORT,
        EventType.AGREE,
    }
)


@Language.component(
    "communique_events",
    requires=["doc._.actors", "doc._.places", "doc._.times"],
    assigns=["doc._.events"],
)
def find_events(doc: Doc) -> Doc:
    lex = lexicon()
    index = DocIndex.build(doc)
    triggers = list(find_triggers(doc, index, lex))
    mentions: list[EventMention] = []
    for start, end in index.sentences:
        here = [t for t in triggers if start <= t.token.i < end]
        if here:
            mentions.extend(_sentence_mentions(here, start, end, index, lex))
    events = merge(mentions, index)
    address_replies(events, index)
    doc._.events = settle(events, index, lex)
    return doc


def _sentence_mentions(
    triggers: list[Trigger], start: int, end: int, index: DocIndex, lex: Lexicon
) -> list[EventMention]:
    triggers = [t for t in triggers if not _embedded(t, triggers)]
    here = sentence_times(index, start, end)
    times = assign_times([t.token for t in triggers], here, index)
    places = place_mentions(index, start, end)
    out = []
    for trigger in triggers:
        mention = _mention(trigger, (start, end), index, lex)
        pairs = times.get(trigger.token.i, [])
        mention.date, mention.duration = choose(pairs)
        mention.date = mention.date or elapsed_since(trigger.token, here, index.doc._.published)
        mention.offset = offset_of(pairs, [t.token for t in triggers], index)
        if mention.mode == "phone":
            out.append(mention)
            continue
        visit = trigger.rule.mode == "visit"
        # the place a visit goes to is also the host: it may be both location and party
        used = set() if visit else _participant_tokens(mention, start, end, index)
        mention.location = location_of(trigger.token, visit, places, used)
        if (
            mention.location is None
            and mention.type == EventType.CONSULT
            and mention.status not in _REALIS
        ):
            mention.location = venue_in_sentence(index, start, end, used)
        out.append(mention)
    share_occasion(out, index)
    return with_intents(one_act(out, index), index, lex)


def _embedded(trigger: Trigger, triggers: list[Trigger]) -> bool:
    """What a demand, threat or refusal is about is not an event of its own ("urged Kyiv *to withdraw*",
    "a deadline to agree to a *ceasefire* or face *sanctions*"); a meeting asked for still is one, and an
    agreement to do something is the something ("agreed to *recognise* the state")."""
    token = trigger.token
    if trigger.rule.type == EventType.AGREE and token.pos_ in {"VERB", "AUX"}:
        if any(
            other.token.i != token.i and _inside(other.token, token, through=_AGREED_TO)
            for other in triggers
        ):
            return True
    elif trigger.rule.type == EventType.CONSULT:
        return False
    return any(
        other.rule.type in _CONTAINERS and other.token.i != token.i and _inside(token, other.token)
        for other in triggers
    )


def _inside(token: Token, container: Token, through: frozenset[str] | None = None) -> bool:
    """Whether ``token`` lies in the complement of ``container`` (entered through a dependency of
    ``through`` when given), not in a relative clause of it."""
    current = token
    for _ in range(8):
        if current.head.i == container.i:
            if current.dep_ == "conj":
                return False  # "no longer pressing for a ceasefire, but now *favoured* a deal"
            return (
                through is None
                or current.dep_ in through
                or (current.dep_ == "prep" and current.lower_ == "to")
            )
        if current.dep_ in {"relcl", "ROOT"} or current.head.i == current.i:
            return False
        current = current.head
    return False


def _mention(
    trigger: Trigger, sentence: tuple[int, int], index: DocIndex, lex: Lexicon
) -> EventMention:
    token, rule = trigger.token, trigger.rule
    actors, recipients = participants(token, rule.type, index, lex)
    status = status_of(token, rule, lex)
    source = attribution(token, index)
    actors = _with_reporter(token, rule.type, actors, recipients, source)
    if not actors and token.dep_ == "aux" and source is not None:
        actors = [source]  # "Russia said Sudan *must* return it": the demand is the reporter's
    if not actors and rule.type in _SPEECH_ACTS and _speaker_of_quote(token, index) is source:
        actors = [source] if source is not None and all(source is not r for r in recipients) else []
    return EventMention(
        type=rule.type,
        mode=rule.mode,
        cameo=rule.cameo,
        trigger=(token.i, token.i + 1),
        sentence=sentence,
        actors=actors,
        recipients=recipients,
        status=status.status,
        status_strength=status.strength,
        status_cue=status.cue,
        topics=_topics(token, index),
        contexts=_contexts(token, index),
        attributed_to=source,
        anaphoric=is_anaphoric(token),
    )


def _with_reporter(
    token: Token,
    event_type: EventType,
    actors: list[ActorEntity],
    recipients: list[ActorEntity],
    source: ActorEntity | None,
) -> list[ActorEntity]:
    """The one who tells of a meeting or deal with one other side named took part in it:
    "Ukraine said an understanding had been reached with the US", "Trump says progress was made
    during a call with Putin"."""
    if source is None or event_type not in _REPORTED_PARTY or any(source is a for a in actors):
        return actors
    if len(actors) + len(recipients) >= 2:
        return actors
    if event_type == EventType.CONSULT and len(actors) == 1:
        return [source, *actors]
    return [source, *actors] if _agentless_passive(token) else actors


def _speaker_of_quote(token: Token, index: DocIndex) -> ActorEntity | None:
    """ "The conspirators will not be spared," said Modi: a threat in a quote is its speaker's."""
    quote = index.quote_at.get(token.i)
    speaker = getattr(quote, "speaker", None) if quote is not None else None
    return speaker if isinstance(speaker, ActorEntity) else None


def _agentless_passive(token: Token) -> bool:
    verb = token if token.pos_ in {"VERB", "AUX"} else token.head
    if token.pos_ not in {"VERB", "AUX"} and token.dep_ != "nsubjpass":
        return False
    deps = {child.dep_ for child in verb.children}
    return "auxpass" in deps and "agent" not in deps


def _participant_tokens(mention: EventMention, start: int, end: int, index: DocIndex) -> set[int]:
    """Tokens of this sentence that name a participant: they cannot also be the location."""
    ids = {id(actor) for actor in mention.participants}
    return {i for i in range(start, end) if id(index.actor_at.get(i)) in ids}


def _clause(token: Token) -> tuple[int, int]:
    top = token
    while (
        top.dep_ in {"dobj", "pobj", "prep", "nsubj", "nsubjpass", "compound", "attr"}
        and top.head.i != top.i
    ):
        top = top.head
    return top.left_edge.i, top.right_edge.i + 1


def _topics(token: Token, index: DocIndex) -> list[str]:
    start, end = _clause(token)
    labels: list[str] = []
    for mention in index.doc._.topics or []:
        if start <= mention.start < end and mention.topic not in labels:
            labels.append(mention.topic)
    return labels


def _contexts(token: Token, index: DocIndex) -> list[str]:
    start, end = _clause(token)
    contexts: list[str] = []
    for mention in index.doc._.topics or []:
        if start <= mention.start < end and mention.context and mention.context not in contexts:
            contexts.append(mention.context)
    return contexts
