"""Collective nouns that name actors ("troops", "rebels", "leaders") and the blocs that qualify them.

``collectives.csv`` gives each noun (a lemma) its PLOVER sector and how it acts:

* ``own``: a group of its own, with the country that qualifies it ("Ukrainian
  troops" → UKR, MIL; "Jihadists in Mali" → MLI, REB) or none ("protesters");
* ``state``: an institution that is its state when a country qualifies it
  ("the Thai government", "Turkish prosecutors" → the state);
* ``bloc``: a group only when a region or bloc qualifies it ("European
  leaders"); "Pakistan's leaders" are their state, "the leaders" a reference
  to people named before.

``blocs.csv`` maps the words that name a bloc ("European", "Western") to the
region of ``regions.csv`` they stand for.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from communique.knowledge.gazetteer import fold
from communique.knowledge.tables import read_rows


class CollectiveKind(StrEnum):
    OWN = "own"
    STATE = "state"
    BLOC = "bloc"


@dataclass(frozen=True, slots=True)
class CollectiveNoun:
    lemma: str
    sector: str
    kind: CollectiveKind


@dataclass(frozen=True, slots=True)
class Collectives:
    nouns: dict[str, CollectiveNoun]
    blocs: dict[str, str]

    def noun(self, word: str, lemma: str) -> CollectiveNoun | None:
        """The collective noun a token is, by its lemma or its word ("media", which the
        tagger lemmatises as "medium"), or for a capitalised plural the tagger took for a
        name ("Rebels"), by its singular."""
        found = self.nouns.get(lemma.lower()) or self.nouns.get(word.lower())
        if found is None and word[:1].isupper():
            plain = word.lower()
            found = self.nouns.get(plain.removesuffix("s")) or self.nouns.get(
                plain.removesuffix("es")
            )
        return found

    def bloc(self, word: str) -> str | None:
        """The region a word of a bloc stands for ("European" → Europe)."""
        return self.blocs.get(fold(word))


@cache
def collectives() -> Collectives:
    nouns = {
        row["noun"].lower(): CollectiveNoun(
            row["noun"].lower(), row["sector"], CollectiveKind(row["kind"])
        )
        for row in read_rows("collectives.csv", ("noun", "sector", "kind"))
    }
    blocs = {fold(row["word"]): row["region"] for row in read_rows("blocs.csv", ("word", "region"))}
    return Collectives(nouns, blocs)
