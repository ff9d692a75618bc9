"""Referents: which actor each token names, and who a pronoun points back to.

Built once per Doc from the actors component's mentions. A token inside
several mentions names the person before the state ("Putin's" in "Putin's
aide" is Putin) and the shorter mention before the longer. "He" and "she"
look back up to four sentences for a person: first a subject or a speaker
already found, else a person earlier in the same sentence ("when it was
Trump's turn to speak he …"), else the nearest; honorifics ("Ms") and earlier
pronouns tell genders apart. "It" looks back for a state or organisation.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from communique.knowledge.gazetteer import gazetteer
from communique.nlp.actors import ActorEntity, ActorMention
from communique.nlp.quotes.layout import Layout
from communique.records import ActorKind

GENDERED = {"he": "m", "him": "m", "she": "f", "her": "f"}
_NEUTER = frozenset({"it"})
_HONORIFIC_GENDER = dict.fromkeys(("mr", "mr.", "sir", "lord"), "m") | dict.fromkeys(
    ("ms", "ms.", "mrs", "mrs.", "madam", "mme", "dame", "lady"), "f"
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# How many sentences back a pronoun may look for its person.
_WINDOW_SENTENCES = 4


@dataclass(slots=True)
class _Candidate:
    start: int
    actor: ActorEntity
    subject: bool
    possessive: bool = False


class Referents:
    """Which actor each token names, and who a pronoun points back to."""

    def __init__(self, doc: Doc, actors: Sequence[ActorEntity], layout: Layout) -> None:
        self._doc = doc
        self._quoted = layout.quoted
        self._at: dict[int, tuple[ActorEntity, ActorMention]] = {}
        self._gender: dict[int, str] = {}
        candidates: list[_Candidate] = []
        for actor in actors:
            for mention in actor.mentions:
                self._claim(actor, mention)
                if actor.kind is ActorKind.PERSON:
                    self._learn_gender(actor, mention)
            candidates += self._candidates(actor)
        self._countries = {
            a.country: a for a in actors if a.kind is ActorKind.COUNTRY and a.country
        }
        self._candidates_sorted = sorted(candidates, key=lambda c: c.start)
        self._starts = [c.start for c in self._candidates_sorted]
        self._sentence = layout.sentence

    def actor_at(self, i: int, *, person: bool = False) -> ActorEntity | None:
        found = self._at.get(i)
        if found is None or (person and found[0].kind is not ActorKind.PERSON):
            return None
        return found[0]

    def antecedent(self, pronoun: Token) -> ActorEntity | None:
        """The person (or state, for "it") a subject pronoun points back to."""
        word = pronoun.lower_
        gender = GENDERED.get(word)
        if gender is None and word not in _NEUTER:
            return None
        here = self._sentence[pronoun.i]
        nearby: ActorEntity | None = None
        fallback: ActorEntity | None = None
        for position in range(bisect_left(self._starts, pronoun.i) - 1, -1, -1):
            candidate = self._candidates_sorted[position]
            sentence = self._sentence[candidate.start]
            if sentence < here - _WINDOW_SENTENCES:
                break
            if sentence < here and nearby is not None:
                # "when it was Trump's turn to speak he …": a person earlier in the same sentence.
                return nearby
            if not self._compatible(candidate.actor, gender):
                continue
            if candidate.subject:
                return candidate.actor
            if sentence == here and (nearby is None or candidate.possessive):
                nearby = candidate.actor
            fallback = fallback or candidate.actor
        return nearby or fallback

    def remember(self, subject: Token, actor: ActorEntity) -> None:
        """A resolved speaker becomes the best candidate for the next pronoun."""
        if (gender := GENDERED.get(subject.lower_)) is not None:
            self._gender.setdefault(id(actor), gender)
        position = bisect_left(self._starts, subject.i)
        self._starts.insert(position, subject.i)
        self._candidates_sorted.insert(position, _Candidate(subject.i, actor, subject=True))

    def country_of_people(self, demonym: str) -> ActorEntity | None:
        """The state a people stands for ("the Chinese" → China), when the article has it."""
        iso3 = gazetteer().demonym(demonym)
        return self._countries.get(iso3) if iso3 else None

    def _compatible(self, actor: ActorEntity, gender: str | None) -> bool:
        if gender is None:
            return actor.kind is not ActorKind.PERSON
        return actor.kind is ActorKind.PERSON and self._gender.get(id(actor), gender) == gender

    def _claim(self, actor: ActorEntity, mention: ActorMention) -> None:
        """Each token names one actor: a person before a state, a short mention before a long one."""
        for i in range(mention.start, mention.end):
            held = self._at.get(i)
            if held is None or _rank(actor, mention) < _rank(*held):
                self._at[i] = (actor, mention)

    def _learn_gender(self, actor: ActorEntity, mention: ActorMention) -> None:
        if mention.start > 0:
            before = self._doc[mention.start - 1].lower_
            if before in _HONORIFIC_GENDER:
                self._gender.setdefault(id(actor), _HONORIFIC_GENDER[before])
        first = mention.text.split()[0].lower() if mention.text.split() else ""
        if first in _HONORIFIC_GENDER:
            self._gender.setdefault(id(actor), _HONORIFIC_GENDER[first])

    def _candidates(self, actor: ActorEntity) -> list[_Candidate]:
        out = []
        for mention in actor.mentions:
            if self._quoted[mention.start] >= 0:
                continue
            root = self._doc[mention.start : mention.end].root
            out.append(
                _Candidate(
                    mention.start,
                    actor,
                    subject=root.dep_ in _SUBJECTS,
                    possessive=root.dep_ == "poss",
                )
            )
        return out


def _rank(actor: ActorEntity, mention: ActorMention) -> tuple[int, int]:
    return (0 if actor.kind is ActorKind.PERSON else 1, mention.end - mention.start)
