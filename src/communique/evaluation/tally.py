"""What scoring one article produces: counts, issues, and the helpers all parts share."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from communique.evaluation.gold import GoldArticle


@dataclass(frozen=True, slots=True, kw_only=True)
class Tally:
    """Counts summed over articles; :mod:`communique.evaluation.figures` turns them into rates."""

    articles: int = 0
    failed: int = 0
    person_tp: int = 0
    person_system: int = 0
    person_gold: int = 0
    country_ok: int = 0
    title_ok: int = 0
    title_n: int = 0
    event_tp: int = 0
    event_system: int = 0
    event_required: int = 0
    status_ok: int = 0
    date_ok: int = 0
    mode_ok: int = 0
    mode_n: int = 0
    location_ok: int = 0
    location_n: int = 0
    direct_tp: int = 0
    direct_system: int = 0
    direct_required: int = 0
    direct_speaker_ok: int = 0
    indirect_tp: int = 0
    indirect_system: int = 0
    indirect_required: int = 0
    indirect_speaker_ok: int = 0
    furniture_ok: int = 0
    furniture_n: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            **{
                f.name: getattr(self, f.name) + getattr(other, f.name)
                for f in dataclasses.fields(self)
            }
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Issue:
    """A miss, a false positive or a wrong field, with the text that explains it."""

    article: str
    part: str  # person, event, quote, furniture
    kind: str  # missed, false positive, wrong <field>
    item: str
    evidence: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleScore:
    tally: Tally
    issues: tuple[Issue, ...] = ()


def issue(gold: GoldArticle, part: str, kind: str, item: str, evidence: str = "") -> Issue:
    return Issue(article=gold.article, part=part, kind=kind, item=item, evidence=evidence)


def context(text: str, start: int, end: int, width: int = 160) -> str:
    """The sentence-like stretch of ``text`` around ``start:end``, for a reader."""
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, start - width, 0)
    stops = [pos for pos in (text.find(". ", end), text.find("\n", end)) if pos >= 0]
    right = min([*stops, end + width, len(text)])
    return " ".join(text[left : right + 1].split())


def one_to_one(candidates: Iterable[tuple[float | int, ...]]) -> dict[int, int]:
    """Greedy assignment over candidates (…, gold index, system index), highest first."""
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for *_, gi, si in sorted(candidates, reverse=True):
        if int(gi) not in matched and int(si) not in taken:
            matched[int(gi)] = int(si)
            taken.add(int(si))
    return matched
