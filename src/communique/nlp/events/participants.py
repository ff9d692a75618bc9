"""Who takes part in an event, read from the dependency parse around its trigger.

Verbs: the subject (or, for "agreed to meet", the subject of the governing
verb; for "urged Kyiv to withdraw", its object), the object, the by-agent of
a passive, and the objects of "with", "between", "to", "on", "against".
Nouns: the possessive ("Putin's call"), actor compounds and nationality
adjectives ("the Trump–Putin call", "American sanctions"), the prepositions
of the noun and, when the noun is the object of a light verb ("held talks",
"imposed sanctions"), that verb's subject and prepositions.

Every argument is resolved to an :class:`ActorEntity` through its conjuncts
("Putin and Zelensky"), pronouns (:mod:`communique.nlp.events.anaphora`), and
nouns such as "Turkish prosecutors", which stand for their country.
Symmetric events (CONSULT, COOPERATE, and AGREE or ASSAULT read from "with",
"between" or a coordinated subject) list everyone in ``actors``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from communique.knowledge.gazetteer import gazetteer
from communique.nlp.actors import ActorEntity
from communique.nlp.events.anaphora import resolve, states_named_in
from communique.nlp.events.lexicon import Lexicon
from communique.nlp.events.mentions import DocIndex, unique
from communique.nlp.events.targets import object_targets
from communique.nlp.events.triggers import governor
from communique.records import EventType

SYMMETRIC = frozenset({EventType.CONSULT, EventType.COOPERATE})
# An interview is not a consultation, nor is telling a newspaper something a demand.
_NO_MEDIA = frozenset({EventType.CONSULT, EventType.REQUEST, EventType.COOPERATE, EventType.AGREE})
_TOGETHER = frozenset({"with", "between", "among", "alongside", "involving"})
_TOWARDS = frozenset({"to", "on", "against", "toward", "towards", "into", "at", "over", "for"})
_BY = frozenset({"by", "from"})
# Verbs whose object, not subject, does what their complement says ("urged Kyiv to withdraw").
_OBJECT_CONTROL = frozenset(
    {
        "urge",
        "tell",
        "ask",
        "push",
        "press",
        "want",
        "call",
        "persuade",
        "force",
        "allow",
        "invite",
        "encourage",
        "pressure",
        "order",
        "lobby",
        "need",
        "expect",
        "direct",
        "instruct",
        "cause",
        "prompt",
        "lead",
        "compel",
        "help",
    }
)
_POSS_IS_RECIPIENT = frozenset({EventType.COERCE, EventType.RETREAT})
# Nouns whose "of" names who suffers the act ("the invasion of Ukraine", "the release of X").
_OF_IS_RECIPIENT = frozenset(
    {
        EventType.RETREAT,
        EventType.COERCE,
        EventType.ASSAULT,
        EventType.ACCUSE,
        EventType.SUPPORT,
        EventType.SANCTION,
    }
)


@dataclass(slots=True)
class Roles:
    actors: list[ActorEntity] = field(default_factory=list)
    recipients: list[ActorEntity] = field(default_factory=list)
    symmetric: bool = False

    def finish(self, event_type: EventType) -> tuple[list[ActorEntity], list[ActorEntity]]:
        actors = unique(self.actors)
        recipients = [r for r in unique(self.recipients) if all(r is not a for a in actors)]
        if event_type in SYMMETRIC or self.symmetric:
            return unique(actors + recipients), []
        return actors, recipients


def participants(
    token: Token, event_type: EventType, index: DocIndex, lex: Lexicon
) -> tuple[list[ActorEntity], list[ActorEntity]]:
    roles = Roles()
    if token.dep_ == "aux":
        # "Sudan *must* return the helicopter": the one the demand is put to; who demands is
        # the reporter, which the component adds
        verb = token.head
        roles.recipients.extend(
            a for s in verb.children if s.dep_ in {"nsubj", "nsubjpass"} for a in resolve(s, index)
        )
        return roles.finish(event_type)
    if token.pos_ in {"NOUN", "PROPN"}:
        _noun_roles(token, event_type, index, lex, roles)
    else:
        _verb_roles(token, event_type, index, roles)
    parties = len(unique(roles.actors + roles.recipients))
    if event_type == EventType.CONSULT and parties < 2:
        # "the two leaders left the door open for another meeting"; with one party named
        # ("called for talks with Putin"), whoever the clause is about is the other
        least = 1 if _is_visit(token) or parties == 1 else 2
        roles.actors.extend(_group_above(token, index, least=least))
    if event_type in _NO_MEDIA:
        roles.actors = [a for a in roles.actors if a.sector != "MED"]
        roles.recipients = [a for a in roles.recipients if a.sector != "MED"]
    actors, recipients = roles.finish(event_type)
    if event_type in SYMMETRIC and len(actors) == 1:
        actors = unique(
            actors + object_targets(token, actors, index)
        )  # "joined the US-led coalition"
    elif not recipients and not roles.symmetric and event_type not in SYMMETRIC:
        recipients = object_targets(token, actors, index)
    return actors, recipients


def _where_relative(clause: Token) -> bool:
    """A relative clause introduced by "in which", "at which": what happened there."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in {"in", "at", "during"}
        and any(g.tag_ == "WDT" for g in c.children)
        for c in clause.children
    )


def _is_visit(token: Token) -> bool:
    return token.lemma_.lower() in {"visit", "trip"}


def _group_above(token: Token, index: DocIndex, least: int = 2) -> list[ActorEntity]:
    """ "the two leaders left the door open for another meeting": a group subject above a meeting
    (for a visit, whoever the clause is about: "X conveyed the message on a visit to Washington")."""
    current = token
    for _ in range(5):
        if current.head.i == current.i or current.dep_ in {"ccomp", "advcl", "relcl", "conj"}:
            return []
        current = current.head
        # "X is thought to have conveyed the message during a visit": a raised subject counts
        subjects = [c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if current.pos_ in {"VERB", "AUX"} and subjects:
            found = [a for subject in subjects for a in resolve(subject, index)]
            return found if len(found) >= least else []
    return []


def _verb_roles(token: Token, event_type: EventType, index: DocIndex, roles: Roles) -> None:
    subjects = [child for child in token.children if child.dep_ == "nsubj"]
    passive = [child for child in token.children if child.dep_ == "nsubjpass"]
    if not subjects and not passive:
        subjects = _controller(token)
    for subject in subjects:
        found = resolve(subject, index)
        roles.actors.extend(found)
        if len(found) > 1 or subject.conjuncts:
            roles.symmetric = roles.symmetric or event_type in {EventType.AGREE, EventType.ASSAULT}
    for child in token.children:
        if child.dep_ == "agent":
            roles.actors.extend(_pobjs(child, index))
        elif child.dep_ in {"dobj", "dative"}:
            roles.recipients.extend(resolve(child, index))
            if event_type in SYMMETRIC or event_type == EventType.REJECT:
                # "negotiated a truce between the two countries", "rejected a summit with Trump"
                for inner in child.children:
                    if inner.dep_ == "prep" and inner.lower_ in _TOGETHER:
                        roles.recipients.extend(_pobjs(inner, index))
        elif child.dep_ in {"prep", "prt"}:
            _preposition(child, event_type, index, roles)
            if event_type == EventType.REJECT:
                # "not interested in another summit with Trump": the other side of what is refused
                roles.recipients.extend(_together_in(child, index))
        elif child.dep_ in {"ccomp", "xcomp"} and event_type == EventType.REQUEST:
            # "demanded that India stop", "requested that Zelensky be excluded"
            roles.recipients.extend(
                a
                for s in child.children
                if s.dep_ in {"nsubj", "nsubjpass"}
                for a in resolve(s, index)
            )
    for subject in passive:
        roles.recipients.extend(resolve(subject, index))
    _purpose(token, index, roles)


def _controller(token: Token) -> list[Token]:
    """The understood subject of a verb without one: "agreed to meet", "met and talked"."""
    head = token.head
    if head.i == token.i:
        return []
    if token.dep_ == "conj":
        return [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}] or _controller(head)
    if token.dep_ == "relcl":
        return [head]
    if token.dep_ in {"xcomp", "ccomp"}:
        objects = [c for c in head.children if c.dep_ in {"dobj", "dative"}]
        if head.lemma_.lower() in _OBJECT_CONTROL and objects:
            return objects
        on = [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "on"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if head.lemma_.lower() == "call" and on:
            return on
        return [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}] or _controller(head)
    if token.dep_ in {"advcl", "acl", "pcomp"}:
        if token.dep_ == "acl" and token.tag_ == "VBG" and head.pos_ in {"NOUN", "PROPN"}:
            return [head]
        verb = _verb_above(head)
        return (
            [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if verb is not None
            else []
        )
    if token.dep_ in {"acomp", "oprd"}:
        return [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return []


def _verb_above(token: Token) -> Token | None:
    """The nearest verb at or above ``token`` ("a day before meeting X": the clause's verb, also
    when the parser hangs "a day before" on the object: "talked to Putin, a day before meeting X")."""
    current = token
    for _ in range(7):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _preposition(prep: Token, event_type: EventType, index: DocIndex, roles: Roles) -> None:
    word = prep.lower_
    spoken_to = word == "to" and prep.head.pos_ in {"VERB", "AUX"}
    if event_type in SYMMETRIC and word not in _TOGETHER and not spoken_to:
        return  # "met *on* US soil", "talks *in* Geneva": places and topics, not parties
    if word in _TOGETHER or (spoken_to and event_type in SYMMETRIC):
        found = _pobjs(prep, index)
        if event_type in SYMMETRIC or event_type in {EventType.AGREE, EventType.ASSAULT}:
            roles.actors.extend(found)
            roles.symmetric = roles.symmetric or bool(found)
        else:
            roles.recipients.extend(found)
    elif word in _BY:
        roles.actors.extend(_pobjs(prep, index))
    elif word in _TOWARDS:
        roles.recipients.extend(_pobjs(prep, index) or _nationalities(prep, index))
        if word == "for" and event_type == EventType.REQUEST:
            # "called for talks with Putin": the demand is put to the other side of the talks
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for inner in pobj.children:
                    if inner.dep_ == "prep" and inner.lower_ in _TOGETHER:
                        roles.recipients.extend(_pobjs(inner, index))


def _together_in(prep: Token, index: DocIndex) -> list[ActorEntity]:
    return [
        a
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for inner in pobj.children
        if inner.dep_ == "prep" and inner.lower_ in _TOGETHER
        for a in _pobjs(inner, index)
    ]


def _nationalities(prep: Token, index: DocIndex) -> list[ActorEntity]:
    """ "tariffs on *Indian* goods", "sanctions on *Russian* oil": the state the measure aims at."""
    found: list[ActorEntity] = []
    for pobj in (child for child in prep.children if child.dep_ == "pobj"):
        found.extend(a for a in states_named_in(pobj, index) if a.kind.value == "country")
    return found


def _pobjs(prep: Token, index: DocIndex) -> list[ActorEntity]:
    found: list[ActorEntity] = []
    for child in prep.children:
        if child.dep_ == "pobj":
            found.extend(resolve(child, index))
    return found


def _purpose(token: Token, index: DocIndex, roles: Roles) -> None:
    """ "flew to Berlin to join Macron and Merz": the people a trip is for."""
    for child in token.children:
        if child.dep_ in {"xcomp", "advcl"} and child.lemma_.lower() in {
            "join",
            "meet",
            "see",
            "visit",
        }:
            roles.recipients.extend(
                a for obj in child.children if obj.dep_ == "dobj" for a in resolve(obj, index)
            )


def _noun_roles(
    token: Token, event_type: EventType, index: DocIndex, lex: Lexicon, roles: Roles
) -> None:
    for child in token.children:
        if child.dep_ == "poss":
            # "his arrest", "Sarkozy's release": whose freedom is at stake; "Russia's invasion": who acts
            (roles.recipients if event_type in _POSS_IS_RECIPIENT else roles.actors).extend(
                resolve(child, index)
            )
        elif child.dep_ in {"compound", "amod", "nmod"}:
            if _names_a_place(child, index):
                continue
            found = resolve(child, index)
            roles.actors.extend(found)
            roles.symmetric = roles.symmetric or (len(found) > 1 and event_type == EventType.AGREE)
        elif child.dep_ == "prep" and child.lower_ == "of":
            found = _pobjs(child, index)
            (roles.recipients if event_type in _OF_IS_RECIPIENT else roles.actors).extend(found)
        elif child.dep_ == "prep":
            _preposition(child, event_type, index, roles)
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                # "a call on 14 October between Witkoff and Ushakov"
                for inner in pobj.children:
                    if inner.dep_ == "prep" and inner.lower_ in _TOGETHER:
                        _preposition(inner, event_type, index, roles)
        elif child.dep_ == "relcl" and event_type in SYMMETRIC and _where_relative(child):
            # "a trilateral in which all three leaders were present": who was there
            roles.actors.extend(
                a for s in child.children if s.dep_ == "nsubj" for a in resolve(s, index)
            )
        elif child.dep_ == "relcl" and child.lemma_.lower() == "join" and event_type in SYMMETRIC:
            # "the call, which was also joined by Rubio": one more party
            for agent in (g for g in child.children if g.dep_ == "agent"):
                roles.actors.extend(_pobjs(agent, index))
        elif child.dep_ == "acl" and child.tag_ == "VBN" and event_type not in SYMMETRIC:
            # "a military deployment *ordered by* Trump", "an attack carried out by X"
            for agent in (g for g in child.children if g.dep_ == "agent"):
                roles.actors.extend(_pobjs(agent, index))
        elif child.dep_ in {"advcl", "acl"} and event_type in {
            EventType.REQUEST,
            EventType.THREATEN,
        }:
            # "calls for Kyiv to cede territory", "a deadline for Putin to agree": who is asked
            roles.recipients.extend(
                a for s in child.children if s.dep_ == "nsubj" for a in resolve(s, index)
            )
    if token.dep_ == "nsubj":
        if token.head.lemma_ == "be":  # "the call was with the leaders of Britain and France"
            for child in token.head.children:
                if child.dep_ == "prep":
                    _preposition(child, event_type, index, roles)
        return
    _governor_roles(token, event_type, index, lex, roles)


def _governor_roles(
    token: Token, event_type: EventType, index: DocIndex, lex: Lexicon, roles: Roles
) -> None:
    """The parties a noun takes from the verb it is the object of: "*faces* sanctions" (the
    subject suffers them), "*held* talks", "*imposed* sanctions" (the subject acts)."""
    verb = governor(token)
    if verb is None:
        return
    lemma = verb.lemma_.lower()
    if lemma in lex.word_class("undergo"):
        roles.recipients.extend(a for s in _subjects(verb) for a in resolve(s, index))
    elif lemma in lex.word_class("light") or _is_trigger_object(token, verb):
        roles.actors.extend(a for s in _subjects(verb) for a in resolve(s, index))
        for child in verb.children:
            if child.dep_ == "dobj" and child.i != token.i and lemma == "join":
                roles.actors.extend(resolve(child, index))  # "joined Israel in a campaign"
            elif child.dep_ == "dative" or (child.dep_ == "dobj" and child.i != token.i):
                roles.recipients.extend(resolve(child, index))
            elif child.dep_ == "prep" and child.lower_ != "of":
                _preposition(child, event_type, index, roles)
            elif child.dep_ == "agent":
                roles.actors.extend(_pobjs(child, index))


def _names_a_place(token: Token, index: DocIndex) -> bool:
    """ "the Budapest summit", "the Alaska meeting": a city or region before the noun is where, not who."""
    place = index.place_at.get(token.i)
    if place is not None:
        return place.kind.value != "country"
    actor = index.actor(token)
    return (actor is None or actor.kind.value == "organization") and bool(
        gazetteer().cities(token.text)
    )


def _is_trigger_object(token: Token, verb: Token) -> bool:
    """A noun that is the xcomp-like complement of "agree to" ("agreeing to talks")."""
    return token.dep_ == "pobj" and token.head.head.i == verb.i and token.head.lower_ == "to"


def _subjects(verb: Token) -> list[Token]:
    subjects = [child for child in verb.children if child.dep_ in {"nsubj"}]
    if subjects:
        return subjects
    if any(child.dep_ == "nsubjpass" for child in verb.children):
        return []
    return _controller(verb)
