"""Names the knowledge tables know, found in a Doc by one phrase matcher.

The statistical model misses or mislabels names that the bundled tables list:
office holders ("J.D. Vance", "Maha Vajiralongkorn"), organisations, countries,
regions and large cities, often in upper-case datelines ("KYIV"). The matcher
is built once per pipeline (the pipeline itself is built once per process) and
matches case-sensitively: the forms as the tables write them, their accent-free
spelling, and their upper-case spelling, so "turkey" or "us" never match.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from communique.knowledge.gazetteer import Gazetteer
from communique.knowledge.registry import Registry

# Cities this large (or capitals) are matched even where the model saw nothing.
CITY_MIN_POPULATION = 500_000
# City names that are also common English words or first names.
_CITY_STOP = frozenset({"Male", "Victoria", "Hamilton", "Kingston", "Mobile", "Of", "Mandalay"})
# Organisation forms too ambiguous to match without the model's help
# ("MIT" is a university in most English news, Turkey's spy agency in some).
_ORG_STOP = frozenset({"MIT", "IS", "PA", "Quad", "Congress"})


class KnownKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    CITY = "city"
    REGION = "region"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        """The spaCy entity label a match of this kind gets."""
        return _LABELS[self]


_LABELS = {
    KnownKind.PERSON: "PERSON",
    KnownKind.ORGANIZATION: "ORG",
    KnownKind.COUNTRY: "GPE",
    KnownKind.CITY: "GPE",
    KnownKind.ADMIN: "GPE",
    KnownKind.REGION: "LOC",
}


@dataclass(frozen=True, slots=True)
class KnownMatch:
    start: int
    end: int
    kind: KnownKind

    @property
    def label(self) -> str:
        return self.kind.label


class KnownNames:
    """One phrase matcher over every name form in the knowledge tables."""

    def __init__(self, nlp: Language, known: Registry, gaz: Gazetteer) -> None:
        self._matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._kinds: dict[int, KnownKind] = {}
        forms: dict[KnownKind, set[str]] = {kind: set() for kind in KnownKind}
        forms[KnownKind.PERSON].update(form for form, _ in known.person_forms())
        forms[KnownKind.ORGANIZATION].update(
            form for form, _ in known.organization_forms() if form not in _ORG_STOP
        )
        forms[KnownKind.COUNTRY].update(form for form, _ in gaz.country_forms())
        forms[KnownKind.CITY].update(
            form for form, _ in gaz.city_forms(CITY_MIN_POPULATION) if form not in _CITY_STOP
        )
        for form, region in gaz.region_forms():
            forms[KnownKind.REGION if region.kind == "region" else KnownKind.ADMIN].add(form)
        for kind, found in forms.items():
            key = f"communique_known_{kind.value}"
            self._kinds[nlp.vocab.strings.add(key)] = kind
            self._matcher.add(key, [nlp.make_doc(form) for form in sorted(set(_variants(found)))])

    def __call__(self, doc: Doc) -> list[KnownMatch]:
        """Matches, longest first where they overlap, in document order."""
        found = []
        for match_id, start, end in self._matcher(doc):
            kind = self._kinds.get(match_id)
            if kind is not None:
                found.append(KnownMatch(start, end, kind))
        return _longest(found)


def _variants(forms: Iterable[str]) -> Iterator[str]:
    """Each form as written, without accents, and in capitals (for datelines and headlines)."""
    for form in forms:
        # A form starting lower-case ("the Fed") is matched through its capitalised alias.
        if not form[:1].isupper() and not form[:1].isdigit():
            continue
        plain = _strip_accents(form)
        yield form
        yield plain
        if len(plain.replace(" ", "")) >= 4:
            yield plain.upper()
            yield form.upper()


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _longest(matches: list[KnownMatch]) -> list[KnownMatch]:
    """Non-overlapping matches; the longer wins, then the one of the more specific kind."""
    rank = {kind: index for index, kind in enumerate(KnownKind)}
    ordered = sorted(matches, key=lambda m: (-(m.end - m.start), rank[m.kind], m.start))
    taken: set[int] = set()
    kept = []
    for match in ordered:
        if taken.isdisjoint(range(match.start, match.end)):
            kept.append(match)
            taken.update(range(match.start, match.end))
    return sorted(kept, key=lambda m: m.start)
