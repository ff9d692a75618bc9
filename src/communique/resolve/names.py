"""Name keys that survive transliteration, and the fuzzy tests built on them.

News spells one name several ways: Zelensky / Zelenskyy / Zelenskiy, Yury /
Yuri / Yuriy, Karoline / Caroline, Orbán / Orban. A *key* folds the spelling
choices that transliteration and accents leave open, so that an index lookup
on keys finds the candidates; a fuzzy ratio on keys then decides among them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from communique.knowledge.gazetteer import fold

# Applied in order to a folded word. Each rule merges spellings that English
# transliterations of the same name (mostly from Cyrillic and Arabic) produce.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"[^a-z]", ""),
        (r"ph", "f"),
        (r"^c(?=[aou])", "k"),  # Caroline / Karoline, Katherine / Catherine
        (r"ck", "k"),
        (r"w", "v"),  # Wladimir / Vladimir
        (r"kh", "h"),
        (r"^ye", "e"),  # Yevgeny / Evgeny
        (r"yu", "iu"),
        (r"ya", "ia"),
        (r"j", "y"),  # Sergej / Sergey
        (r"(iy|yy|ij|ii|yi)$", "i"),  # Zelenskiy / Zelenskyy, Yuriy
        (r"ey$", "ei"),  # Sergey / Sergei
        (r"y$", "i"),  # Zelensky, Yury
        (r"y", "i"),
        (r"(.)\1+", r"\1"),  # doubled letters
    )
)

# Words that say who someone is, not what they are called.
_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "dr", "sir", "dame", "sheikh", "prof", "jr", "sr", "ii", "iii"}
)


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """One folded word with transliteration choices merged."""
    key = fold(word)
    while True:  # until nothing changes, so that a key is its own key
        before = key
        for pattern, replacement in _RULES:
            key = pattern.sub(replacement, key)
        if key == before:
            return key


def name_words(name: str) -> list[str]:
    """The words of a name, folded, without honorifics or initials' dots."""
    words = fold(name).replace(".", " ").split()
    return [word for word in words if word not in _HONORIFICS]


def name_key(name: str) -> str:
    """The key of a whole name: its words' keys joined by spaces."""
    return " ".join(key for key in (word_key(word) for word in name_words(name)) if key)


def surname_key(name: str) -> str:
    """The key of the last word: what news uses alone ("Putin", "Orbán")."""
    words = name_words(name)
    return word_key(words[-1]) if words else ""


def given_keys(name: str) -> list[str]:
    """Keys of the words before the surname."""
    return [word_key(word) for word in name_words(name)[:-1]]


def same_person_name(a: str, b: str, *, threshold: float = 85.0) -> bool:
    """Whether two names can denote one person: surnames agree and given names do not clash.

    A name without given names ("Putin") agrees with any name of that surname; an
    initial agrees with a given name it starts ("J. Vance" / "JD Vance").
    """
    if not surname_key(a) or fuzz.ratio(surname_key(a), surname_key(b)) < 90:
        return False
    first_a, first_b = given_keys(a), given_keys(b)
    if not first_a or not first_b:
        return True
    x, y = first_a[0], first_b[0]
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return fuzz.ratio(x, y) >= threshold


def is_full_name(name: str) -> bool:
    """Two words or more: a name that identifies more than a surname does."""
    return len(name_words(name)) >= 2


def slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens: the readable part of an id."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"
