"""Canonical events across articles, on a store, with the team's own small story."""

import itertools

import pytest

from communique.query import EventFilter, canonical_event, canonical_events
from communique.store import Store
from communique.store.resolved import resolve_article
from tests.resolve import scenario
from tests.resolve.reports import Ev, report


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "s.db") as opened:
        yield opened


def _ingest(store, readouts):
    for readout in readouts:
        store.add(readout, then=resolve_article)


def _event_of(store, readout, event_id="e1"):
    with store.reading() as db:
        (canonical_id,) = db.execute(
            "SELECT canonical_id FROM event_mentions WHERE article_id = ? AND event_id = ?",
            (readout.article.id, event_id),
        ).fetchone()
    return canonical_event(store, canonical_id)


def test_clustering_joins_every_report_of_the_call(store):
    _ingest(store, scenario.STORY)
    call = _event_of(store, scenario.CALL_DAY_ONE).event
    assert (call.type, call.mode, call.status) == ("CONSULT", "phone", "occurred")
    assert call.articles == 3 and call.sources == 3
    assert call.date == "2025-10-16" and call.date_disputed
    assert {d.value for d in call.dates} == {"2025-10-16", "2025-10-17"}
    assert {p.name for p in call.participants} == {"Vladimir Putin", "Donald Trump"}


def test_clustering_keeps_the_call_the_summit_and_the_visit_apart(store):
    _ingest(store, scenario.STORY)
    call = _event_of(store, scenario.CALL_DAY_ONE, "e1").event.id
    summit = _event_of(store, scenario.CALL_DAY_ONE, "e2").event.id
    visit = _event_of(store, scenario.WHITE_HOUSE_VISIT, "e1").event.id
    alaska = _event_of(store, scenario.ALASKA_HELD).event.id
    assert len({call, summit, visit, alaska}) == 4


def test_clustering_joins_the_alaska_summit_from_plan_to_recap(store):
    _ingest(store, scenario.STORY)
    alaska = _event_of(store, scenario.ALASKA_PLANNED).event
    assert (alaska.status, alaska.date, alaska.location) == ("occurred", "2025-08-15", "Anchorage")
    assert alaska.articles == 3


@pytest.mark.parametrize("order", list(itertools.permutations(range(4)))[::5])
def test_clustering_result_does_not_depend_on_ingest_order(tmp_path, order):
    readouts = [
        scenario.CALL_DAY_ONE,
        scenario.CALL_NEXT_DAY,
        scenario.CALL_OTHER_DATE,
        scenario.WHITE_HOUSE_VISIT,
    ]
    with Store(tmp_path / f"{order}.db") as store:
        _ingest(store, [readouts[i] for i in order])
        found = canonical_events(store, EventFilter(type="CONSULT"))
        assert sorted(e.articles for e in found) == [1, 2, 3]


WIRE = (
    "Vladimir Putin and Donald Trump spoke by phone on Thursday for more than two hours, "
    "the first conversation between the two leaders in two months. Officials in Moscow said "
    "the presidents discussed the war, trade and a possible exchange of prisoners, and agreed "
    "that their advisers would stay in contact. The White House described the call as "
    "productive and said more details would follow in the coming days."
)


def _wire(text, source):
    event = Ev(
        "CONSULT", ["Vladimir Putin", "Donald Trump"], "spoke", mode="phone", date="2025-10-16"
    )
    return report(text, "2025-10-16", [event], source=source)


def test_clustering_counts_a_republished_copy_as_one_source(store):
    original = _wire(WIRE, "agency.txt")
    copy = _wire(WIRE.replace("on Thursday", "on Thursday evening") + " (Agency copy.)", "copy.txt")
    _ingest(store, [original, copy])
    call = _event_of(store, copy).event
    assert (call.articles, call.sources) == (2, 1)


def test_clustering_separates_calls_days_apart(store):
    later = report(
        "Vladimir Putin and Donald Trump spoke by phone again on Monday.",
        "2025-10-27",
        [
            Ev(
                "CONSULT",
                ["Vladimir Putin", "Donald Trump"],
                "spoke",
                mode="phone",
                date="2025-10-27",
            )
        ],
    )
    _ingest(store, [scenario.CALL_DAY_ONE, later])
    assert _event_of(store, later).event.articles == 1


def test_clustering_places_an_undated_report_near_its_publication(store):
    undated = report(
        "Donald Trump said the phone call with Vladimir Putin had been productive.",
        "2025-10-17",
        [Ev("CONSULT", ["Donald Trump", "Vladimir Putin"], "call", mode="phone")],
    )
    much_later = report(
        "Donald Trump said a phone call with Vladimir Putin had been productive.",
        "2026-03-02",
        [Ev("CONSULT", ["Donald Trump", "Vladimir Putin"], "call", mode="phone")],
    )
    _ingest(store, [scenario.CALL_DAY_ONE, undated, much_later])
    assert _event_of(store, undated).event.articles == 2
    assert _event_of(store, much_later).event.articles == 1


def test_clustering_matches_a_country_actor_with_its_leader(store):
    countries = report(
        "Russia and the United States held a phone call on Thursday.",
        "2025-10-16",
        [Ev("CONSULT", ["Russia", "United States"], "call", mode="phone", date="2025-10-16")],
    )
    _ingest(store, [scenario.CALL_DAY_ONE, countries])
    assert _event_of(store, countries).event.articles == 2


def test_clustering_candidates_come_from_the_index(store):
    _ingest(store, scenario.STORY)
    with store.reading() as db:
        plan = " ".join(
            str(row[-1])
            for row in db.execute(
                "EXPLAIN QUERY PLAN SELECT DISTINCT canonical_id FROM canonical_keys "
                "WHERE type = ? AND key IN (?, ?) AND month IN (?, ?) LIMIT 400",
                ("CONSULT", "actor:a", "actor:b", "2025-10", "2025-11"),
            )
        )
    assert "canonical_keys_lookup" in plan


def test_clustering_takes_a_city_inside_the_region_and_names_the_city(store):
    region = report(
        "Vladimir Putin and Donald Trump met in Alaska on Friday.",
        "2025-08-16",
        [
            Ev(
                "CONSULT",
                ["Vladimir Putin", "Donald Trump"],
                "met",
                date="2025-08-15",
                place="Alaska",
            )
        ],
    )
    _ingest(store, [region, scenario.ALASKA_HELD])
    alaska = _event_of(store, region).event
    assert (alaska.articles, alaska.location, alaska.location_disputed) == (2, "Anchorage", False)


def test_clustering_shows_a_place_outlets_disagree_on(store):
    region = report(
        "Vladimir Putin and Donald Trump met in Alaska on Friday.",
        "2025-08-16",
        [
            Ev(
                "CONSULT",
                ["Vladimir Putin", "Donald Trump"],
                "met",
                date="2025-08-15",
                place="Alaska",
            )
        ],
    )
    washington = report(
        "Vladimir Putin and Donald Trump met in Washington on Friday, a report claimed.",
        "2025-08-16",
        [
            Ev(
                "CONSULT",
                ["Vladimir Putin", "Donald Trump"],
                "met",
                date="2025-08-15",
                place="Washington",
            )
        ],
    )
    _ingest(store, [region, washington])
    event = _event_of(store, washington).event
    assert event.articles == 2 and event.location_disputed  # Washington is not in Alaska


def test_clustering_keeps_a_far_city_out_of_the_region_on_another_day(store):
    region = report(
        "Vladimir Putin and Donald Trump met in Alaska on Friday.",
        "2025-08-16",
        [
            Ev(
                "CONSULT",
                ["Vladimir Putin", "Donald Trump"],
                "met",
                date="2025-08-15",
                place="Alaska",
            )
        ],
    )
    washington = report(
        "Vladimir Putin and Donald Trump met in Washington in August.",
        "2025-08-30",
        [
            Ev(
                "CONSULT",
                ["Vladimir Putin", "Donald Trump"],
                "met",
                date="2025-08",
                place="Washington",
            )
        ],
    )
    _ingest(store, [region, washington])
    assert _event_of(store, washington).event.articles == 1


def test_clustering_keeps_other_leaders_meeting_the_same_person_apart(store):
    other = report(
        "Kim Jong Un recalled meeting Donald Trump with Lee Jae-myung in August.",
        "2025-09-25",
        [
            Ev(
                "CONSULT",
                ["Kim Jong Un", "Lee Jae-myung", "Donald Trump"],
                "meeting",
                date="2025-08",
            )
        ],
    )
    _ingest(store, [scenario.ALASKA_HELD, other])
    assert _event_of(store, other).event.articles == 1


def test_clustering_does_not_take_a_new_plan_for_the_meeting_just_held(store):
    again = report(
        "Vladimir Putin and Donald Trump spoke by phone on Thursday and agreed to talk again soon.",
        "2025-10-16",
        [
            Ev(
                "CONSULT",
                ["Vladimir Putin", "Donald Trump"],
                "spoke",
                mode="phone",
                date="2025-10-16",
            ),
            Ev(
                "CONSULT",
                ["Vladimir Putin", "Donald Trump"],
                "talk",
                status="planned",
                date="2025-10",
            ),
        ],
    )
    _ingest(store, [again])
    assert _event_of(store, again, "e1").event.id != _event_of(store, again, "e2").event.id
