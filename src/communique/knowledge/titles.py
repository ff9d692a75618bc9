"""Titles and offices ("Prime Minister", "press secretary") with their PLOVER sector.

Titles are matched on words, case-insensitively, with hyphens treated as
spaces: "vice-president", "vice president" and "Vice-President" are one title,
and so are "national-security adviser" and "national security adviser".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from communique.knowledge.tables import read_rows

# Heads of titles that denote who leads a state or government: the titles a
# generic "leader" or "chief" descriptor may stand for.
LEADER_HEADS = frozenset(
    {
        "president",
        "minister",
        "chancellor",
        "premier",
        "king",
        "queen",
        "emir",
        "leader",
        "prince",
        "sultan",
        "ayatollah",
        "monarch",
        "taoiseach",
    }
)


@dataclass(frozen=True, slots=True)
class Title:
    words: tuple[str, ...]
    head: str
    sector: str

    @property
    def is_leader(self) -> bool:
        """Whether the title is one a head of state or government holds."""
        if "vice" in self.words or "deputy" in self.words:
            return False
        if self.head == "minister":  # a prime minister leads; a defence minister does not
            return self.words[0] in {"prime", "first"}
        if self.head == "head":
            return self.words in {("head", "of", "state"), ("head", "of", "government")}
        return self.head in LEADER_HEADS


def title_words(text: str) -> tuple[str, ...]:
    """The words a title is matched on: lower-case, hyphens as spaces, no stray dashes."""
    return tuple(text.lower().replace("-", " ").replace("–", " ").replace("—", " ").split())


class TitleLexicon:
    def __init__(self) -> None:
        self._titles: dict[tuple[str, ...], Title] = {}
        for row in read_rows("titles.csv", ("title", "head", "sector")):
            words = title_words(row["title"])
            self._titles[words] = Title(words=words, head=row["head"], sector=row["sector"])
        self.longest = max(len(words) for words in self._titles)
        self._words = frozenset(word for words in self._titles for word in words)

    def get(self, words: Sequence[str]) -> Title | None:
        return self._titles.get(title_words(" ".join(words)))

    def is_title_word(self, word: str) -> bool:
        """Whether every part of ``word`` is a word of some title (plurals included)."""
        parts = title_words(word)
        return bool(parts) and all(
            part in self._words or (part.endswith("s") and part[:-1] in self._words)
            for part in parts
        )

    def find_last(self, words: Sequence[str]) -> tuple[int, int, Title] | None:
        """The title ending furthest right in ``words``: (start, end, title), longest first.

        ``start`` and ``end`` index ``words`` as given; dash tokens between the
        words of a title ("vice", "-", "president") are skipped over, and a
        hyphenated word ("vice-president") counts as its parts.
        """
        kept = [(i, part) for i, word in enumerate(words) for part in title_words(word)]
        lowered = [word for _, word in kept]
        if lowered and lowered[-1].endswith("s") and lowered[-1] not in self._words:
            lowered[-1] = lowered[-1][:-1]  # "diplomats", "leaders": a plural names the office too
        for end in range(len(lowered), 0, -1):
            for size in range(min(self.longest, end), 0, -1):
                title = self._titles.get(tuple(lowered[end - size : end]))
                if title is not None:
                    return kept[end - size][0], kept[end - 1][0] + 1, title
        return None


@cache
def titles() -> TitleLexicon:
    return TitleLexicon()
