"""The actor registry across articles: one id per person, organisation or state.

An article's actor is matched, in order, by:

1. its ``kb_id`` (the knowledge table's id), when the readout has one;
2. a country actor by its ISO code (``country/RUS``);
3. the key of its full name or of another full name it goes by, whatever the
   transliteration or accents (:mod:`communique.resolve.names`);
4. its surname among registry actors of the same kind whose names agree
   (given names that do not clash, countries that do not differ), preferring
   the one seen in most articles.

Otherwise it is new. The registry is reached through :class:`ActorIndex`, so
that matching costs a few index lookups however many actors the store holds.
A full-name match keeps the actor even when the new article gives another
country or title: the registry records what each article said, and queries
show such disagreements instead of splitting the person in two.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from communique.records import Actor, ActorKind, MentionKind
from communique.resolve.names import (
    is_full_name,
    name_key,
    same_person_name,
    slug,
    surname_key,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class RegistryEntry:
    """What matching needs to know of a registry actor."""

    id: str
    name: str
    kind: ActorKind
    country: str | None
    kb_id: str | None
    articles: int = 0


class ActorIndex(Protocol):
    """Lookups on the registry; the store implements them on indexed tables."""

    def by_id(self, actor_id: str) -> RegistryEntry | None: ...

    def by_kb(self, kb_id: str) -> RegistryEntry | None: ...

    def by_name_key(self, kind: ActorKind, key: str) -> list[RegistryEntry]: ...

    def by_surname(self, kind: ActorKind, surname: str) -> list[RegistryEntry]: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorMatch:
    """The registry id an article actor resolves to, and how it was found."""

    actor_id: str
    how: str
    new: bool


def names_of(actor: Actor) -> list[str]:
    """The actor's name and the other names the article calls it by (not pronouns)."""
    kinds = {MentionKind.NAME, MentionKind.ALIAS, MentionKind.ABBREVIATION}
    names = [actor.name, *(m.text for m in actor.mentions if m.kind in kinds)]
    return list(dict.fromkeys(name.strip() for name in names if name.strip()))


def name_keys(actor: Actor) -> list[str]:
    """Keys under which the registry files the actor's names.

    A person is filed under full names only: a bare surname is too ambiguous
    to be a key. An organisation is filed under every name and abbreviation.
    """
    names = names_of(actor)
    if actor.kind is ActorKind.PERSON:
        names = [name for name in names if is_full_name(name)]
    return list(dict.fromkeys(key for key in map(name_key, names) if key))


def match_actor(actor: Actor, index: ActorIndex) -> ActorMatch | None:
    """The registry actor the article's actor denotes, or None when it is new."""
    if actor.kb_id and (entry := index.by_kb(actor.kb_id)):
        return ActorMatch(actor_id=entry.id, how="kb_id", new=False)
    if actor.kind is ActorKind.COUNTRY and actor.country:
        entry = index.by_id(country_id(actor.country))
        return ActorMatch(actor_id=entry.id, how="iso", new=False) if entry else None
    for key in name_keys(actor):
        found = [e for e in index.by_name_key(actor.kind, key) if _kb_allows(actor, e)]
        if found:
            best = max(found, key=lambda e: (_country_agrees(actor, e), e.articles))
            return ActorMatch(actor_id=best.id, how="name", new=False)
    if actor.kind is ActorKind.PERSON:
        return _by_surname(actor, index)
    return None


def _by_surname(actor: Actor, index: ActorIndex) -> ActorMatch | None:
    surname = surname_key(actor.name)
    if not surname:
        return None
    found = [
        entry
        for entry in index.by_surname(ActorKind.PERSON, surname)
        if _kb_allows(actor, entry)
        and same_person_name(actor.name, entry.name)
        and _country_agrees(actor, entry) >= 0
    ]
    if not found:
        return None
    best = max(found, key=lambda e: (_country_agrees(actor, e), e.articles))
    return ActorMatch(actor_id=best.id, how="surname", new=False)


def _kb_allows(actor: Actor, entry: RegistryEntry) -> bool:
    """Two different knowledge-table ids are two people, however alike their names."""
    return not (actor.kb_id and entry.kb_id and actor.kb_id != entry.kb_id)


def _country_agrees(actor: Actor, entry: RegistryEntry) -> int:
    """1 when both give the same country, 0 when one gives none, -1 when they differ."""
    if not actor.country or not entry.country:
        return 0
    return 1 if actor.country == entry.country else -1


def country_id(iso3: str) -> str:
    return f"country/{iso3}"


def new_actor_id(actor: Actor, taken: Callable[[str], bool]) -> str:
    """A readable id for a new registry actor: its kb_id, ISO code or name slug, made unique."""
    if actor.kb_id:
        base = actor.kb_id
    elif actor.kind is ActorKind.COUNTRY and actor.country:
        base = country_id(actor.country)
    else:
        base = f"{actor.kind.value}/{slug(actor.name)}"
    candidate, n = base, 2
    while taken(candidate):
        candidate, n = f"{base}-{n}", n + 1
    return candidate
