"""The channel a statement went out on: a platform, a statement, an interview.

Channels are named in ``data/channels.csv`` (one row per channel, its phrases
separated by ``|``, the specific ones first). The channel of a cue is read from
its prepositional phrases ("on social media platform X", "in a statement",
"at a press conference"), from a participle beside it ("Writing on Truth
Social, …", "Speaking to Fox News, …") and from the addressee of "told"
("told state television"). Speaking to a news outlet is an interview.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from communique.knowledge.registry import registry
from communique.knowledge.tables import read_rows, split_list

_PREPOSITIONS = frozenset({"on", "in", "at", "during", "via", "through", "to", "with"})
_ASIDE_VERBS = frozenset({"write", "speak", "post", "talk", "appear", "address", "tell"})
# Words that make an organisation a news outlet when the knowledge table does not know it.
_OUTLET_WORDS = frozenset(
    [
        "news",
        "tv",
        "television",
        "radio",
        "times",
        "post",
        "journal",
        "broadcasting",
        "press",
        "agency",
        "network",
        "channel",
        "gazette",
        "tribune",
        "herald",
    ]
)
_ADDRESSING = frozenset({"tell", "speak", "address"})
_MAX_PHRASE = 3


@dataclass(frozen=True, slots=True)
class ChannelTable:
    # phrase words (folded, except one-letter names) → (priority, channel)
    phrases: dict[tuple[str, ...], tuple[int, str]]

    def find(self, tokens: list[Token]) -> str | None:
        """The most specific channel named among ``tokens``."""
        words = [_word(token) for token in tokens]
        best: tuple[int, str] | None = None
        for i in range(len(words)):
            for n in range(min(_MAX_PHRASE, len(words) - i), 0, -1):
                hit = self.phrases.get(tuple(words[i : i + n]))
                if hit is not None and (best is None or hit[0] < best[0]):
                    best = hit
        return best[1] if best else None


@cache
def channels() -> ChannelTable:
    phrases: dict[tuple[str, ...], tuple[int, str]] = {}
    for priority, row in enumerate(read_rows("channels.csv", ("channel", "phrases"))):
        for phrase in split_list(row["phrases"]):
            key = tuple(phrase.split()) if len(phrase) == 1 else tuple(phrase.lower().split())
            phrases.setdefault(key, (priority, row["channel"]))
    return ChannelTable(phrases)


def channel_of(cue: Token, quoted: Sequence[int]) -> str | None:
    """The channel named around a cue, or None; tokens with ``quoted[i] >= 0`` are quoted words."""
    table = channels()
    for phrase in _phrases(cue):
        tokens = [token for token in phrase if quoted[token.i] < 0]
        if found := table.find(tokens):
            return found
        if _outlet(phrase):
            return "interview"
    return None


def _phrases(cue: Token) -> Iterator[list[Token]]:
    """Prepositional phrases and addressees of the cue and of participles beside it."""
    verbs = [cue]
    verbs += [
        child
        for child in cue.children
        if child.dep_ in {"advcl", "prep"} and child.lemma_ in _ASIDE_VERBS
    ]
    if cue.dep_ in {"advcl", "conj", "xcomp"} and cue.head.lemma_ in _ASIDE_VERBS:
        verbs.append(cue.head)
    for verb in verbs:
        for child in verb.children:
            phrase = child.dep_ in {"prep", "agent"} and child.lower_ in _PREPOSITIONS
            addressee = child.dep_ in {"dobj", "dative"} and verb.lemma_ in _ADDRESSING
            if phrase or addressee:
                yield list(child.subtree)


def _outlet(phrase: list[Token]) -> bool:
    """Whether the phrase names a news organisation ("the BBC", "Fox News")."""
    doc = phrase[0].doc if phrase else None
    for token in phrase:
        if doc is None or token.ent_type_ != "ORG" or token.ent_iob_ != "B":
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        ent = doc[token.i : end]
        known = registry().organization(ent.text.removeprefix("the ").removeprefix("The "))
        if known is not None:
            return known.sector == "MED"
        if any(word.lower_ in _OUTLET_WORDS for word in ent):
            return True
    return False


def _word(token: Token) -> str:
    text = token.text.rstrip(".") if len(token.text) > 1 else token.text
    return text if len(text) == 1 else text.lower()
