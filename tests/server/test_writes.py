"""The write routes: the token, extraction without storing, ingesting one or more articles."""

from __future__ import annotations

import pytest

from communique.interfaces.server.schemas import MAX_ARTICLES
from communique.store import Store
from tests.server.conftest import TOKEN, make_client

AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {
    "text": "The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss fisheries.",
    "published": "2025-03-04",
    "title": "Ministers meet",
}


@pytest.mark.parametrize("path", ["/api/extract", "/api/articles"])
def test_writes_refused_when_no_token_is_configured(tmp_path, path):
    body = ARTICLE if path == "/api/extract" else {"articles": [ARTICLE]}
    with make_client(tmp_path / "s.db", token="") as client:
        response = client.post(path, json=body, headers=AUTH)
    assert response.status_code == 403
    assert "COMMUNIQUE_API_TOKEN" in response.json()["error"]


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Bearer wrong-token"}, 401),
        ({"Authorization": f"Basic {TOKEN}"}, 401),
        ({"Authorization": "Bearer "}, 401),
        (AUTH, 200),
    ],
)
def test_extract_needs_the_bearer_token(writable, headers, status):
    response = writable.post("/api/extract", json=ARTICLE, headers=headers)
    assert response.status_code == status
    if status == 401:
        assert response.headers["www-authenticate"].startswith("Bearer")


def test_extract_returns_a_readout_and_stores_nothing(writable, validate_readout):
    response = writable.post("/api/extract", json=ARTICLE, headers=AUTH)
    readout = response.json()
    validate_readout(readout)
    assert readout["article"]["published"] == "2025-03-04"
    assert writable.get("/api/articles").json()["items"] == []


def test_ingest_stores_then_reports_unchanged(writable):
    first = writable.post("/api/articles", json={"articles": [ARTICLE]}, headers=AUTH)
    assert first.status_code == 201
    assert first.json()["stored"] == 1
    article_id = first.json()["results"][0]["article_id"]
    assert writable.get(f"/api/articles/{article_id}").status_code == 200
    again = writable.post("/api/articles", json={"articles": [ARTICLE]}, headers=AUTH)
    assert again.status_code == 200
    assert again.json()["results"][0]["outcome"] == "unchanged"


def test_ingest_records_a_bad_article_and_stores_the_rest(tmp_path):
    too_long = {"text": "word " * 400}
    with make_client(tmp_path / "s.db", max_chars=1000) as client:
        response = client.post(
            "/api/articles", json={"articles": [too_long, ARTICLE]}, headers=AUTH
        )
    body = response.json()
    assert [r["outcome"] for r in body["results"]] == ["failed", "stored"]
    assert "max_chars" in body["results"][0]["error"]
    with Store(tmp_path / "s.db", readonly=True) as store:
        assert store.failures()[0].stage == "clean"


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"articles": []}, "body.articles"),
        ({"articles": [ARTICLE] * (MAX_ARTICLES + 1)}, "body.articles"),
        ({"articles": [{"text": "   "}]}, "body.articles.0.text"),
        ({"articles": [{**ARTICLE, "published": "2025-02-30"}]}, "body.articles.0.published"),
        ({"articles": [{**ARTICLE, "published": "yesterday"}]}, "body.articles.0.published"),
        ({"articles": [{**ARTICLE, "colour": "red"}]}, "body.articles.0.colour"),
        ({"article": ARTICLE}, "body.articles"),
    ],
)
def test_ingest_rejects_malformed_bodies(writable, body, problem):
    response = writable.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 422
    assert any(message.startswith(problem) for message in response.json()["errors"])


def test_a_body_over_the_size_limit_is_refused(tmp_path):
    with make_client(tmp_path / "s.db", max_bytes=2000) as client:
        response = client.post("/api/extract", json={"text": "x" * 5000}, headers=AUTH)
    assert response.status_code == 413
    assert "max_bytes" in response.json()["error"]


def test_a_chunked_body_over_the_limit_is_refused_while_read(tmp_path):
    def chunks():
        yield b'{"text": "'
        for _ in range(10):
            yield b"x" * 500
        yield b'"}'

    with make_client(tmp_path / "s.db", max_bytes=2000) as client:
        response = client.post(
            "/api/extract",
            content=chunks(),
            headers={**AUTH, "Content-Type": "application/json"},
        )
    assert response.status_code == 413
