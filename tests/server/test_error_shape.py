"""One JSON error shape for every error, on every route; malformed requests never get a 500.

The shape (``communique.interfaces.server.errors``)::

    {"ok": false, "status": <the HTTP status>, "code": "...", "error": "a; b", "errors": ["a", "b"]}
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi import params
from fastapi.dependencies.utils import get_flat_params
from fastapi.routing import APIRoute

from communique.interfaces.server import errors
from communique.interfaces.server.pages import MODULES as PAGE_MODULES
from tests.server.conftest import TOKEN, make_client

AUTH = {"Authorization": f"Bearer {TOKEN}"}
JSON = {**AUTH, "Content-Type": "application/json"}


def assert_error_shape(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "status", "code", "error", "errors"}
    assert body["ok"] is False and body["status"] == status
    assert body["code"] == errors.CODES[status]
    assert body["errors"] and all(isinstance(m, str) and m for m in body["errors"])
    assert body["error"] == "; ".join(body["errors"])
    return body


# (route template, method, url, request options, expected status)
CASES = [
    ("/api/articles", "GET", "/api/articles?limit=0", {}, 422),
    ("/api/articles", "GET", "/api/articles?offset=-1", {}, 422),
    ("/api/articles", "GET", "/api/articles?limit=lots", {}, 422),
    ("/api/articles", "POST", "/api/articles", {"json": {"articles": []}}, 401),
    ("/api/articles", "POST", "/api/articles", {"content": b"{not json", "headers": JSON}, 422),
    ("/api/articles", "POST", "/api/articles", {"json": {"articles": "x"}, "headers": AUTH}, 422),
    ("/api/articles", "PUT", "/api/articles", {}, 405),
    ("/api/articles/{article_id}", "GET", "/api/articles/nothex", {}, 422),
    ("/api/articles/{article_id}", "GET", "/api/articles/ffffffff", {}, 404),
    ("/api/articles/{article_id}", "DELETE", "/api/articles/ffffffff", {}, 405),
    ("/api/extract", "POST", "/api/extract", {"json": {"text": "x"}}, 401),
    ("/api/extract", "POST", "/api/extract", {"json": {"text": 42}, "headers": AUTH}, 422),
    ("/api/extract", "POST", "/api/extract", {"json": ["a list"], "headers": AUTH}, 422),
    ("/api/extract", "POST", "/api/extract", {"content": b"\xff\xfe", "headers": JSON}, 422),
    ("/api/extract", "POST", "/api/extract", {"content": b"\x80", "headers": JSON}, 422),
    ("/api/extract", "POST", "/api/extract", {"headers": AUTH}, 422),
    ("/api/extract", "GET", "/api/extract", {}, 405),
    ("/api/events", "GET", "/api/events?type=BOGUS", {}, 422),
    ("/api/events", "GET", "/api/events?status=maybe", {}, 422),
    ("/api/events", "GET", "/api/events?since=yesterday", {}, 422),
    ("/api/events", "GET", "/api/events?dyad=Putin", {}, 422),
    ("/api/events", "GET", "/api/events?country=Atlantis", {}, 404),
    ("/api/events", "GET", "/api/events?limit=100000", {}, 422),
    ("/api/events", "DELETE", "/api/events", {}, 405),
    ("/api/events/canonical", "GET", "/api/events/canonical?until=2025-1", {}, 422),
    ("/api/events/canonical/{event_id}", "GET", "/api/events/canonical/ev-nope", {}, 404),
    ("/api/events/canonical/{event_id}", "GET", "/api/events/canonical/a%20b", {}, 422),
    ("/api/threads", "GET", "/api/threads?min_articles=0", {}, 422),
    ("/api/timeline", "GET", "/api/timeline", {}, 422),
    ("/api/timeline", "GET", "/api/timeline?a=Nobody+Known", {}, 404),
    ("/api/actors", "GET", "/api/actors?kind=robot", {}, 422),
    ("/api/actors", "GET", "/api/actors?country=Atlantis", {}, 404),
    ("/api/actors/{name}", "GET", "/api/actors/Nobody%20Known", {}, 404),
    ("/api/quotes", "GET", "/api/quotes?since=2025-99", {}, 422),
    ("/api/export", "GET", "/api/export?format=xml", {}, 422),
    ("/api/export", "GET", "/api/export?country=Atlantis", {}, 404),
    ("", "GET", "/api/no/such/route", {}, 404),
    ("", "POST", "/openapi.json", {}, 405),
]


@pytest.mark.parametrize(("route", "method", "url", "options", "status"), CASES)
def test_error_shape_on_every_route(client, route, method, url, options, status):
    assert_error_shape(client.request(method, url, **options), status)


def test_error_shape_cases_cover_every_api_route(client):
    # The OpenAPI document, not app.routes: FastAPI keeps included routers as opaque entries.
    document = client.app.openapi()
    routes = {
        (path, method.upper())
        for path, methods in document["paths"].items()
        for method in methods
        if path.startswith("/api")
    }
    assert len(routes) >= 12
    bad_input = {(route, method) for route, method, *_, status in CASES if route and status != 405}
    assert routes - bad_input == set()


def test_error_shape_when_writes_are_disabled(tmp_path):
    with make_client(tmp_path / "s.db", token="") as client:
        body = assert_error_shape(client.post("/api/extract", json={"text": "x"}), 403)
    assert "COMMUNIQUE_API_TOKEN" in body["error"]


def test_error_shape_of_a_body_too_large(tmp_path):
    with make_client(tmp_path / "s.db", max_bytes=100) as client:
        assert_error_shape(client.post("/api/extract", json={"text": "x" * 200}, headers=AUTH), 413)


def test_error_shape_of_an_unexpected_failure(client, monkeypatch):
    from communique.interfaces.server.routes import events

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(events, "event_reports", broken)
    body = assert_error_shape(client.get("/api/events"), 500)
    assert "a bug" not in body["error"]  # internals stay in the log


def test_a_page_answers_a_browser_with_an_html_error_of_the_same_status(client):
    response = client.get("/events?since=yesterday", headers={"Accept": "text/html"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert "expected a date" in response.text


def test_a_page_answers_other_clients_with_the_json_shape(client):
    assert_error_shape(client.get("/articles/ffffffff", headers={"Accept": "*/*"}), 404)


ODD_VALUES = [
    "",
    " ",
    "-1",
    "0",
    "9" * 30,
    "%",
    "_",
    "'; DROP TABLE events; --",
    "\x00",
    "😀",
    "x" * 500,
]


def _get_routes(client):
    document = client.app.openapi()
    for path, methods in document["paths"].items():
        if "get" in methods:
            yield path, list(methods["get"].get("parameters", []))


def test_odd_values_in_any_parameter_never_cause_a_server_error(client):
    for path, parameters in _get_routes(client):
        for parameter in parameters:
            for value in ODD_VALUES:
                url = path
                params = {}
                if parameter["in"] == "path":
                    url = path.replace("{" + parameter["name"] + "}", quote(value or "x", safe=""))
                else:
                    params[parameter["name"]] = value
                    url = path.replace("{article_id}", "ffff").replace("{event_id}", "ev-x")
                    url = url.replace("{name}", "Putin")
                response = client.get(url, params=params)
                assert response.status_code < 500, (url, params, response.text)
                if response.status_code >= 400:
                    assert_error_shape(response, response.status_code)


def _page_routes():
    """Every page's path template and its parameters (query and path), from the page routers."""
    for module in PAGE_MODULES:
        for route in module.router.routes:
            if isinstance(route, APIRoute) and "GET" in route.methods:
                yield route.path, get_flat_params(route.dependant)


PATH_FILLERS = {"article_id": "ffff", "event_id": "ev-x", "name": "Putin"}


def _page_url(path: str, field, value: str) -> tuple[str, dict[str, str]]:
    """The page with ``value`` in ``field`` and harmless values in its other path parameters."""
    filled = {**PATH_FILLERS}
    query = {field.alias: value}
    if isinstance(field.field_info, params.Path):
        filled[field.alias] = quote(value or "x", safe="")
        query = {}
    for name, filler in filled.items():
        path = path.replace(f"{{{name}}}", filler).replace(f"{{{name}:path}}", filler)
    return path, query


def test_page_routes_are_all_walked():
    assert {path for path, _ in _page_routes()} >= {
        "/", "/articles", "/articles/{article_id}", "/events", "/events/{event_id}", "/threads",
        "/timeline", "/network", "/map", "/actors", "/actors/{name:path}", "/quotes", "/docs",
    }  # fmt: skip


@pytest.mark.parametrize("accept", ["text/html", "application/json"])
def test_odd_values_in_any_page_parameter_never_cause_a_server_error(client, accept):
    for path, fields in _page_routes():
        for field in fields:
            for value in ODD_VALUES:
                url, query = _page_url(path, field, value)
                response = client.get(url, params=query, headers={"Accept": accept})
                assert response.status_code < 500, (url, query, response.text[:300])
                if response.status_code >= 400 and accept == "text/html":
                    assert response.headers["content-type"].startswith("text/html")
                    assert f"<h1>{response.status_code} · " in response.text
                elif response.status_code >= 400:
                    assert_error_shape(response, response.status_code)
