"""Ties are broken the same way on SQLite and PostgreSQL: by a unique key, never by row order.

Each test stores rows so that insertion order disagrees with the documented
order, on both engines (the ``store`` fixture runs every test on each).
"""

import dataclasses

from communique import query
from communique.store.resolved import resolve_article
from tests.resolve.reports import Ev, report


def _as(readout, who, /, **changes):
    """``readout`` with the actor called ``who`` changed (renamed, another country)."""
    actors = tuple(
        dataclasses.replace(a, **changes) if a.name == who else a for a in readout.actors
    )
    return dataclasses.replace(readout, actors=actors)


def _talks(text, published):
    return report(text, published, [Ev("CONSULT", ["Marco Rubio", "Sergei Lavrov"], "met")])


def test_profile_countries_of_equal_weight_come_in_code_order(store):
    later = _talks("Marco Rubio met Sergei Lavrov in Geneva on Monday.", "2025-10-20")
    earlier = _as(
        _talks("Marco Rubio met Sergei Lavrov again on Friday.", "2025-10-03"),
        "Marco Rubio",
        country="CUB",
    )
    for readout in (later, earlier):
        store.add(readout, then=resolve_article)
    profile = query.actor_profile(store, "Marco Rubio")
    assert [c.value for c in profile.countries] == ["CUB", "USA"]
    assert profile.disagreements[0] == "countries differ: CUB (1 article), USA (1 article)"


def test_a_surname_shared_by_equally_reported_people_picks_the_first_id(store):
    sergei = _talks("Marco Rubio met Sergei Lavrov in Geneva on Monday.", "2025-10-20")
    maria = _as(
        _talks("Marco Rubio met Maria Lavrov in Geneva on Tuesday.", "2025-10-21"),
        "Sergei Lavrov",
        name="Maria Lavrov",
    )
    for readout in (sergei, maria):
        store.add(readout, then=resolve_article)
    people = {a.name: a for a in query.actors(store, name="Lavrov")}
    assert people["Maria Lavrov"].articles == people["Sergei Lavrov"].articles == 1
    first = min(people["Maria Lavrov"].id, people["Sergei Lavrov"].id)
    assert query.actor_profile(store, "Lavrov").actor.id == first


def test_lower_of_a_parameter_folds_ascii_letters_only(store):
    """SQLite's lower() leaves non-ASCII letters alone; PostgreSQL must too, whatever its locale."""
    with store.reading() as db:
        assert db.execute("SELECT lower(?)", ("ÖRBÁN Viktor",)).fetchone()[0] == "ÖrbÁn viktor"
