"""The matching rules of the evaluation guidelines, as small pure functions.

- Names match when, after removing diacritics, case and titles, the surname
  (last token) agrees, or any gold alias equals the system name; non-person
  names must agree as a whole.
- A title matches when its head word ("president", "minister", "envoy" …)
  is among the words of the system's titles.
- Quote contents match when they share at least half of the gold content's words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# Words that are titles, honorifics or nationality qualifiers in front of a name,
# never a surname: "President Putin", "Mr Trump", "U.S. envoy Witkoff".
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "dr", "sir", "sheikh", "emir", "king", "queen", "prince"}
)
OFFICES = frozenset(
    {
        "president", "prime", "minister", "secretary", "chancellor", "premier", "crown",
        "general", "gen", "senator", "sen", "rep", "ambassador", "envoy", "special",
        "spokesperson", "spokesman", "spokeswoman", "leader", "chief", "supreme", "vice",
        "foreign", "defence", "defense", "state",
    }
)  # fmt: skip
QUALIFIERS = frozenset({"the", "us", "russian", "ukrainian"})
TITLE_WORDS = HONORIFICS | OFFICES | QUALIFIERS

# Head words of titles: "U.S. Special Envoy" is an envoy, "Foreign Minister" a minister.
TITLE_HEADS = frozenset(
    {
        "president", "minister", "aide", "spokesperson", "spokesman", "spokeswoman", "envoy",
        "head", "secretary", "chancellor", "ambassador", "adviser", "advisor", "chief",
        "director", "leader",
    }
)  # fmt: skip
_TITLE_FILLERS = frozenset({"of", "the", "for", "and", "u", "s"})


def normalise(text: str | None) -> str:
    """Lower case, no diacritics, no possessive 's, punctuation to spaces."""
    if not text:
        return ""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    plain = plain.lower().replace("’", "'")
    plain = re.sub(r"'s\b", "", plain)
    return re.sub(r"[^a-z0-9 ]+", " ", plain).strip()


def words(text: str | None) -> list[str]:
    return normalise(text).split()


def name_tokens(name: str | None) -> list[str]:
    """The words of a name without titles: "President Vladimir Putin" → vladimir putin."""
    return [word for word in words(name) if word not in TITLE_WORDS]


@dataclass(frozen=True, slots=True)
class Name:
    """A gold actor as the matching rules see it."""

    name: str
    kind: str = "person"
    aliases: tuple[str, ...] = ()
    country: str | None = None


def names_match(gold: Name, system_name: str | None) -> bool:
    """Whether a system actor's name refers to the gold actor."""
    system_tokens = name_tokens(system_name)
    if not system_tokens:
        return False
    plain = normalise(system_name)
    if any(normalise(candidate) == plain for candidate in (gold.name, *gold.aliases)):
        return True
    gold_tokens = name_tokens(gold.name)
    if gold.kind == "person":
        return bool(gold_tokens) and gold_tokens[-1] == system_tokens[-1]
    return bool(gold_tokens) and gold_tokens == system_tokens


def title_heads(title: str) -> set[str]:
    """The head words of a gold title; its first word when no known head is in it."""
    meaningful = [word for word in words(title) if word not in _TITLE_FILLERS]
    heads = {word for word in meaningful if word in TITLE_HEADS}
    return heads or set(meaningful[:1])


def titles_match(gold_titles: Iterable[str], system_titles: Iterable[str]) -> bool:
    heads = {head for title in gold_titles for head in title_heads(title)}
    system_words = {word for title in system_titles for word in words(title)}
    return bool(heads & system_words)


def coverage(gold_text: str, system_text: str) -> float:
    """Share of the gold text's words that occur in the system text."""
    gold_words = words(gold_text)
    if not gold_words:
        return 0.0
    present = set(words(system_text))
    return sum(1 for word in gold_words if word in present) / len(gold_words)


def dice(first: str, second: str) -> float:
    """Dice coefficient of the two texts' word sets (ranks competing quote matches)."""
    a, b = set(words(first)), set(words(second))
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def furniture_probe(text: str) -> str:
    """The first 40 characters of a furniture string, whitespace collapsed."""
    return " ".join(text.split())[:40]
