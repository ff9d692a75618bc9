"""What the pages compute before drawing: highlight runs, chart, network and map layouts."""

from __future__ import annotations

import pytest

from communique.interfaces.server.pages.charts import day_of, timeline_chart
from communique.interfaces.server.pages.highlight import Mark, runs
from communique.interfaces.server.pages.network import network
from communique.interfaces.server.pages.palette import palette_css
from communique.interfaces.server.pages.worldmap import outline, project, world_map
from communique.interfaces.server.templating import (
    STATUS_COLOURS,
    TYPE_COLOURS,
    anchor,
    counted,
    query_string,
    source_name,
)
from communique.query.pages import PlacePoint
from communique.query.rows import ActorRef, CanonicalEvent, TimelinePoint
from communique.records import EventStatus, EventType


def test_runs_cut_overlapping_marks_at_every_boundary():
    text = "Putin said the talks went well."
    found = [
        Mark(0, 5, "actor", "Putin", "person/putin"),
        Mark(11, 30, "quote", "quote", "q1"),
        Mark(15, 20, "trigger", "CONSULT", "e1"),
    ]
    cut = runs(text, found)
    assert "".join(run.text for run in cut) == text
    assert [(run.text, run.kinds) for run in cut] == [
        ("Putin", ("actor",)),
        (" said ", ()),
        ("the ", ("quote",)),
        ("talks", ("quote", "trigger")),
        (" went well", ("quote",)),
        (".", ()),
    ]


def test_runs_place_anchors_where_they_start():
    cut = runs("One. Two.", [], {5: ["event-e2"]})
    assert [(run.text, run.anchors) for run in cut] == [("One. ", ()), ("Two.", ("event-e2",))]


@pytest.mark.parametrize(
    ("ref", "kind", "expected"),
    [("e1", "event", "event-e1"), ("event/3", "event", "event-3"), ("q 1<", "quote", "quote-q-1")],
)
def test_anchor_ids_are_plain_slugs(ref, kind, expected):
    assert anchor(ref, kind) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-10-16", "2025-10-16"),
        ("2025-10", "2025-10-15"),
        ("2025", "2025-07-01"),
        ("2025-W43", "2025-07-01"),
        ("2025-02-30", None),
        ("PRESENT_REF", None),
        (None, None),
    ],
)
def test_day_of_places_dates_of_every_precision(value, expected):
    from datetime import date

    day = day_of(value)
    assert (date.fromordinal(day).isoformat() if day else None) == expected


def _point(day: str | None, kind: str = "CONSULT", status: str = "occurred") -> TimelinePoint:
    return TimelinePoint(
        date=day, type=kind, mode=None, status=status, participants=(), location=None,
        sources=1, summary="s", event_id=f"ev-{day}",
    )  # fmt: skip


def test_timeline_chart_puts_one_lane_per_type_and_leaves_undated_out():
    chart = timeline_chart(
        [_point("2025-10-16"), _point("2025-11", "AGREE", "planned"), _point(None)]
    )
    assert [lane.label for lane in chart.lanes] == ["AGREE", "CONSULT"]
    assert len(chart.dots) == 2 and len(chart.undated) == 1
    first, second = sorted(chart.dots, key=lambda d: d.x)
    assert first.x < second.x and second.hollow and not first.hollow
    assert chart.ticks


def _event(event_id: str, kind: str, *names: str) -> CanonicalEvent:
    return CanonicalEvent(
        id=event_id, type=kind, mode=None, status="occurred", date="2025-10-16",
        date_disputed=False, location=None, location_disputed=False,
        participants=tuple(ActorRef(id=n, name=n.title()) for n in names),
        first_seen=None, last_seen=None, mentions=1, articles=1, sources=1, thread=False, summary=kind,
    )  # fmt: skip


def test_network_merges_events_of_one_pair_and_type():
    graph = network(
        [
            _event("a", "CONSULT", "putin", "trump"),
            _event("b", "CONSULT", "trump", "putin"),
            _event("c", "AGREE", "putin", "trump", "orban"),
        ]
    )
    edges = {(e.source, e.target, e.type): e.events for e in graph.edges}
    assert edges[("putin", "trump", "CONSULT")] == 2
    assert edges[("orban", "trump", "AGREE")] == 1
    assert {node.id for node in graph.nodes} == {"putin", "trump", "orban"}
    assert all(0 < node.x < graph.size and 0 < node.y < graph.size for node in graph.nodes)


def test_network_keeps_the_most_connected_actors():
    graph = network(
        [_event("a", "CONSULT", "a", "b"), _event("b", "CONSULT", "a", "c")], max_nodes=2
    )
    assert len(graph.nodes) == 2 and graph.left_out == 1


def test_world_outline_is_bundled_with_every_country():
    countries = {iso3 for iso3, _, _ in outline()}
    assert len(outline()) > 170 and {"RUS", "USA", "HUN", "UKR", "BRA"} <= countries


@pytest.mark.parametrize(
    ("lat", "lon", "xy"),
    [(0, 0, (180, 90)), (47.5, 19.04, (199.04, 42.5)), (-33.9, -70.6, (109.4, 123.9))],
)
def test_project_is_equirectangular(lat, lon, xy):
    assert project(lat, lon) == xy


def test_world_map_shades_countries_by_their_events():
    point = PlacePoint(
        name="Budapest", country="HUN", kind="city", lat=47.5, lon=19.04, events=3,
        types=(("CONSULT", 3),), latest=(),
    )  # fmt: skip
    drawn = world_map([point], TYPE_COLOURS)
    shades = {c.iso3: c.shade for c in drawn.countries}
    assert shades["HUN"] == 4 and shades["FRA"] == 0
    assert drawn.markers[0].colour == TYPE_COLOURS["CONSULT"]


def test_palette_has_a_colour_for_every_type_and_status():
    assert set(TYPE_COLOURS) == {t.value for t in EventType}
    assert set(STATUS_COLOURS) == {s.value for s in EventStatus}
    css = palette_css()
    assert all(f".type-{t}{{" in css for t in TYPE_COLOURS)


@pytest.mark.parametrize(
    ("params", "changes", "expected"),
    [
        ({"actor": "Putin", "offset": 50}, {"offset": 0}, "?actor=Putin"),
        ({"actor": ""}, {}, ""),
        ({"dyad": ["A", "B"]}, {"format": "csv"}, "?dyad=A&dyad=B&format=csv"),
    ],
)
def test_query_string_drops_blanks_and_keeps_repeated_values(params, changes, expected):
    assert query_string(params, **changes) == expected


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("/work/main/examples/articles/2025-10-16_call.txt", "2025-10-16_call.txt"),
        ("/work/main/examples/feeds/wire.jsonl#L3", "wire.jsonl#L3"),
        ("https://news.example.org/world/2025/10/talks-resume", "news.example.org/…/talks-resume"),
        ("https://news.example.org/talks", "news.example.org/talks"),
        ("https://news.example.org/", "news.example.org"),
        ("call.txt", "call.txt"),
        (None, ""),
    ],
)
def test_source_name_keeps_what_a_reader_scans(source, shown):
    assert source_name(source) == shown


@pytest.mark.parametrize(
    ("number", "shown"),
    [(0, "0 articles"), (1, "1 article"), (2, "2 articles"), (1200, "1,200 articles")],
)
def test_counted_is_plural_unless_one(number, shown):
    assert counted(number, "article") == shown
