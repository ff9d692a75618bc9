"""Event status from the trigger's clause: tense, modals, negation and governing words.

Three sources, the nearest and firmest first:

1. the trigger's own modifiers ("a *potential* meeting", "*no* deal", "the
   *planned* summit") and its verb's auxiliaries and negation ("*will* meet",
   "*did not* meet", "*would* continue *once* …");
2. the words that govern it, walked up the parse ("*agreed* to meet", "*plans*
   for a meeting", "*denied* that they met", "talks were *put on hold*");
3. tense: past is ``occurred``, a present progressive ``ongoing``.

Denial, cancellation, postponement and failure found on the way up override
what the clause itself says ("denied that he would meet" is denied); other
governing cues only apply when the clause itself has none. The cue token is
kept as evidence (``status_cue``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from communique.nlp.events.lexicon import Lexicon, TriggerRule
from communique.nlp.events.mentions import CUE, DEFAULT, TENSE
from communique.records import EventStatus

_OVERRIDES = frozenset(
    {EventStatus.DENIED, EventStatus.CANCELLED, EventStatus.POSTPONED, EventStatus.NEGATED}
)
_AWAITED = frozenset({EventStatus.PLANNED, EventStatus.PROPOSED, EventStatus.HYPOTHETICAL})
_PRECEDENCE = (
    EventStatus.DENIED,
    EventStatus.CANCELLED,
    EventStatus.POSTPONED,
    EventStatus.NEGATED,
    EventStatus.PROPOSED,
    EventStatus.PLANNED,
    EventStatus.CONDITIONAL,
    EventStatus.HYPOTHETICAL,
)
_BOUNDARIES = frozenset({"advcl", "relcl", "parataxis"})
_CONDITION_MARKS = frozenset({"if", "once", "unless", "until", "provided", "when"})
# "Negotiations *are* at an advanced stage", "talks *continue*": an event still going on.
_STATE_VERBS = frozenset({"be", "continue", "remain", "drag", "go"})
_ADJUNCTS = frozenset(
    {
        "after",
        "before",
        "since",
        "during",
        "following",
        "until",
        "amid",
        "despite",
        "without",
        "ahead",
        "like",
        "unlike",
    }
)
_SHELVES = frozenset({"hold", "ice"})
# "called off", "put off": the particle that cancels or postpones ("cap it off" does neither)
_CALLED_OFF = {
    "call": EventStatus.CANCELLED,
    "break": EventStatus.CANCELLED,
    "put": EventStatus.POSTPONED,
}
_REFUSAL_FUTURE = frozenset({"will", "wo", "'ll", "shall"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
# Adverbs that make a present perfect a state that goes on ("has *consistently* demanded").
_CONTINUING = frozenset(
    {"consistently", "continually", "repeatedly", "persistently", "always", "long", "still"}
)
_MODIFIER_DEPS = frozenset({"amod", "det", "compound", "advmod", "nmod", "predet", "acl"})


@dataclass(frozen=True, slots=True)
class StatusReading:
    status: EventStatus
    strength: int = DEFAULT
    cue: tuple[int, int] | None = None


def status_of(token: Token, rule: TriggerRule, lex: Lexicon) -> StatusReading:
    negation_is_trigger = any(c.kind == "neg" for c in rule.conditions)
    local = _local(token, lex, negation_is_trigger)
    governing = _governing(token, lex)
    if governing is not None and governing.status in _OVERRIDES:
        return governing
    chosen = local or governing or _tense(token, lex)
    if chosen.status in _AWAITED and (condition := _condition_above(token)) is not None:
        # "will meet them soon, but *only when* the deal is final": the plan hangs on a condition
        return StatusReading(EventStatus.CONDITIONAL, CUE, condition)
    return chosen


def _realises(verb: Token, lex: Lexicon) -> bool:
    return verb.lemma_.lower() in lex.word_class("realise")


def _condition_above(token: Token) -> tuple[int, int] | None:
    """The marker of a condition on the trigger's clause or the clauses it depends on."""
    current = token
    for _ in range(5):
        for child in current.children:
            if child.dep_ != "advcl":
                continue
            for mark in child.children:
                if mark.dep_ in {"mark", "advmod"} and mark.lower_ in _CONDITION_MARKS - {"when"}:
                    return (mark.i, mark.i + 1)
                if mark.lower_ == "when" and any(
                    g.lower_ == "only" for g in [*child.children, *mark.children]
                ):
                    return (mark.i, mark.i + 1)
        if current.dep_ in _BOUNDARIES or current.head.i == current.i:
            return None
        current = current.head
    return None


def _local(token: Token, lex: Lexicon, negation_is_trigger: bool) -> StatusReading | None:
    found = _modifiers(token, lex)
    if token.pos_ in {"VERB", "AUX", "ADJ"}:
        verb = token.head if token.pos_ == "ADJ" and token.dep_ in {"acomp", "xcomp"} else token
        found.extend(_verb_cues(verb, lex, negation_is_trigger, strength=CUE))
    elif token.head.i != token.i and token.head.pos_ in {"VERB", "AUX"}:
        # Only a verb that realises the event speaks for it: "*did not hold* talks", "the call *will* start".
        head = token.head
        if token.dep_ in {"nsubj", "nsubjpass"}:
            found.extend(_verb_cues(head, lex, False, strength=TENSE))
        elif token.dep_ == "dobj" and head.lemma_.lower() in lex.word_class("realise"):
            found.extend(_verb_cues(head, lex, False, strength=CUE))
    return _first(found)


def _first(found: list[StatusReading]) -> StatusReading | None:
    if not found:
        return None
    best = max(r.strength for r in found)
    strongest = [r for r in found if r.strength == best]
    return min(
        strongest, key=lambda r: _PRECEDENCE.index(r.status) if r.status in _PRECEDENCE else 99
    )


def _modifiers(token: Token, lex: Lexicon) -> list[StatusReading]:
    found: list[StatusReading] = []
    for child in token.children:
        if child.dep_ not in _MODIFIER_DEPS:
            continue
        for part in [child, *child.conjuncts]:
            status = lex.cue("modifier", part.lower_) or lex.cue("modifier", part.lemma_.lower())
            if status is not None:
                found.append(StatusReading(status, CUE, (part.i, part.i + 1)))
    return found


def _predicate(noun: Token) -> Token | None:
    """The verb a nominal trigger is the subject or object of ("the call *lasted*", "*held* talks")."""
    current = noun
    for _ in range(3):
        if current.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj", "prep", "attr"}:
            return None
        current = current.head
        if current.pos_ in {"VERB", "AUX"}:
            return current
    return None


def _verb_cues(
    verb: Token, lex: Lexicon, negation_is_trigger: bool, strength: int
) -> list[StatusReading]:
    found: list[StatusReading] = []
    # "would raise tariffs and *suspend* aid" shares the auxiliary; "… and *accused* him" has its own tense
    shares = verb.dep_ == "conj" and verb.tag_ not in _FINITE
    heads = [verb, verb.head] if shares else [verb]
    for head in heads:
        for child in head.children:
            if child.dep_ == "neg" and not negation_is_trigger:
                found.append(StatusReading(EventStatus.NEGATED, strength, (child.i, child.i + 1)))
            elif child.dep_ == "aux" and negation_is_trigger and child.lower_ in _REFUSAL_FUTURE:
                continue  # "will not accept" is a refusal made now
            elif child.dep_ == "aux" and (modal := lex.cue("auxiliary", child.lower_)) is not None:
                found.append(
                    StatusReading(_modal(child, head, modal, lex), strength, (child.i, child.i + 1))
                )
            elif child.dep_ == "mark" and (marked := lex.cue("marker", child.lower_)) is not None:
                found.append(StatusReading(marked, strength, (child.i, child.i + 1)))
    if any(r.cue and verb.doc[r.cue[0]].dep_ == "mark" for r in found):
        # "if a ceasefire *wasn't* reached": a supposition, not a denial
        found = [r for r in found if r.status != EventStatus.NEGATED]
    return found


def _modal(aux: Token, verb: Token, status: EventStatus, lex: Lexicon) -> EventStatus:
    """ "would" is planned in reported speech, conditional with a condition; modals with a condition too."""
    if _has_condition(verb):
        return EventStatus.CONDITIONAL
    if aux.lower_ == "would":
        return EventStatus.PLANNED if _reported(verb, lex) else EventStatus.HYPOTHETICAL
    return status


def _has_condition(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ == "advcl" and any(
            m.dep_ in {"mark", "advmod"} and m.lower_ in _CONDITION_MARKS for m in child.children
        ):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "in"
            and any(g.lower_ == "event" for g in child.children)
        ):
            return True
    return False


def _reported(verb: Token, lex: Lexicon) -> bool:
    reporting = lex.word_class("reporting")
    current = verb
    for _ in range(4):
        if current.dep_ == "ccomp":
            return current.head.lemma_.lower() in reporting
        if current.dep_ not in {"conj", "xcomp"} or current.head.i == current.i:
            return False
        current = current.head
    return False


def _governing(token: Token, lex: Lexicon) -> StatusReading | None:
    """The status the words above the trigger give: the nearest cue, unless a denial, cancellation,
    postponement or failure stands further up ("shelve *plans* for a meeting" is postponed)."""
    if (said := _predicated(token, lex)) is not None:
        return said
    current = token
    if token.dep_ in {"dobj", "dative"} and token.head.lemma_.lower() in lex.word_class("realise"):
        # "set a deadline", "held talks": the verb is the event's own, not a cue; the walk goes
        # on above it ("a plan to *have talks* was put on hold")
        current = token.head
    found: list[StatusReading] = []
    finite = _finite(current)
    for _ in range(6):
        # The verb an event noun is the active subject of says nothing of its status ("the call set the stage").
        if current.dep_ in _BOUNDARIES or current.dep_ == "nsubj" or current.head.i == current.i:
            break
        if current.dep_ == "conj" and current.tag_ in _FINITE:
            break  # "broke off talks and *joined* Israel in a campaign": a clause of its own
        if current.dep_ == "prep" and current.lower_ in _ADJUNCTS:
            break  # "the prospect of arms *after* his call": the call is not what is in prospect
        head = current.head
        reading = _governor_cue(head, current, lex) or _question(head)
        # a finite clause reported by "suggest" or "say" keeps its own tense ("sources suggesting
        # Trump *had pushed*"); only denials and the like reach into it
        if reading is not None and (not finite or reading.status in _OVERRIDES):
            found.append(reading)
        if current.dep_ == "ccomp":
            finite = True
        current = head
    overrides = [r for r in found if r.status in _OVERRIDES]
    # "a question about *whether* Putin would be ready to meet": asked, not offered
    questions = [r for r in found if r.status == EventStatus.HYPOTHETICAL and _asked(r, token)]
    chosen = overrides or questions or found
    return chosen[0] if chosen else None


def _asked(reading: StatusReading, token: Token) -> bool:
    return reading.cue is not None and token.doc[reading.cue[0]].lower_ in {"whether", "if"}


def _predicated(token: Token, lex: Lexicon) -> StatusReading | None:
    """ "a meeting was *no longer* necessary", "a deal is *possible*": what the copula says of
    an event noun that is its subject."""
    head = token.head
    if token.dep_ != "nsubj" or head.lemma_ != "be":
        return None
    if _no_longer(head):
        return StatusReading(EventStatus.CANCELLED, CUE, (head.i, head.i + 1))
    for child in head.children:
        if child.dep_ == "acomp" and (cue := lex.cue("modifier", child.lower_)) is not None:
            return StatusReading(cue, CUE, (child.i, child.i + 1))
    return None


def _question(head: Token) -> StatusReading | None:
    """A clause introduced by "whether" (or "if" as a question) above the trigger."""
    for child in head.children:
        if child.dep_ == "mark" and child.lower_ == "whether":
            return StatusReading(EventStatus.HYPOTHETICAL, CUE, (child.i, child.i + 1))
    return None


def _finite(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    auxiliaries = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
    return token.tag_ in {"VBD", "VBZ", "VBP"} or bool(
        auxiliaries & {"had", "has", "have", "did", "was", "were"}
    )


def _governor_cue(head: Token, below: Token, lex: Lexicon) -> StatusReading | None:
    lemma = head.lemma_.lower()
    span = (head.i, head.i + 1)
    particles = {c.lower_ for c in head.children if c.dep_ == "prt"}
    if "off" in particles and lemma in _CALLED_OFF and below.dep_ in {"dobj", "nsubjpass"}:
        # "called off the summit"; not "broke off *to call* Putin"
        return StatusReading(_CALLED_OFF[lemma], CUE, span)
    if (held := _on_hold(head)) is not None:
        return StatusReading(EventStatus.POSTPONED, CUE, held)
    if _no_longer(head):
        return StatusReading(EventStatus.CANCELLED, CUE, span)
    if lemma == "call" and "for" not in {c.lower_ for c in head.children}:
        return None
    if lemma == "look" and any(c.lower_ == "forward" for c in head.children):
        return StatusReading(EventStatus.PROPOSED, CUE, span)  # "looked forward to meeting"
    if (denial := lex.cue("negated_governor", lemma)) is not None:
        negated = any(c.dep_ == "neg" for c in head.children) or (
            head.dep_ in {"acomp"} and any(c.dep_ == "neg" for c in head.head.children)
        )
        return StatusReading(denial, CUE, span) if negated else None
    for child in head.children:
        if child.dep_ == "dobj" and (found := lex.cue("object", child.lemma_.lower())) is not None:
            return StatusReading(found, CUE, (head.i, child.i + 1))
    if lemma == "be" and below.dep_ == "xcomp":
        return StatusReading(EventStatus.PLANNED, CUE, span)
    cue = lex.cue("governor", lemma)
    if cue is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return StatusReading(EventStatus.NEGATED, CUE, span)  # "no plans for a meeting"
    return StatusReading(cue, CUE, span) if cue is not None else None


def _on_hold(head: Token) -> tuple[int, int] | None:
    """ "put *on hold*", "*on ice*": the span of the phrase, if ``head`` carries it."""
    if head.lemma_.lower() in _SHELVES and head.dep_ == "pobj" and head.head.lower_ == "on":
        return (head.head.i, head.i + 1)
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "on":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in _SHELVES:
                    return (child.i, pobj.i + 1)
    return None


def _no_longer(head: Token) -> bool:
    """ "a meeting was *no longer* necessary": what was planned is off."""
    adverbs = [c for c in head.children if c.dep_ == "advmod" and c.lower_ == "longer"]
    return any(any(g.lower_ == "no" for g in adverb.children) for adverb in adverbs)


def _tense(token: Token, lex: Lexicon) -> StatusReading:
    verb = token if token.pos_ in {"VERB", "AUX"} else _predicate(token)
    if verb is None:
        return StatusReading(EventStatus.OCCURRED, DEFAULT)
    if verb.i != token.i and token.dep_ not in {"nsubj", "nsubjpass"} and not _realises(verb, lex):
        # "Trump *announced* the meeting", "*welcomed* the deal": when it was told, not when it was held
        return StatusReading(EventStatus.OCCURRED, DEFAULT)
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if verb.tag_ == "VBG" and auxiliaries & {"is", "are", "am", "'re", "'s", "been"}:
        return StatusReading(EventStatus.ONGOING, TENSE)
    if verb.dep_ == "advcl" and "to" in auxiliaries and verb.head.tag_ in {"VBD", "VBN"}:
        # "sat down together *to agree* on a strategy": the purpose of a past act, done with it
        return StatusReading(EventStatus.OCCURRED, TENSE)
    if auxiliaries & {"has", "have"} and any(
        c.dep_ == "advmod" and c.lower_ in _CONTINUING for c in verb.children
    ):
        return StatusReading(EventStatus.ONGOING, TENSE)  # "has consistently demanded"
    if verb.tag_ in {"VBD", "VBN"} or auxiliaries & {"did", "had", "has", "have"}:
        return StatusReading(EventStatus.OCCURRED, TENSE)
    if (
        verb.i != token.i
        and verb.tag_ in {"VBZ", "VBP"}
        and verb.lemma_ in _STATE_VERBS
        and token.dep_ == "nsubj"
    ):
        return StatusReading(EventStatus.ONGOING, TENSE)
    return StatusReading(EventStatus.OCCURRED, DEFAULT)
