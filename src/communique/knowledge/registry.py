"""Office holders and organisations from the bundled tables.

Used to resolve a name the article gives ("Ushakov", "Yuri Ushakov") to a
known person, and to fill in what the article leaves out (country, sector, a
title) as of the article's date. The article wins wherever it says something.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from communique.knowledge.gazetteer import fold
from communique.knowledge.tables import read_rows, split_list


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
        return (not self.start or self.start[: len(day)] <= day) and (not self.end or day <= self.end.ljust(len(day), "9"))


@dataclass(frozen=True, slots=True)
class KnownPerson:
    kb_id: str
    name: str
    offices: tuple[Office, ...]
    wikidata: str | None

    def office_on(self, day: str | None) -> Office | None:
        """The office held on ``day`` (latest start first), else the most recent one."""
        ordered = sorted(self.offices, key=lambda office: office.start, reverse=True)
        current = [office for office in ordered if office.held_on(day)]
        if current:
            return current[0]
        past = [office for office in ordered if office.end and (not day or office.end <= day)]
        return past[0] if past else None

    @property
    def surname(self) -> str:
        return fold(self.name).split()[-1]


@dataclass(frozen=True, slots=True)
class KnownOrganization:
    kb_id: str
    name: str
    kind: str
    country: str | None
    sector: str | None


class Registry:
    def __init__(self) -> None:
        self._people_by_name: dict[str, KnownPerson] = {}
        self._people_by_word: dict[str, list[KnownPerson]] = defaultdict(list)
        self._organizations: dict[str, KnownOrganization] = {}
        self._load_people()
        self._load_organizations()

    def person(self, name: str) -> KnownPerson | None:
        """The known person a full name (or a listed alias) denotes."""
        return self._people_by_name.get(fold(name))

    def person_by_word(self, word: str) -> list[KnownPerson]:
        """Known people whose name contains ``word`` (a surname as news uses it alone)."""
        return self._people_by_word.get(fold(word), [])

    def organization(self, name: str) -> KnownOrganization | None:
        return self._organizations.get(fold(name))

    def _load_people(self) -> None:
        rows: dict[str, list[dict[str, str]]] = defaultdict(list)
        required = ("kb_id", "name", "aliases", "title", "organization", "country", "sector", "start", "end", "wikidata")
        for row in read_rows("officeholders.csv", required):
            rows[row["kb_id"]].append(row)
        for kb_id, person_rows in rows.items():
            first = person_rows[0]
            person = KnownPerson(
                kb_id=kb_id,
                name=first["name"],
                wikidata=first["wikidata"] or None,
                offices=tuple(
                    Office(
                        title=row["title"],
                        organization=row["organization"] or None,
                        country=row["country"] or None,
                        sector=row["sector"] or "GOV",
                        start=row["start"],
                        end=row["end"],
                    )
                    for row in person_rows
                ),
            )
            names = {first["name"], *split_list(first["aliases"])}
            for name in names:
                self._people_by_name.setdefault(fold(name), person)
            words = {word for name in names for word in fold(name).split() if len(word) > 2}
            for word in words:
                self._people_by_word[word].append(person)

    def _load_organizations(self) -> None:
        for row in read_rows("organizations.csv", ("kb_id", "name", "aliases", "kind", "country", "sector")):
            organization = KnownOrganization(
                kb_id=row["kb_id"],
                name=row["name"],
                kind=row["kind"],
                country=row["country"] or None,
                sector=row["sector"] or None,
            )
            for name in (row["name"], *split_list(row["aliases"])):
                self._organizations.setdefault(fold(name), organization)


@cache
def registry() -> Registry:
    """The process-wide registry of known people and organisations."""
    return Registry()
