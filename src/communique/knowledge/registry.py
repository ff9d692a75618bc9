"""Office holders and organisations from the bundled tables.

Used to resolve a name the article gives ("Ushakov", "Yuri Ushakov") to a
known person, and to fill in what the article leaves out (country, sector, a
title) as of the article's date. The article wins wherever it says something.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from communique.knowledge.gazetteer import fold
from communique.knowledge.tables import read_rows, split_list

OFFICEHOLDER_COLUMNS = (
    "kb_id",
    "name",
    "aliases",
    "title",
    "organization",
    "country",
    "sector",
    "start",
    "end",
    "wikidata",
)
ORGANIZATION_COLUMNS = ("kb_id", "name", "aliases", "kind", "country", "sector")
# States whose names English news writes family name first ("Xi Jinping", "Kim Jong Un").
FAMILY_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "KHM"})
# Name particles that never identify a person on their own.
PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "abu", "de", "da", "do", "dos", "du", "la", "le", "van", "von"}
    | {"der", "den", "del", "di", "mac", "mc", "jr", "sr", "ii", "iii"}
)
# Transliterations and typos of a listed name ("Federov"/"Fedorov") score above this.
_FUZZY_CUTOFF = 88.0


@dataclass(frozen=True, slots=True)
class Office:
    title: str
    organization: str | None
    country: str | None
    sector: str
    start: str
    end: str

    def held_on(self, day: str | None) -> bool:
        if not day:
            return not self.end
        started = not self.start or self.start[: len(day)] <= day
        return started and (not self.end or day <= self.end.ljust(len(day), "9"))


@dataclass(frozen=True, slots=True)
class KnownPerson:
    kb_id: str
    name: str
    offices: tuple[Office, ...]
    wikidata: str | None
    aliases: tuple[str, ...] = ()

    def office_on(self, day: str | None) -> Office | None:
        """The office held on ``day`` (latest start first), else the most recent one."""
        ordered = sorted(self.offices, key=lambda office: office.start, reverse=True)
        current = [office for office in ordered if office.held_on(day)]
        if current:
            return current[0]
        past = [office for office in ordered if office.end and (not day or office.end <= day)]
        return past[0] if past else None

    def in_office(self, day: str | None) -> bool:
        return any(office.held_on(day) for office in self.offices)

    @property
    def country(self) -> str | None:
        return next((office.country for office in self.offices if office.country), None)

    @property
    def surname(self) -> str:
        return _name_words(self.name)[-1]

    @property
    def surnames(self) -> frozenset[str]:
        """The words news may use alone for this person: the last, or for East Asian names the first."""
        words = _name_words(self.name)
        found = {words[-1]}
        if self.country in FAMILY_FIRST:
            found.add(words[0])
        return frozenset(found)


@dataclass(frozen=True, slots=True)
class KnownOrganization:
    kb_id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...] = ()


class Registry:
    def __init__(self) -> None:
        self.people: list[KnownPerson] = []
        self.organizations: list[KnownOrganization] = []
        self._people_by_name: dict[str, KnownPerson] = {}
        self._people_by_word: dict[str, list[KnownPerson]] = defaultdict(list)
        self._organizations: dict[str, KnownOrganization] = {}
        self._load_people()
        self._load_organizations()
        self._fuzzy_names = list(self._people_by_name)

    def person(self, name: str) -> KnownPerson | None:
        """The known person a full name (or a listed alias) denotes."""
        return self._people_by_name.get(fold(name))

    def person_by_word(self, word: str) -> list[KnownPerson]:
        """Known people whose name contains ``word`` (a surname as news uses it alone)."""
        return self._people_by_word.get(fold(word), [])

    def closest_person(self, name: str) -> KnownPerson | None:
        """The known person whose name is spelt almost like ``name`` ("Ivan Federov")."""
        key = fold(name)
        if len(key.split()) < 2:
            return None
        found = process.extractOne(
            key, self._fuzzy_names, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF
        )
        if found is None:
            return None
        match = found[0]
        # A different first letter of the surname is a different person, however close.
        if match.split()[-1][:1] != key.split()[-1][:1]:
            return None
        return self._people_by_name[match]

    def organization(self, name: str) -> KnownOrganization | None:
        return self._organizations.get(fold(name))

    def person_forms(self) -> Iterator[tuple[str, KnownPerson]]:
        """Surface forms that name a known person on their own, for a phrase matcher.

        Full names and multi-word aliases, plus one-word nicknames ("MBS",
        "Lula"); a bare surname is left out because it is also a common word
        or another person's name often enough ("Paz", "He", "Trump Tower").
        """
        for person in self.people:
            surnames = person.surnames
            for form in {person.name, *person.aliases}:
                words = fold(form).split()
                if len(words) > 1 or (words and words[0] not in surnames and len(words[0]) > 2):
                    yield form, person

    def organization_forms(self) -> Iterator[tuple[str, KnownOrganization]]:
        for organization in self.organizations:
            for form in {organization.name, *organization.aliases}:
                yield form, organization

    def _load_people(self) -> None:
        rows: dict[str, list[dict[str, str]]] = defaultdict(list)
        for row in read_rows("officeholders.csv", OFFICEHOLDER_COLUMNS):
            rows[row["kb_id"]].append(row)
        for kb_id, person_rows in rows.items():
            person = _known_person(kb_id, person_rows)
            self.people.append(person)
            names = {person.name, *person.aliases}
            for name in names:
                self._people_by_name.setdefault(fold(name), person)
            for name in names:
                parts = fold(name).split()
                if len(parts) == 2:  # "Takaichi Sanae" for "Sanae Takaichi"
                    self._people_by_name.setdefault(f"{parts[1]} {parts[0]}", person)
            words = {word for name in names for word in fold(name).split() if len(word) > 1}
            for word in words - PARTICLES:
                self._people_by_word[word].append(person)

    def _load_organizations(self) -> None:
        for row in read_rows("organizations.csv", ORGANIZATION_COLUMNS):
            organization = KnownOrganization(
                kb_id=row["kb_id"],
                name=row["name"],
                kind=row["kind"],
                country=row["country"] or None,
                sector=row["sector"] or None,
                aliases=split_list(row["aliases"]),
            )
            self.organizations.append(organization)
            for name in (row["name"], *split_list(row["aliases"])):
                self._organizations.setdefault(fold(name), organization)


def _name_words(name: str) -> list[str]:
    """Folded words of a name without suffixes ("Ferdinand Marcos Jr." → ferdinand, marcos)."""
    words = fold(name).split()
    kept = [word for word in words if word.rstrip(".") not in {"jr", "sr", "ii", "iii", "iv"}]
    return kept or words


def _known_person(kb_id: str, rows: list[dict[str, str]]) -> KnownPerson:
    first = rows[0]
    return KnownPerson(
        kb_id=kb_id,
        name=first["name"],
        wikidata=first["wikidata"] or None,
        aliases=split_list(first["aliases"]),
        offices=tuple(
            Office(
                title=row["title"],
                organization=row["organization"] or None,
                country=row["country"] or None,
                sector=row["sector"] or "GOV",
                start=row["start"],
                end=row["end"],
            )
            for row in rows
        ),
    )


@cache
def registry() -> Registry:
    """The process-wide registry of known people and organisations."""
    return Registry()
