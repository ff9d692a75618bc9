"""Threads: a plan followed to its outcome; the status follows the latest report."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.query import EventFilter, threads
from communique.records import EventStatus
from communique.resolve.canonical import CanonicalState
from communique.resolve.features import MentionFeatures
from communique.resolve.threads import LastReport, current_status, replacement_cue
from communique.store import Store
from communique.store.resolved import resolve_article
from tests.resolve import scenario
from tests.resolve.reports import Ev, report

P, OK, PP, C, D, N = (
    EventStatus.PLANNED,
    EventStatus.OCCURRED,
    EventStatus.POSTPONED,
    EventStatus.CANCELLED,
    EventStatus.DENIED,
    EventStatus.NEGATED,
)


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        ({P: ("2025-10-16", None)}, P),
        ({P: ("2025-10-16", None), PP: ("2025-10-22", None)}, PP),
        ({PP: ("2025-10-22", None), P: ("2025-11-07", None)}, PP),  # a recap undoes nothing
        ({PP: ("2025-10-22", None), P: ("2025-11-07", "2025-12-01")}, P),  # rescheduled
        ({P: ("2025-10-16", None), OK: ("2025-10-30", None)}, OK),
        ({P: ("2025-10-16", None), D: ("2025-10-20", None)}, P),  # a denial is no outcome
        ({OK: ("2025-08-16", None), C: ("2025-08-16", None)}, OK),
        ({OK: ("2025-10-22", None, 2), PP: ("2025-10-22", None), N: ("2025-10-22", None, 2)}, PP),
        ({P: ("2025-08-15", None), OK: ("2025-08-15", None)}, OK),  # on a tie, further on
        ({OK: ("2025-08-16", None), C: ("2025-08-20", None)}, C),
        ({D: ("2025-08-16", None)}, D),
        ({P: ("2025-10-16", None), N: ("2025-10-21", None)}, N),  # "no plans for a meeting"
        ({N: ("2025-10-21", None), OK: ("2025-08-16", None)}, OK),  # never undoes a meeting
    ],
)
def test_current_status(reports, expected):
    latest = {status: LastReport(*report) for status, report in reports.items()}
    assert current_status(latest) is expected


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The summit was called off; the ministers will meet instead.", True),
        ("A video call replaced the planned visit.", True),
        ("The summit was called off.", False),
    ],
)
def test_replacement_cue(text, cue):
    assert replacement_cue(text) is cue


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "s.db") as opened:
        yield opened


def _budapest(store):
    (thread,) = [
        t for t in threads(store, EventFilter(actor="Putin")) if t.event.location == "Budapest"
    ]
    return thread


def test_thread_follows_the_budapest_summit_from_plan_to_hold(store):
    for readout in scenario.STORY:
        store.add(readout, then=resolve_article)
    thread = _budapest(store)
    assert thread.event.status == "postponed"
    assert [(s.reported, s.status) for s in thread.steps] == [
        ("2025-10-16", "planned"),
        ("2025-10-22", "postponed"),
        ("2025-11-07", "planned"),
    ]
    hold = thread.steps[1].evidence[0]
    text = scenario.SUMMIT_ON_HOLD.article.text
    assert text[hold.start_char : hold.end_char] == hold.sentence
    assert "on hold" in hold.sentence


def test_thread_status_is_the_same_whatever_the_order(store):
    for readout in reversed(scenario.STORY):
        store.add(readout, then=resolve_article)
    assert _budapest(store).event.status == "postponed"


def test_thread_alaska_summit_ends_occurred(store):
    for readout in scenario.STORY:
        store.add(readout, then=resolve_article)
    found = threads(store, EventFilter(place="Anchorage"))
    assert [t.event.status for t in found] == ["occurred"]


def test_thread_links_a_replacement(store):
    text = (
        "Donald Trump called off the summit with Vladimir Putin in Budapest and will instead "
        "meet him in Geneva next month."
    )
    readout = report(
        text,
        "2025-10-23",
        [
            Ev(
                "CONSULT",
                ["Donald Trump", "Vladimir Putin"],
                "summit",
                status="cancelled",
                place="Budapest",
            ),
            Ev(
                "CONSULT",
                ["Donald Trump", "Vladimir Putin"],
                "meet",
                status="planned",
                place="Geneva",
            ),
        ],
    )
    store.add(scenario.CALL_DAY_ONE, then=resolve_article)
    store.add(readout, then=resolve_article)
    thread = _budapest(store)
    assert thread.event.status == "cancelled"
    (link,) = thread.links
    assert link.kind == "replaced_by" and link.other.location == "Geneva"


statuses = st.sampled_from(list(EventStatus))
reports_strategy = st.lists(
    st.tuples(st.integers(min_value=1, max_value=28), statuses), min_size=1, max_size=8
)


def _mention(day: int, status: EventStatus) -> MentionFeatures:
    return MentionFeatures(
        article_id=f"a{day}",
        event_id="e1",
        type="CONSULT",
        mode=None,
        status=status,
        date=None,
        published=f"2025-10-{day:02d}",
        participants=frozenset({"person/a", "person/b"}),
        countries=frozenset(),
        place=None,
        words=frozenset(),
        summary="",
        sentence="",
    )


@given(reports_strategy, st.randoms(use_true_random=False))
def test_canonical_status_does_not_depend_on_arrival_order(reports, rng):
    first, second = CanonicalState(type="CONSULT"), CanonicalState(type="CONSULT")
    for day, status in reports:
        first.absorb(_mention(day, status))
    shuffled = list(reports)
    rng.shuffle(shuffled)
    for day, status in shuffled:
        second.absorb(_mention(day, status))
    assert first.status == second.status
