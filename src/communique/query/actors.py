"""Registry actors, and one actor's profile: names, titles and countries over time.

Articles may disagree about a person: one gives a country another does not,
or two articles of the same month give titles with different heads ("aide"
and "spokesman"). The profile lists every value with its articles and dates,
and names the disagreements, instead of choosing silently.
"""

from __future__ import annotations

from collections import defaultdict

from communique.query.filters import Where, country_code, like, one_actor
from communique.query.rows import ActorProfile, ActorRow, Reported
from communique.store import Connection, Store

_COLUMNS = "id, name, kind, country, sector, kb_id, articles, first_seen, last_seen"


def _row(r: tuple[object, ...]) -> ActorRow:
    return ActorRow(
        id=str(r[0]),
        name=str(r[1]),
        kind=str(r[2]),
        country=None if r[3] is None else str(r[3]),
        sector=None if r[4] is None else str(r[4]),
        kb_id=None if r[5] is None else str(r[5]),
        articles=int(str(r[6])),
        first_seen=None if r[7] is None else str(r[7]),
        last_seen=None if r[8] is None else str(r[8]),
    )


def actors(
    store: Store,
    *,
    name: str | None = None,
    kind: str | None = None,
    country: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[ActorRow]:
    """Registry actors, most reported first."""
    with store.reading() as db:
        where = Where()
        if name:
            where.add(
                "(name LIKE ? ESCAPE '\\' OR id IN (SELECT actor_id FROM registry_names "
                "WHERE name LIKE ? ESCAPE '\\'))",
                like(name),
                like(name),
            )
        if kind:
            where.add("kind = ?", kind.lower())
        if country:
            where.add("country = ?", country_code(db, country))
        rows = db.execute(
            f"SELECT {_COLUMNS} FROM registry WHERE {where.sql()} "
            "ORDER BY articles DESC, name, id LIMIT ? OFFSET ?",
            (*where.params, limit, offset),
        ).fetchall()
    return [_row(r) for r in rows]


def actor_profile(store: Store, name: str) -> ActorProfile:
    """What the articles said of one actor (by id, name, alias or surname)."""
    with store.reading() as db:
        actor_id = one_actor(db, name)
        row = db.execute(f"SELECT {_COLUMNS} FROM registry WHERE id = ?", (actor_id,)).fetchone()
        names = tuple(
            r[0]
            for r in db.execute(
                "SELECT DISTINCT name FROM registry_names WHERE actor_id = ? ORDER BY name",
                (actor_id,),
            )
        )
        titles = _titles(db, actor_id)
        countries = _countries(db, actor_id)
        disagreements = _country_disagreement(countries) + _concurrent_titles(db, actor_id)
    return ActorProfile(
        actor=_row(row),
        names=names,
        titles=tuple(titles),
        countries=tuple(countries),
        disagreements=tuple(disagreements),
    )


def _titles(db: Connection, actor_id: str) -> list[Reported]:
    rows = db.execute(
        # MIN(title): one spelling per group, the same on every engine.
        """SELECT MIN(title), COUNT(DISTINCT article_id), MIN(seen), MAX(seen) FROM actor_roles
           WHERE actor_id = ? GROUP BY lower(title) ORDER BY MIN(seen), MIN(title)""",
        (actor_id,),
    )
    return [Reported(value=r[0], reports=r[1], first_seen=r[2], last_seen=r[3]) for r in rows]


def _countries(db: Connection, actor_id: str) -> list[Reported]:
    rows = db.execute(
        """SELECT a.country, COUNT(DISTINCT l.article_id), MIN(ar.published), MAX(ar.published)
           FROM actor_links l
           JOIN actors a ON a.article_id = l.article_id AND a.actor_id = l.local_id
           JOIN articles ar ON ar.id = l.article_id
           WHERE l.actor_id = ? AND a.country IS NOT NULL
           GROUP BY a.country ORDER BY COUNT(DISTINCT l.article_id) DESC, a.country""",
        (actor_id,),
    )
    return [Reported(value=r[0], reports=r[1], first_seen=r[2], last_seen=r[3]) for r in rows]


def _country_disagreement(countries: list[Reported]) -> list[str]:
    if len(countries) < 2:
        return []
    listed = ", ".join(f"{c.value} ({_articles(c.reports)})" for c in countries)
    return [f"countries differ: {listed}"]


def _concurrent_titles(db: Connection, actor_id: str) -> list[str]:
    """Months in which articles gave titles with different head words."""
    by_month: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for title, article_id, seen in db.execute(
        "SELECT title, article_id, seen FROM actor_roles WHERE actor_id = ? AND seen IS NOT NULL",
        (actor_id,),
    ):
        head = title.lower().split()[-1] if title.split() else title.lower()
        by_month[str(seen)[:7]][head].add(article_id)
    out = []
    for month, heads in sorted(by_month.items()):
        if len(heads) > 1:
            listed = ", ".join(f"{h} ({_articles(len(a))})" for h, a in sorted(heads.items()))
            out.append(f"titles reported in {month}: {listed}")
    return out


def _articles(n: int) -> str:
    return f"{n} article" if n == 1 else f"{n} articles"
