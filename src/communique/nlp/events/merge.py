"""One event, many mentions: merge the mentions of an article that report the same event.

"A phone call between Putin and Trump … The call lasted over two hours … the
conversation set the stage" is one event. A mention joins an earlier event of
the same type when nothing contradicts it:

* participants: one set contains the other; a mention with none joins only
  as a definite noun ("the call", "the talks") within a few sentences;
* kind: a phone call does not join a meeting (modes that differ);
* status: what happened does not join what is only planned, proposed or
  hypothetical (unless one of them was decided by default), and a planned
  event may become postponed or cancelled;
* date and place: no two different days, no two places of different countries.

Big events (meetings, deals, aid, sanctions) are merged across the article;
speech acts only with mentions in the next sentences, since two accusations
by the same person are usually two events.
"""

from __future__ import annotations

from spacy.tokens import Token

from communique.nlp.actors import ActorEntity
from communique.nlp.events.mentions import DEFAULT, DocIndex, EventMention, unique
from communique.records import EventStatus, EventType

_REALIS = frozenset({EventStatus.OCCURRED, EventStatus.ONGOING})
_IRREALIS = frozenset(
    {
        EventStatus.PLANNED,
        EventStatus.PROPOSED,
        EventStatus.HYPOTHETICAL,
        EventStatus.CONDITIONAL,
        EventStatus.POSTPONED,
        EventStatus.CANCELLED,
    }
)
# what one side proposes, plans, makes conditional or muses about
_STANCES = frozenset(
    {EventStatus.PLANNED, EventStatus.PROPOSED, EventStatus.HYPOTHETICAL, EventStatus.CONDITIONAL}
)
# a plan that turns out to hang on a condition is conditional
_PLANS = frozenset({EventStatus.PLANNED, EventStatus.PROPOSED})
_LATER_NEWS = frozenset({EventStatus.POSTPONED, EventStatus.CANCELLED, EventStatus.DENIED})
_ARTICLE_WIDE = frozenset(
    {EventType.CONSULT, EventType.AGREE, EventType.AID, EventType.COOPERATE, EventType.SANCTION}
)
_SYMMETRIC = frozenset({EventType.CONSULT, EventType.COOPERATE})
_BRIDGED = frozenset({EventType.CONSULT, EventType.AGREE})
_ANAPHORA_WINDOW = 6
_SPEECH_WINDOW = 2
_ANOTHER_ONE = frozenset(
    {
        "preparatory",
        "preliminary",
        "separate",
        "new",
        "second",
        "third",
        "further",
        "fresh",
        "future",
        "next",
        "earlier",
        "previous",
        "first",
        "last",
        "follow-up",
        "later",
    }
)
_LINKS = frozenset({"conj", "advcl", "acl", "nsubj", "nsubjpass", "dobj", "xcomp"})
# prepositions that put two events in order: "met *after* the call" is two events
_ORDERING = frozenset({"after", "before", "since", "until", "following", "ahead", "despite"})
_TOWNS = frozenset({"city", "site"})
_VERBS = frozenset({"VERB", "AUX"})
_INDEFINITE = frozenset({"a", "an", "another", "any", "no", "some", "each", "every"})
_MEETING_WORDS = frozenset(
    {"meet", "meeting", "summit", "trilateral", "sit", "visit", "trip", "travel", "fly", "host"}
)


def merge(mentions: list[EventMention], index: DocIndex) -> list[EventMention]:
    events: list[EventMention] = []
    for mention in mentions:
        target = _antecedent(mention, events, index)
        if target is None:
            if mention.trigger not in mention.mentions:
                mention.mentions.insert(0, mention.trigger)
            if not mention.participants and mention.type in _BRIDGED:
                _bridge(mention, events, index)
            events.append(mention)
        else:
            absorb(target, mention)
    return events


def one_act(mentions: list[EventMention], index: DocIndex) -> list[EventMention]:
    """Triggers of one type linked in the parse of one sentence name one act: "fired rockets …,
    *killing* two soldiers", "an *explosion* killed eight", "*met* … for *talks*"."""
    out: list[EventMention] = []
    for mention in mentions:
        token = index.doc[mention.trigger[0]]
        host = next(
            (
                event
                for event in out
                if event.type == mention.type
                and _linked(index.doc[event.trigger[0]], token)
                and (event.type in _SYMMETRIC or _sides_agree(event, mention))
            ),
            None,
        )
        if host is None:
            out.append(mention)
        else:
            absorb(host, mention)
    return out


def _sides_agree(event: EventMention, mention: EventMention) -> bool:
    return _same_side(event.actors, mention.actors) and _same_side(
        event.recipients, mention.recipients
    )


def _linked(a: Token, b: Token) -> bool:
    """One trigger depends on the other directly, or through a preposition that does not date
    or order the two ("for talks", not "after talks")."""
    for x, y in ((a, b), (b, a)):
        if y.head.i == x.i and y.dep_ in _LINKS:
            return True
        if (
            y.dep_ == "pobj"
            and y.head.dep_ == "prep"
            and y.head.head.i == x.i
            and y.head.lower_ not in _ORDERING
        ):
            return True
    return False


def _bridge(mention: EventMention, events: list[EventMention], index: DocIndex) -> None:
    """A new meeting or deal that names no one ("the conversation set the stage for a summit") is
    between the parties of the meeting reported in the same sentence, else the one before."""
    here = index.sent_of[mention.trigger[0]]
    for back in (0, 1):
        donors = [
            event
            for event in events
            if event.type == EventType.CONSULT
            and len(event.participants) >= 2
            and any(index.sent_of[m[0]] == here - back for m in event.mentions)
        ]
        if donors:
            mention.actors = list(donors[-1].participants)
            mention.bridged = True
            return


def _antecedent(
    mention: EventMention, events: list[EventMention], index: DocIndex
) -> EventMention | None:
    """The event this mention reports again: one of the same kind first ("the call" → the last call)."""
    if _another(index.doc[mention.trigger[0]]):
        return None  # "left the door open for another meeting": not the one just held
    if (joined := _joined_meeting(mention, events, index)) is not None:
        return joined
    candidates = [
        e for e in reversed(events) if e.type == mention.type and _compatible(e, mention, index)
    ]
    mine = kind(mention, index)
    same_kind = [e for e in candidates if mine is not None and kind(e, index) == mine]
    # "the Budapest summit" is the summit already placed in Budapest, not the latest meeting
    same_place = [
        e for e in candidates if mention.location is not None and e.location is mention.location
    ]
    for pool in (same_place, same_kind, candidates):
        for event in pool:
            if _joins(event, mention, index):
                return event
    return None


def _joins(event: EventMention, mention: EventMention, index: DocIndex) -> bool:
    apart = index.sent_of[mention.trigger[0]] - index.sent_of[event.mentions[-1][0]]
    if not mention.participants:
        # "the call" points back; so does "a meeting was no longer necessary" right after a
        # planned one: news of the same plan, not a new meeting
        awaited = mention.status in _IRREALIS and event.status in _IRREALIS and apart <= 1
        return (mention.anaphoric or (awaited and not _fresh(index.doc[mention.trigger[0]]))) and (
            apart <= _ANAPHORA_WINDOW
        )
    if event.type not in _ARTICLE_WIDE and apart > _SPEECH_WINDOW and not mention.anaphoric:
        return False  # "his deadline", "the accusation" point back further than a new one would
    # "the G20 summit" said nothing of its status; "agreeing to confer" pages later is another
    # encounter, not news of that one
    undecided = event.status_strength == DEFAULT < mention.status_strength
    if apart > _SPEECH_WINDOW and undecided and index.doc[mention.trigger[0]].pos_ in _VERBS:
        return False
    # only a verb right after may name who took part in an event first named alone
    # ("a summit in Alaska … The pair met on US soil"), not "a potential meeting between X and Y"
    verb_next = apart <= 1 and index.doc[mention.trigger[0]].pos_ in {"VERB", "AUX"}
    if not event.participants and not mention.anaphoric and not verb_next:
        return False
    if event.type in _SYMMETRIC:
        return _nested(event.participants, mention.participants)
    # directed acts: the same doers and the same targets (either side may be unnamed in one mention)
    return _same_side(event.actors, mention.actors) and _same_side(
        event.recipients, mention.recipients
    )


def _another(token: Token) -> bool:
    """ "another summit": a noun that says it is not the one named before ("a second meeting"
    may well be the one planned before)."""
    return any(c.dep_ == "det" and c.lower_ == "another" for c in token.children)


def _joined_meeting(
    mention: EventMention, events: list[EventMention], index: DocIndex
) -> EventMention | None:
    """ "Trump and Zelensky will meet by video on Wednesday. The Zelensky meeting will be *joined
    by* European leaders": newcomers to the meeting of the sentence before, whatever its kind
    (the mention may name only the newcomers: "the call, which Rubio also joined")."""
    token = index.doc[mention.trigger[0]]
    if mention.type not in _SYMMETRIC or not mention.anaphoric or not _joined(token):
        return None
    here = index.sent_of[token.i]
    fitting = [
        event
        for event in reversed(events)
        if event.type == mention.type
        and here - index.sent_of[event.mentions[-1][0]] <= 1
        and _status_fits(event, mention)
        and _dates_fit(event, mention)
    ]
    # "chaired a meeting ... including talks on a potential force. The call, which X joined":
    # the meeting held, not the talks only mooted
    same = [event for event in fitting if event.status == mention.status]
    chosen = same or fitting
    return chosen[0] if chosen else None


def _joined(token: Token) -> bool:
    """ "the meeting will be joined by X", "X will join the talks", "the call, which was joined
    by X": others come to it."""
    if token.head.lemma_.lower() == "join" and token.dep_ in {"nsubjpass", "dobj"}:
        return True
    return any(c.dep_ == "relcl" and c.lemma_.lower() == "join" for c in token.children)


def _same_side(a: list[ActorEntity], b: list[ActorEntity]) -> bool:
    """One side within the other, a state standing for its people ("Putin" ~ "Russia")."""
    return _covered(a, b) or _covered(b, a)


def _covered(a: list[ActorEntity], b: list[ActorEntity]) -> bool:
    ids = {id(x) for x in b}
    countries = {x.country for x in b if x.country}
    return all(id(x) in ids or (x.kind.value == "country" and x.country in countries) for x in a)


def _compatible(event: EventMention, mention: EventMention, index: DocIndex) -> bool:
    return (
        _same_kind(event, mention, index)
        and _status_fits(event, mention)
        and _dates_fit(event, mention)
        and _places_fit(event, mention)
    )


def kind(event: EventMention, index: DocIndex) -> str | None:
    """What sort of encounter a CONSULT mention names: phone, meeting, or unknown."""
    if event.mode == "phone":
        return "phone"
    lemma = index.doc[event.trigger[0]].lemma_.lower()
    return "meeting" if event.mode == "visit" or lemma in _MEETING_WORDS else None


def _same_kind(event: EventMention, mention: EventMention, index: DocIndex) -> bool:
    if event.intent != mention.intent:
        return False  # a promise to meet is not the agreement reached at the meeting
    a, b = kind(event, index), kind(mention, index)
    if a == b:
        return True
    if "phone" in {a, b}:
        # a call has no venue: it joins an unspecified encounter only when that has no place either
        return None in {a, b} and event.location is None and mention.location is None
    return a is None or b is None


def _status_fits(event: EventMention, mention: EventMention) -> bool:
    if event.status_strength == DEFAULT or mention.status_strength == DEFAULT:
        return True
    a, b = event.status, mention.status
    if a == b:
        return True
    if b == EventStatus.NEGATED and (a in _STANCES or a in _LATER_NEWS):
        return True  # "no plans for a meeting" after a meeting was planned: news of that plan
    if a in _STANCES and b in _STANCES and _said_by_others(event, mention):
        # Zelensky's offer to meet and Trump's condition for meeting are two stances, not one plan
        return False
    return (a in _REALIS and b in _REALIS) or (a in _IRREALIS and b in _IRREALIS)


def _said_by_others(event: EventMention, mention: EventMention) -> bool:
    a, b = event.attributed_to, mention.attributed_to
    return a is not None and b is not None and a is not b


def _dates_fit(event: EventMention, mention: EventMention) -> bool:
    if event.date is None or mention.date is None:
        return True
    a, b = event.date.value, mention.date.value
    return a.startswith(b) or b.startswith(a)


def _places_fit(event: EventMention, mention: EventMention) -> bool:
    """No two places of different countries, nor two cities of one ("in Alaska" fits "in
    Anchorage"; "in Geneva" does not fit "in Bern")."""
    a, b = event.location, mention.location
    if a is None or b is None or a is b:
        return True
    if a.country is None or a.country != b.country:
        return False
    return not (a.kind.value in _TOWNS and b.kind.value in _TOWNS)


def _nested(a: list[ActorEntity], b: list[ActorEntity]) -> bool:
    return _within(a, b) or _within(b, a)


def _within(a: list[ActorEntity], b: list[ActorEntity]) -> bool:
    """Every actor of ``a`` is in ``b``, a person also counting as present through their state
    ("a meeting with Trump" after "al-Sharaa visited the United States")."""
    ids = {id(x) for x in b}
    # a state stands for its people only next to a named person ("al-Sharaa visited the United
    # States … a meeting with Trump"); two states alone are not two leaders ("teams from both")
    people = any(x.kind.value == "person" for x in b)
    states = {x.country for x in b if x.kind.value == "country" and x.country} if people else set()
    return all(id(x) in ids or (x.kind.value == "person" and x.country in states) for x in a)


def absorb(event: EventMention, mention: EventMention) -> None:
    """Fold a later mention of the same event into it."""
    if event.trigger not in event.mentions:
        event.mentions.insert(0, event.trigger)
    event.mentions.extend(
        m for m in mention.mentions or [mention.trigger] if m not in event.mentions
    )
    event.actors = unique(event.actors + mention.actors)
    event.recipients = [
        r
        for r in unique(event.recipients + mention.recipients)
        if all(r is not a for a in event.actors)
    ]
    if _news(event, mention):
        event.status, event.status_strength, event.status_cue = (
            mention.status,
            mention.status_strength,
            mention.status_cue,
        )
    # A definite mention with nothing else to go on ("his talks with Putin on Friday") may hang a
    # stray date on the event; only mentions that say something of their own may date it.
    dated = not (mention.anaphoric and mention.status_strength == DEFAULT)
    if dated and (event.date is None or (mention.date is not None and _finer(mention, event))):
        event.date = mention.date or event.date
    event.duration = event.duration or mention.duration
    event.offset = event.offset or mention.offset
    if mention.location is not None and (event.location is None or _more_specific(mention, event)):
        event.location = mention.location
    event.mode = event.mode or mention.mode
    event.attributed_to = event.attributed_to or mention.attributed_to
    event.topics = unique(event.topics + mention.topics)
    event.contexts = unique(event.contexts + mention.contexts)
    event.confidence = max(event.confidence, mention.confidence)


def _news(event: EventMention, mention: EventMention) -> bool:
    """Whether the later mention's status replaces the event's: a firmer reading, or later news of
    a plan (postponed, cancelled, denied), or a plan found to hang on a condition."""
    if mention.status_strength > event.status_strength:
        return True
    if mention.status_strength < event.status_strength:
        return False
    later = mention.status in _LATER_NEWS and event.status not in _LATER_NEWS
    refined = mention.status == EventStatus.CONDITIONAL and event.status in _PLANS
    return later or refined


def _finer(mention: EventMention, event: EventMention) -> bool:
    assert mention.date is not None and event.date is not None
    if event.date.basis != mention.date.basis:
        return mention.date.basis.value == "text"
    return len(mention.date.value) > len(event.date.value)


def _more_specific(mention: EventMention, event: EventMention) -> bool:
    order = {"city": 4, "site": 4, "admin": 3, "region": 2, "country": 1}
    assert mention.location is not None and event.location is not None
    return order.get(mention.location.kind.value, 0) > order.get(event.location.kind.value, 0)


def _fresh(token: Token) -> bool:
    """ "another summit", "a second meeting": explicitly a different event."""
    return any(
        child.lower_ in _ANOTHER_ONE or child.lower_ == "another" for child in token.children
    )


def is_anaphoric(token: Token) -> bool:
    """A nominal trigger that can point back to an event already reported ("the call", "discussions"),
    unlike "a call" or "another summit"."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    determiners = [child.lower_ for child in token.children if child.dep_ in {"det", "poss"}]
    if any(child.dep_ == "amod" and child.lower_ in _ANOTHER_ONE for child in token.children):
        return False  # "preparatory talks", "a second meeting": a different event
    return not any(word in _INDEFINITE for word in determiners)
