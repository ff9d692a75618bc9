"""The query layer over a store holding the team's small story."""

import pytest

from communique.errors import NotFoundError
from communique.query import (
    EventFilter,
    actors,
    by_month,
    canonical_events,
    events,
    quotes,
    timeline,
)
from communique.store import Store
from communique.store.resolved import resolve_article
from tests.resolve import scenario
from tests.resolve.reports import Ev, report

QUOTED = report(
    "Yuri Ushakov said the call had been frank. Caroline Leavitt told reporters: the talks went well.",
    "2025-10-18",
    [Ev("CONSULT", ["Yuri Ushakov", "Caroline Leavitt"], "talks")],
    quotes=[
        ("Yuri Ushakov", "the call had been frank"),
        ("Caroline Leavitt", "the talks went well"),
    ],
)
QUOTED_AGAIN = report(
    "Yury Ushakov, the Kremlin aide, said a date would be set soon.",
    "2025-10-20",
    [],
    quotes=[("Yury Ushakov", "a date would be set soon")],
)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "s.db"
    with Store(path) as opened:
        for readout in [*scenario.STORY, QUOTED, QUOTED_AGAIN]:
            opened.add(readout, then=resolve_article)
        yield opened


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventFilter(), 13),
        (EventFilter(actor="Zelenskyy"), 2),
        (EventFilter(actor="Putin"), 10),
        (EventFilter(dyad=("Putin", "Trump")), 10),
        (EventFilter(dyad=("Zelensky", "Putin")), 0),
        (EventFilter(country="UKR"), 2),
        (EventFilter(type="request"), 1),
        (EventFilter(status="postponed"), 1),
        (EventFilter(since="2025-10-17", until="2025-10"), 5),
        (EventFilter(until="2025-08"), 3),
        (EventFilter(place="budapest"), 4),
        (EventFilter(text="on hold"), 1),
        (EventFilter(actor="Nobody Atall"), 0),
    ],
)
def test_events_filters(store, query, expected):
    assert len(events(store, query)) == expected


def test_events_paginate(store):
    every = events(store)
    assert events(store, limit=4, offset=4) == every[4:8]


def test_events_carry_their_canonical_event(store):
    rows = events(store, EventFilter(text="on hold"))
    assert rows[0].canonical_id and rows[0].status == "postponed"


def test_canonical_events_filters(store):
    found = canonical_events(store, EventFilter(dyad=("Putin", "Trump"), type="CONSULT"))
    assert {(e.location, e.status) for e in found} == {
        (None, "occurred"),
        ("Budapest", "postponed"),
        ("Anchorage", "occurred"),
    }


def test_quotes_by_speaker_any_spelling(store):
    assert len(quotes(store, speaker="Yury Ushakov")) == 2
    assert len(quotes(store, speaker="Ushakov")) == 2
    (leavitt,) = quotes(store, speaker="Karoline Leavitt")
    assert leavitt.speaker.name in {"Caroline Leavitt", "Karoline Leavitt"}


def test_actors_list_most_reported_first(store):
    rows = actors(store)
    assert rows[0].id in {"person/donald-trump", "person/vladimir-putin"}
    assert actors(store, country="UKR")[0].name == "Volodymyr Zelensky"


def test_timeline_of_a_pair_and_of_a_country(store):
    pair = timeline(store, "Putin", "Trump")
    assert [p.date for p in pair] == sorted(p.date for p in pair)
    assert len(pair) == 3
    ukraine = timeline(store, "UKR")
    assert {p.type for p in ukraine} == {"CONSULT", "REQUEST"}
    months = by_month(pair)
    assert sum(months["2025-10"].values()) == 2


def test_timeline_of_an_unknown_subject_raises(store):
    with pytest.raises(NotFoundError):
        timeline(store, "Nobody Atall")


def test_archive_exposes_the_queries(store):
    from communique.api import open_store

    with open_store(store.path) as archive:
        assert archive.resolve() == 0
        (budapest,) = archive.threads(EventFilter(place="Budapest"))
        assert budapest.event.status == "postponed"
        assert archive.canonical_event(budapest.event.id).event == budapest.event
        assert len(archive.events(EventFilter(actor="Putin"))) == 10
        assert archive.actor("Zelenskiy").actor.name == "Volodymyr Zelensky"
        assert len(archive.quotes(speaker="Ushakov")) == 2
        assert len(archive.timeline("Putin", "Trump")) == 3
        assert archive.actors(kind="person")
