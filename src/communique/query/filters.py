"""Event filters and how names given by a user find registry actors.

A user names an actor the way news does ("Putin", "Zelenskyy", "Orban",
"person/vladimir-putin"); :func:`actor_ids` finds the registry ids it can
denote: an exact id, a full-name key, else a surname. A country is an ISO
alpha-3 code or the name of a country actor the registry holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from communique.errors import InputError, NotFoundError
from communique.resolve.names import is_full_name, name_key, surname_key
from communique.store import Connection

NO_MATCH = "\x01no-match"
"""An id no actor has: a filter naming an unknown actor matches nothing.

A control character no id holds; not NUL, which PostgreSQL text refuses."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """What ``communique events`` narrows the events to; every field optional."""

    actor: str | None = None
    country: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    text: str | None = None


@dataclass(slots=True)
class Where:
    """SQL conditions and their parameters, built up filter by filter."""

    clauses: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)

    def add(self, clause: str, *params: object) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "1 = 1"


def actor_ids(db: Connection, name: str) -> list[str]:
    """Registry ids ``name`` can denote; empty when none."""
    name = name.strip()
    if not name:
        raise InputError("an actor name is empty")
    if db.execute("SELECT 1 FROM registry WHERE id = ?", (name,)).fetchone():
        return [name]
    key = name_key(name)
    found = [
        row[0]
        for row in db.execute(
            "SELECT actor_id FROM registry_names WHERE key = ? "
            "UNION SELECT id FROM registry WHERE lower(name) = lower(?) ORDER BY 1",
            (key, name),
        )
    ]
    if is_full_name(name):
        return found
    found += [  # a bare surname is how news names people: "Putin", "Orbán"
        row[0]
        for row in db.execute(
            "SELECT id FROM registry WHERE kind = 'person' AND surname = ? "
            "ORDER BY articles DESC, id",
            (surname_key(name),),
        )
    ]
    return list(dict.fromkeys(found))


def one_actor(db: Connection, name: str) -> str:
    """The registry id ``name`` denotes, the most reported one when several share it."""
    found = actor_ids(db, name)
    if not found:
        raise NotFoundError(f"no actor called {name!r} in the store; see 'communique actors'")
    placeholders = ",".join("?" * len(found))
    row = db.execute(
        f"SELECT id FROM registry WHERE id IN ({placeholders}) ORDER BY articles DESC, id LIMIT 1",
        found,
    ).fetchone()
    return str(row[0])


def country_code(db: Connection, name: str) -> str:
    """ISO alpha-3 for a code or a country actor's name ("RUS", "Russia")."""
    text = name.strip()
    if len(text) == 3 and text.isalpha():
        return text.upper()
    row = db.execute(
        "SELECT country FROM registry WHERE kind = 'country' AND country IS NOT NULL AND "
        "(lower(name) = lower(?) OR id IN (SELECT actor_id FROM registry_names "
        "WHERE kind = 'country' AND key = ?)) ORDER BY articles DESC, id LIMIT 1",
        (text, name_key(text)),
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no country called {name!r}; give an ISO alpha-3 code such as RUS")
    return str(row[0])


def date_bounds(where: Where, column: str, since: str | None, until: str | None) -> None:
    """Dates compare as ISO text; ``until`` includes the whole period it names (``2025-10``)."""
    if since:
        where.add(f"{column} >= ?", since)
    if until:
        where.add(f"substr({column}, 1, {len(until)}) <= ?", until)


def like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def placeholders(values: list[str]) -> str:
    return ",".join("?" * len(values)) or "NULL"
