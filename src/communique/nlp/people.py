"""People of one article: PERSON entities clustered by name, with roles and mentions.

"Vladimir Putin", "Putin" and "Mr Putin" are one person; so are "Takaichi
Sanae" and "Ms Takaichi" (East Asian order), and "Xi Jinping" and "Mr Xi".
A lone surname joins the person mentioned most recently whose name contains it.

Not every PERSON entity is an actor:

* bylines and photo credits ("By Jane Doe", "Photo: … by BalkanPhotos") and
  the outlet's own correspondents are not;
* a one-word name the tables do not know, with nothing in the text marking it
  as a person (no "Mr", no title, no apposition, never the subject of "said"),
  is usually the model's mistake ("Turnout was 56%", "Macmerzmer?").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from communique.knowledge.gazetteer import fold
from communique.knowledge.registry import Registry
from communique.nlp.actor_entity import ActorEntity, ActorMention
from communique.nlp.entities import HONORIFICS
from communique.nlp.name_repairs import person_noun
from communique.nlp.roles import RoleFinder
from communique.records import ActorKind

_CREDIT_LINE = re.compile(
    r"^\s*\(?\s*(by|photo|photos|photograph|image|images|picture|video|reporting|writing|editing|"
    r"additional reporting|written|edited|compiled|produced|illustration|graphic)\b",
    re.IGNORECASE,
)
_CREDIT_MARKS = ("getty images", "via reuters", "afp via", "©", "(c)", "/ reuters", "/ ap", "/afp")
_SPEECH_LEMMAS = frozenset(
    {"say", "tell", "add", "insist", "argue", "claim", "warn", "write", "note", "explain"}
    | {"ask", "reply", "state", "announce", "confirm", "deny", "urge", "describe", "suggest"}
    | {"believe", "think", "hope", "exult", "predict", "admit", "acknowledge", "stress"}
)
_LABELLED = frozenset(
    {"administration", "era", "presidency", "government", "years", "regime", "doctrine"}
    | {"camp", "campaign", "team", "cabinet", "tariffs", "tariff"}
)
_OWN_STAFF = re.compile(r"\b(our|this)\s+(correspondent|reporter|editor)", re.IGNORECASE)


def find_people(doc: Doc, finder: RoleFinder, known: Registry) -> list[ActorEntity]:
    """The people of the Doc, each with its name mentions, roles and affiliations."""
    people: list[ActorEntity] = []
    evidenced: set[int] = set()
    text = doc.text
    for ent in doc.ents:
        if ent.label_ != "PERSON" or _credit(text, ent):
            continue
        name = _name_span(ent)
        if name is None:
            continue
        words = tuple(fold(name.text).split())
        person = _cluster_for(people, words)
        if person is None:
            person = ActorEntity(key="", name=name.text, kind=ActorKind.PERSON, tokens=words)
            people.append(person)
        elif len(words) > len(person.tokens):
            person.name, person.tokens = name.text, words
        # The mention is the name ("Putin" in "Mr Putin"), as entity benchmarks count it.
        honorific = ent.start > 0 and doc[ent.start - 1].lower_ in HONORIFICS
        person.add(ActorMention(name.start, name.end, name.start_char, name.end_char, name.text))
        roles, affiliations = finder.find(ent)
        person.roles.extend(roles)
        person.affiliations.extend(affiliations)
        if len(words) > 1 or honorific or roles or affiliations or _speaks(ent) or _named_as(ent):
            evidenced.add(id(person))
    for person in people:
        person.key = "person:" + "-".join(person.tokens)
    return [
        person
        for person in people
        if (id(person) in evidenced or _known_word(person, known))
        and not _own_staff(person)
        and not _only_a_label(doc, person)
    ]


def _only_a_label(doc: Doc, person: ActorEntity) -> bool:
    """ "during the Biden administration": a name used only to label a government or an era."""
    for mention in person.mentions:
        root = doc[mention.start : mention.end].root
        if root.dep_ not in {"compound", "nmod"} or root.head.lower_ not in _LABELLED:
            return False
    return True


def _known_word(person: ActorEntity, known: Registry) -> bool:
    """A one-word name that is the surname of someone the tables list."""
    word = person.tokens[-1]
    return any(word in candidate.surnames for candidate in known.person_by_word(word))


def _name_span(ent: Span) -> Span | None:
    """The name inside a PERSON entity: without a trailing possessive or punctuation."""
    end = ent.end
    while end > ent.start and (
        ent.doc[end - 1].text in {"'s", "’s", "'", "’"} or ent.doc[end - 1].is_punct
    ):
        end -= 1
    if end <= ent.start or not ent.doc[end - 1].text[:1].isupper():
        return None
    return ent.doc[ent.start : end]


def _cluster_for(people: list[ActorEntity], words: tuple[str, ...]) -> ActorEntity | None:
    """The person a name refers to: the same name in any order, a fuller or shorter
    form with the same surname, else the latest person whose name has the word."""
    for person in people:
        if set(person.tokens) == set(words):
            return person
        same_surname = len(words) > 1 and person.tokens[-1] == words[-1]
        if same_surname and (set(person.tokens) <= set(words) or set(words) <= set(person.tokens)):
            return person
    if len(words) > 1:
        return None
    latest = sorted(people, key=lambda p: max(m.start for m in p.mentions), reverse=True)
    return next((person for person in latest if words[0] in person.tokens), None)


def _speaks(ent: Span) -> bool:
    """The name is who speaks: "X said", "said X", "according to X"."""
    root = ent.root
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ in _SPEECH_LEMMAS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according":
        return True
    return (
        root.dep_ in {"dobj", "attr"}
        and root.head.lemma_ in _SPEECH_LEMMAS
        and root.i > root.head.i
    )


def _named_as(ent: Span) -> bool:
    """An apposition with a noun only people are: "his son, Mojtaba"."""
    root = ent.root
    if root.dep_ == "appos" and person_noun(root.head):
        return True
    return any(child.dep_ == "appos" and person_noun(child) for child in root.children)


def _credit(text: str, ent: Span) -> bool:
    """A name in a byline or a photo credit line."""
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.end_char)
    line = text[start : end if end >= 0 else len(text)]
    if _CREDIT_LINE.match(line) and len(line.split()) <= 25:
        return True
    lowered = line.lower()
    return any(mark in lowered for mark in _CREDIT_MARKS)


def _own_staff(person: ActorEntity) -> bool:
    """The outlet's own journalist ("our correspondent Jane Doe")."""
    roles = person.roles
    return (
        bool(roles)
        and all(r.sector == "MED" for r in roles)
        and any(_OWN_STAFF.search(r.text) for r in roles)
    )
