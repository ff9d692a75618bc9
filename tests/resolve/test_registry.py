"""The actor registry across articles, on a real store with hand-built readouts."""

import pytest

from communique.query import actor_profile, actors
from communique.store import Store
from communique.store.resolved import resolve_article
from tests.resolve.reports import Ev, report


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "s.db") as opened:
        yield opened


def _meeting(name: str, day: str, **kwargs) -> object:
    text = f"{name} met Donald Trump in Washington on {day}, officials said."
    return report(text, day, [Ev("CONSULT", [name, "Donald Trump"], "met", date=day)], **kwargs)


def _ids(store, readout):
    with store.reading() as db:
        return dict(
            db.execute(
                "SELECT local_id, actor_id FROM actor_links WHERE article_id = ?",
                (readout.article.id,),
            ).fetchall()
        )


@pytest.mark.parametrize(
    "spellings",
    [
        ["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy"],
        ["Viktor Orbán", "Viktor Orban"],
        ["Yury Ushakov", "Yuri Ushakov"],
        ["Karoline Leavitt", "Caroline Leavitt"],
        ["Sergei Lavrov", "Sergey Lavrov"],
    ],
)
def test_registry_gives_one_id_to_every_spelling(store, spellings):
    seen = set()
    for n, name in enumerate(spellings):
        readout = _meeting(name, f"2025-10-{10 + n}")
        store.add(readout, then=resolve_article)
        seen.add(_ids(store, readout)[readout.actors[0].id])
    assert len(seen) == 1


def test_registry_resolves_a_bare_surname_to_the_known_person(store):
    store.add(_meeting("Sergei Lavrov", "2025-10-10"), then=resolve_article)
    later = _meeting("Lavrov", "2025-10-12")
    store.add(later, then=resolve_article)
    assert _ids(store, later)[later.actors[0].id] == "person/sergei-lavrov"


def test_registry_uses_the_kb_id_and_keeps_it_as_the_id(store):
    readout = _meeting("Vladimir Putin", "2025-10-10")
    store.add(readout, then=resolve_article)
    assert _ids(store, readout)[readout.actors[0].id] == "person/vladimir-putin"
    (trump,) = actors(store, name="Trump")
    assert trump.id == "person/donald-trump" and trump.articles == 1


def test_registry_keeps_two_people_of_one_surname_apart_when_given_names_clash(store):
    store.add(_meeting("Sergei Lavrov", "2025-10-10"), then=resolve_article)
    other = _meeting("Maria Lavrov", "2025-10-11")
    store.add(other, then=resolve_article)
    assert _ids(store, other)[other.actors[0].id] != "person/sergei-lavrov"


def test_registry_counts_articles_and_dates(store):
    for day in ("2025-10-10", "2025-10-12", "2025-09-01"):
        store.add(_meeting("Marco Rubio", day), then=resolve_article)
    (rubio,) = actors(store, name="Rubio")
    assert (rubio.articles, rubio.first_seen, rubio.last_seen) == (3, "2025-09-01", "2025-10-12")


def test_registry_shows_titles_over_time_and_disagreements(store):
    store.add(
        _meeting("Yury Ushakov", "2025-10-10", roles={"Yury Ushakov": "aide"}),
        then=resolve_article,
    )
    store.add(
        _meeting("Yuri Ushakov", "2025-10-14", roles={"Yuri Ushakov": "spokesman"}),
        then=resolve_article,
    )
    profile = actor_profile(store, "Ushakov")
    assert [t.value for t in profile.titles] == ["aide", "spokesman"]
    assert profile.titles[0].first_seen == "2025-10-10"
    assert any("aide" in d and "spokesman" in d for d in profile.disagreements)


def test_registry_shows_two_countries_reported_for_one_person(store):
    store.add(_meeting("Marco Rubio", "2025-10-10"), then=resolve_article)
    text = "Marco Rubio met Donald Trump in Washington on 2025-10-11, a foreign outlet said."
    wrong = report(text, "2025-10-11", [Ev("CONSULT", ["Marco Rubio", "Donald Trump"], "met")])
    rubio = wrong.actors[0]
    from dataclasses import replace

    wrong = replace(wrong, actors=(replace(rubio, country="CUB"), *wrong.actors[1:]))
    store.add(wrong, then=resolve_article)
    profile = actor_profile(store, "Marco Rubio")
    assert {c.value for c in profile.countries} == {"USA", "CUB"}
    assert any(d.startswith("countries differ") for d in profile.disagreements)
