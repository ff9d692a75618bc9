"""The actor registry on SQLite: lookups for :mod:`communique.resolve.registry`, and its writes.

Every article actor gets a row in ``actor_links`` (article, local id → registry
id, and how it was matched) and its roles a row each in ``actor_roles`` with
the article's publication date, so that titles and countries can be shown
over time and disagreements between articles stay visible.
"""

from __future__ import annotations

from communique.records import Actor, ActorKind, Readout
from communique.resolve.names import is_full_name, name_key, name_words, surname_key
from communique.resolve.registry import (
    ActorMatch,
    RegistryEntry,
    match_actor,
    name_keys,
    names_of,
    new_actor_id,
)
from communique.store.connection import Connection

_COLUMNS = "id, name, kind, country, kb_id, articles"


class SqlActorIndex:
    """:class:`communique.resolve.registry.ActorIndex` on the ``registry`` tables."""

    def __init__(self, db: Connection) -> None:
        self.db = db

    def _entries(self, sql: str, params: tuple[str, ...]) -> list[RegistryEntry]:
        return [
            RegistryEntry(
                id=row[0],
                name=row[1],
                kind=ActorKind(row[2]),
                country=row[3],
                kb_id=row[4],
                articles=row[5],
            )
            for row in self.db.execute(sql, params)
        ]

    def by_id(self, actor_id: str) -> RegistryEntry | None:
        found = self._entries(f"SELECT {_COLUMNS} FROM registry WHERE id = ?", (actor_id,))
        return found[0] if found else None

    def by_kb(self, kb_id: str) -> RegistryEntry | None:
        found = self._entries(
            f"SELECT {_COLUMNS} FROM registry WHERE kb_id = ? ORDER BY id LIMIT 1", (kb_id,)
        )
        return found[0] if found else None

    def by_name_key(self, kind: ActorKind, key: str) -> list[RegistryEntry]:
        return self._entries(
            f"SELECT {_COLUMNS} FROM registry WHERE id IN "
            "(SELECT actor_id FROM registry_names WHERE kind = ? AND key = ?) ORDER BY id",
            (kind.value, key),
        )

    def by_surname(self, kind: ActorKind, surname: str) -> list[RegistryEntry]:
        return self._entries(
            f"SELECT {_COLUMNS} FROM registry WHERE kind = ? AND surname = ? "
            "ORDER BY articles DESC, id LIMIT 50",
            (kind.value, surname),
        )


def resolve_actors(db: Connection, readout: Readout) -> dict[str, str]:
    """Registry ids of the readout's actors (local id → registry id), registry updated."""
    index = SqlActorIndex(db)
    ids: dict[str, str] = {}
    for actor in readout.actors:
        match = match_actor(actor, index) or _add(db, index, actor)
        _note(db, readout, actor, match, counted=match.actor_id in ids.values())
        ids[actor.id] = match.actor_id
    return ids


def _add(db: Connection, index: SqlActorIndex, actor: Actor) -> ActorMatch:
    actor_id = new_actor_id(actor, lambda candidate: index.by_id(candidate) is not None)
    db.execute(
        "INSERT INTO registry VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL, NULL)",
        (
            actor_id,
            actor.name,
            actor.kind.value,
            actor.country,
            actor.sector,
            actor.kb_id,
            surname_key(actor.name) if actor.kind is ActorKind.PERSON else "",
        ),
    )
    return ActorMatch(actor_id=actor_id, how="new", new=True)


def _note(
    db: Connection, readout: Readout, actor: Actor, match: ActorMatch, *, counted: bool
) -> None:
    """Link the article's actor to the registry; update what the registry knows of it.

    ``counted``: another actor of this article resolved to the same registry
    actor already, and the article was counted for it.
    """
    article_id, published = readout.article.id, readout.article.published
    db.execute(
        "INSERT INTO actor_links VALUES (?, ?, ?, ?) ON CONFLICT (article_id, local_id) "
        "DO UPDATE SET actor_id = excluded.actor_id, how = excluded.how",
        (article_id, actor.id, match.actor_id, match.how),
    )
    if not counted:
        db.execute(
            # A NULL date compares as unknown: the CASE keeps the stored value.
            """UPDATE registry SET articles = articles + 1,
                   first_seen = CASE WHEN first_seen IS NULL OR ? < first_seen
                       THEN COALESCE(?, first_seen) ELSE first_seen END,
                   last_seen = CASE WHEN last_seen IS NULL OR ? > last_seen
                       THEN COALESCE(?, last_seen) ELSE last_seen END
               WHERE id = ?""",
            (published, published, published, published, match.actor_id),
        )
    _improve(db, actor, match.actor_id)
    db.executemany(
        "INSERT INTO registry_names VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [(actor.kind.value, key, match.actor_id, name) for key, name in _keyed_names(actor)],
    )
    db.executemany(
        "INSERT INTO actor_roles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                match.actor_id,
                article_id,
                role.title,
                role.organization,
                role.country,
                published,
                role.source,
                role.span.start_char if role.span else None,
                role.span.end_char if role.span else None,
            )
            for role in actor.roles
        ],
    )


def _keyed_names(actor: Actor) -> list[tuple[str, str]]:
    """(key, the name as written) for every name the registry files the actor under."""
    keys = set(name_keys(actor))
    out: dict[str, str] = {}
    for name in names_of(actor):
        key = name_key(name)
        if key in keys:
            out.setdefault(key, name)
    return list(out.items())


def _improve(db: Connection, actor: Actor, actor_id: str) -> None:
    """Fill what the registry lacks; a fuller name (or the knowledge table's) replaces a shorter one."""
    row = db.execute("SELECT name, kb_id FROM registry WHERE id = ?", (actor_id,)).fetchone()
    name, kb_id = row
    better = (actor.kb_id and not kb_id) or (
        not kb_id
        and is_full_name(actor.name)
        and len(name_words(actor.name)) > len(name_words(name))
    )
    db.execute(
        """UPDATE registry SET country = COALESCE(country, ?), sector = COALESCE(sector, ?),
               kb_id = COALESCE(kb_id, ?), name = CASE WHEN ? THEN ? ELSE name END
           WHERE id = ?""",
        (actor.country, actor.sector, actor.kb_id, bool(better), actor.name, actor_id),
    )
