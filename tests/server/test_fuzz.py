"""Generated malformed requests: whatever arrives, the answer is a 2xx or a 4xx in the one shape.

``test_error_shape.py`` holds the table of known bad inputs; here Hypothesis
makes up bodies for the write routes (any JSON, any bytes, articles with
fields of the wrong type) and query strings for the events routes.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.server.conftest import TOKEN, make_client
from tests.server.test_error_shape import assert_error_shape

JSON_HEADERS = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
dates = st.sampled_from(["2025", "2025-10", "2025-10-16", "2025-02-30", "2025-13", "", "soon"])
articles = st.fixed_dictionaries(
    {"text": st.text(max_size=120) | json_values},
    optional={
        "published": dates | json_values,
        "title": st.text(max_size=30) | json_values,
        "url": st.text(max_size=30),
        "source": st.text(max_size=30),
        "extra": json_values,
    },
)
bodies = (
    json_values.map(lambda value: json.dumps(value).encode())
    | articles.map(lambda article: json.dumps(article).encode())
    | st.lists(articles, max_size=3).map(lambda found: json.dumps({"articles": found}).encode())
    | st.binary(max_size=120)
)


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory):
    with make_client(tmp_path_factory.mktemp("fuzz") / "store.db") as client:
        yield client


def assert_handled(response) -> None:
    assert response.status_code < 500, response.text[:300]
    if response.status_code >= 400:
        assert_error_shape(response, response.status_code)


@pytest.mark.parametrize("path", ["/api/extract", "/api/articles"])
@FUZZ
@given(body=bodies)
def test_any_body_on_a_write_route_is_answered_without_a_server_error(fuzzed, path, body):
    response = fuzzed.post(path, content=body, headers=JSON_HEADERS)
    assert_handled(response)
    assert response.status_code in (200, 201, 413, 422)


EVENT_PARAMETERS = [
    "actor", "country", "dyad", "type", "status", "since", "until", "place", "text",
    "limit", "offset", "view", "min_articles", "format",
]  # fmt: skip
queries = st.lists(
    st.tuples(
        st.sampled_from(EVENT_PARAMETERS),
        st.text(max_size=30) | st.integers(min_value=-(10**12), max_value=10**12).map(str),
    ),
    max_size=5,
)


@pytest.mark.parametrize(
    "path", ["/api/events", "/api/events/canonical", "/api/threads", "/api/export"]
)
@FUZZ
@given(query=queries)
def test_any_query_on_an_events_route_is_answered_without_a_server_error(client, path, query):
    response = client.get(path, params=query)
    assert_handled(response)
