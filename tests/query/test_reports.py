"""``event_reports`` answers exactly as ``events`` does, whatever the filter and page."""

from __future__ import annotations

import dataclasses

import pytest

from communique.query import EventFilter, events, reports
from communique.query.reports import event_reports
from communique.store import Store
from communique.store.resolved import resolve_article
from tests.resolve import scenario
from tests.resolve.reports import Ev, report

UNDATED = report(
    "Vladimir Putin met Viktor Orbán in Budapest to discuss energy.",
    None,
    [Ev("CONSULT", ["Vladimir Putin", "Viktor Orbán"], "met", place="Budapest")],
)
PUBLISHED_ONLY = report(
    "Donald Trump phoned Viktor Orban about the summit.",
    "2025-10-19",
    [Ev("CONSULT", ["Donald Trump", "Viktor Orban"], "phoned", mode="phone")],
)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("reports") / "s.db"
    with Store(path) as opened:
        for readout in [*scenario.STORY, UNDATED, PUBLISHED_ONLY]:
            opened.add(readout, then=resolve_article)
        yield opened


FILTERS = [
    EventFilter(),
    EventFilter(actor="Putin"),
    EventFilter(actor="Orbán"),
    EventFilter(actor="Nobody Known"),
    EventFilter(dyad=("Putin", "Trump")),
    EventFilter(dyad=("Trump", "Orban")),
    EventFilter(country="UKR"),
    EventFilter(country="HUN", actor="Putin"),
    EventFilter(type="consult"),
    EventFilter(type="CONSULT", status="planned"),
    EventFilter(status="postponed"),
    EventFilter(since="2025-10-17"),
    EventFilter(until="2025-10"),
    EventFilter(since="2025-10-17", until="2025-10-20"),
    EventFilter(until="2025"),
    EventFilter(since="2025-10", until="2025-10", actor="Trump"),
    EventFilter(place="budapest"),
    EventFilter(place="%"),
    EventFilter(text="on hold"),
    EventFilter(text="summit", status="planned"),
]


@pytest.mark.parametrize(
    "query", FILTERS, ids=lambda q: repr({k: v for k, v in dataclasses.asdict(q).items() if v})
)
@pytest.mark.parametrize(("limit", "offset"), [(100, 0), (3, 0), (3, 4), (2, 100)])
@pytest.mark.parametrize("walk_after", [reports.WALK_AFTER, 0], ids=["sorted", "walked"])
def test_event_reports_equal_events(store, monkeypatch, query, limit, offset, walk_after):
    monkeypatch.setattr(reports, "WALK_AFTER", walk_after)
    expected = events(store, query, limit=limit, offset=offset)
    assert event_reports(store, query, limit=limit, offset=offset) == expected
