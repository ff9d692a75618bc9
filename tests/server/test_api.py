"""The JSON API over the story store: each route answers with the query layer's records."""

from __future__ import annotations

import csv
import io
import json

import pytest

from communique.codec import readout_to_json
from tests.resolve import scenario


def test_articles_lists_every_stored_article(client):
    body = client.get("/api/articles").json()
    assert len(body["items"]) == len(scenario.STORY) + 1
    assert body["next"] is None and body["offset"] == 0


def test_articles_pagination_links_the_next_page(client):
    body = client.get("/api/articles?limit=3").json()
    assert len(body["items"]) == 3
    assert body["next"] == "/api/articles?limit=3&offset=3"
    following = client.get(body["next"]).json()
    assert {a["id"] for a in following["items"]}.isdisjoint(a["id"] for a in body["items"])


def test_article_is_the_stored_readout_by_id_prefix(client, story_id, validate_readout):
    response = client.get(f"/api/articles/{story_id[:8]}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.text == readout_to_json(scenario.CALL_DAY_ONE)
    validate_readout(response.json())


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", 13),
        ("actor=Putin", 11),
        ("actor=Zelenskyy", 2),
        ("dyad=Putin&dyad=Trump", 10),
        ("country=UKR", 2),
        ("type=consult&status=planned", 4),
        ("status=postponed", 1),
        ("since=2025-10-17&until=2025-10", 5),
        ("place=budapest", 5),
        ("text=on+hold", 1),
        ("actor=Nobody+Atall", 0),
    ],
)
def test_events_filters_narrow_like_the_cli(client, query, expected):
    body = client.get(f"/api/events?{query}&limit=1000").json()
    assert len(body["items"]) == expected


def test_events_rows_carry_the_evidence_keys(client):
    row = client.get("/api/events?actor=Putin&limit=1").json()["items"][0]
    assert {"article_id", "event_id", "sentence", "canonical_id", "summary"} <= set(row)


def test_canonical_events_and_one_with_its_reports(client):
    events = client.get("/api/events/canonical?place=Budapest").json()["items"]
    assert events and all(e["location"] == "Budapest" for e in events)
    detail = client.get(f"/api/events/canonical/{events[0]['id']}").json()
    assert detail["event"]["id"] == events[0]["id"]
    assert detail["reports"] and all("sentence" in r for r in detail["reports"])


def test_threads_have_steps_with_evidence(client):
    threads = client.get("/api/threads?actor=Putin").json()["items"]
    assert threads
    steps = threads[0]["steps"]
    assert steps and steps[0]["evidence"][0]["sentence"]


def test_actors_and_one_profile_by_slashed_id(client):
    actors = client.get("/api/actors?name=Putin").json()["items"]
    assert actors[0]["name"] == "Vladimir Putin"
    profile = client.get(f"/api/actors/{actors[0]['id']}").json()
    assert profile["actor"]["id"] == actors[0]["id"]


def test_timeline_of_a_pair_counts_months(client):
    body = client.get("/api/timeline?a=Putin&b=Trump").json()
    assert body["subjects"] == ["Putin", "Trump"]
    assert body["points"] and sum(sum(c.values()) for c in body["by_month"].values()) == len(
        body["points"]
    )


def test_quotes_by_speaker(client):
    # the story has no quotes; the route still answers with an empty page
    assert client.get("/api/quotes?speaker=Ushakov").json()["items"] == []


@pytest.mark.parametrize(
    ("fmt", "media", "first_line"),
    [
        ("jsonl", "application/x-ndjson", '{"article"'),
        ("csv", "text/csv", "article_id,published,source"),
        ("plover", "application/x-ndjson", '{"id"'),
        ("cameo", "text/tab-separated-values", "GLOBALEVENTID\tSQLDATE"),
    ],
)
def test_export_streams_each_format(client, fmt, media, first_line):
    response = client.get(f"/api/export?format={fmt}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert "attachment" in response.headers["content-disposition"]
    assert response.text.startswith(first_line)


def test_export_with_a_filter_keeps_only_matching_events(client):
    rows = list(
        csv.DictReader(io.StringIO(client.get("/api/export?format=csv&status=postponed").text))
    )
    assert [row["status"] for row in rows] == ["postponed"]
    readouts = client.get("/api/export?format=jsonl&status=postponed").text.splitlines()
    assert len(readouts) == 1 and len(json.loads(readouts[0])["events"]) >= 1


def test_export_of_everything_counts_every_event(client):
    lines = client.get("/api/export?format=plover").text.splitlines()
    assert len(lines) == 13


def test_openapi_document_lists_the_routes(client):
    document = client.get("/openapi.json").json()
    assert {"/api/events", "/api/extract", "/api/articles", "/api/export"} <= set(document["paths"])
    assert "post" in document["paths"]["/api/articles"]
