"""Titles and offices ("Prime Minister", "press secretary") with their PLOVER sector."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from communique.knowledge.tables import read_rows


@dataclass(frozen=True, slots=True)
class Title:
    words: tuple[str, ...]
    head: str
    sector: str


class TitleLexicon:
    def __init__(self) -> None:
        self._titles: dict[tuple[str, ...], Title] = {}
        for row in read_rows("titles.csv", ("title", "head", "sector")):
            words = tuple(row["title"].lower().split())
            self._titles[words] = Title(words=words, head=row["head"], sector=row["sector"])
        self.longest = max(len(words) for words in self._titles)
        self.heads = frozenset(title.head for title in self._titles.values()) | frozenset(
            words[-1] for words in self._titles
        )
        self._words = frozenset(word for words in self._titles for word in words)

    def get(self, words: tuple[str, ...]) -> Title | None:
        return self._titles.get(tuple(word.lower() for word in words))

    def is_title_word(self, word: str) -> bool:
        return word.lower() in self._words

    def find_last(self, words: list[str]) -> tuple[int, int, Title] | None:
        """The title ending furthest right in ``words``: (start, end, title), longest first."""
        lowered = [word.lower() for word in words]
        for end in range(len(lowered), 0, -1):
            for size in range(min(self.longest, end), 0, -1):
                title = self._titles.get(tuple(lowered[end - size : end]))
                if title is not None:
                    return end - size, end, title
        return None


@cache
def titles() -> TitleLexicon:
    return TitleLexicon()
