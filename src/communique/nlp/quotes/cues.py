"""Reporting cues: the words that introduce speech ("said", "according to").

The lexicon is ``data/speech_verbs.csv``; each cue has a part of speech, a
kind and a strength:

* ``say``, ``write``, ``assert``, ``announce``: report a statement; a clause
  they govern is an indirect quote ("X said that …");
* ``name`` and ``evaluate``: also take a quoted noun phrase as object
  ("calling it “…”", "described X as “…”", "accused Y of “…”");
* ``think``: a belief ("analysts think …"); it attributes a quote inside its
  clause but is not a report on its own;
* ``question``: an indirect question, never an indirect quote;
* ``according``: "according to X";
* ``introduce``: no word at all, a colon after a clause about the speaker;
* ``sign``: no word either, a dash and a name after a quotation.

Weak cues ("suggest", "note", "report") are also ordinary words; they make an
indirect quote only with a clause and a subject that can speak.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from communique.knowledge.tables import read_rows


class CueKind(StrEnum):
    SAY = "say"
    WRITE = "write"
    ASSERT = "assert"
    ANNOUNCE = "announce"
    NAME = "name"
    EVALUATE = "evaluate"
    THINK = "think"
    QUESTION = "question"
    ACCORDING = "according"
    # A clause that introduces a quote with a colon and no cue: "Mr Putin's tone was emollient: “…”".
    INTRODUCE = "introduce"
    # A dash and a name after the closing mark: "“…” — Jane Doe".
    SIGN = "sign"


# Kinds whose quoted noun-phrase object is the speaker's words.
OBJECT_KINDS = frozenset({CueKind.NAME, CueKind.EVALUATE})
# Kinds whose clause is a reported statement (an indirect quote).
REPORT_KINDS = frozenset(
    {CueKind.SAY, CueKind.WRITE, CueKind.ASSERT, CueKind.ANNOUNCE, CueKind.EVALUATE}
)


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    pos: str
    kind: CueKind
    strong: bool
    particle: str | None = None


class CueLexicon:
    """Look-ups of ``speech_verbs.csv`` by lemma."""

    def __init__(self) -> None:
        self._verbs: dict[str, list[Cue]] = {}
        self._nouns: dict[str, Cue] = {}
        for row in read_rows("speech_verbs.csv", ("cue", "pos", "kind", "strength")):
            words = row["cue"].lower().split()
            cue = Cue(
                lemma=words[0],
                pos=row["pos"],
                kind=CueKind(row["kind"]),
                strong=row["strength"] == "strong",
                particle=words[1] if len(words) > 1 and row["pos"] == "VERB" else None,
            )
            if row["pos"] == "NOUN":
                self._nouns[cue.lemma] = cue
            elif row["pos"] == "VERB":
                self._verbs.setdefault(cue.lemma, []).append(cue)
        words = [*self._verbs, *self._nouns, "according"]
        self._hashes = np.array([get_string_id(word) for word in words], dtype=np.uint64)

    def verb(self, token: Token) -> Cue | None:
        """The cue a verb is, with its particle where the lexicon wants one ("point out")."""
        # The tagger sometimes reads a rare verb as a noun ("…,” exults X); the parse still shows the verb.
        verbal = token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")
        if not verbal and not any(child.dep_ in {"nsubj", "ccomp"} for child in token.children):
            return None
        entries = self._verbs.get(token.lemma_.lower()) or self._verbs.get(token.lower_)
        if not entries:
            return None
        # The second word of a phrasal cue: "point out", "make (it) clear".
        particles = {child.lower_ for child in token.rights if child.i - token.i <= 3}
        phrasal = next((cue for cue in entries if cue.particle in particles), None)
        # "point" alone is no cue; only "point out" is.
        return phrasal or next((cue for cue in entries if cue.particle is None), None)

    def noun(self, token: Token) -> Cue | None:
        if token.pos_ not in {"NOUN", "PROPN"}:
            return None
        return self._nouns.get(token.lower_) or self._nouns.get(token.lemma_.lower())

    def candidates(self, doc: Doc) -> list[int]:
        """Indexes of the tokens whose lemma or form is a cue: the only ones worth a closer look."""
        found = np.isin(doc.to_array([LEMMA, LOWER]), self._hashes).any(axis=1)
        return [int(i) for i in np.flatnonzero(found)]

    @staticmethod
    def according(token: Token) -> Token | None:
        """The "to" of "according to", when ``token`` is "according"."""
        if token.lower_ != "according":
            return None
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if following is not None and following.lower_ == "to":
            return following
        return None


@cache
def lexicon() -> CueLexicon:
    return CueLexicon()


@cache
def speaker_nouns() -> dict[str, frozenset[str]]:
    """Nouns by kind from ``speaker_nouns.csv``: ``source``, ``body`` (of a state), ``term``."""
    kinds: dict[str, set[str]] = {}
    for row in read_rows("speaker_nouns.csv", ("noun", "kind")):
        kinds.setdefault(row["kind"], set()).add(row["noun"].lower())
    return {kind: frozenset(nouns) for kind, nouns in kinds.items()}
