"""The pages: each renders, text from articles stays text, every asset is local."""

from __future__ import annotations

import re

import pytest

from communique.interfaces.server.security import CONTENT_SECURITY_POLICY

PAGES = [
    "/",
    "/articles",
    "/articles/{story}",
    "/articles/{hostile}",
    "/events",
    "/events?view=canonical",
    "/events?actor=Putin&status=planned",
    "/events/{canonical}",
    "/threads",
    "/threads?min_articles=1",
    "/timeline",
    "/timeline?a=Putin&b=Trump",
    "/network",
    "/map",
    "/actors",
    "/actors/person/vladimir-putin",
    "/quotes",
    "/docs",
]


@pytest.fixture(scope="module")
def canonical_id(client):
    return client.get("/api/events/canonical?limit=1").json()["items"][0]["id"]


@pytest.fixture(scope="module")
def rendered(client, story_id, hostile_id, canonical_id):
    """Every page's HTML, by its URL template."""
    out = {}
    for template in PAGES:
        url = template.format(story=story_id, hostile=hostile_id, canonical=canonical_id)
        response = client.get(url, headers={"Accept": "text/html"})
        assert response.status_code == 200, (url, response.text[:500])
        assert response.headers["content-type"].startswith("text/html")
        out[template] = response.text
    return out


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_with_the_navigation(rendered, page):
    assert '<nav aria-label="Sections">' in rendered[page]


@pytest.mark.parametrize("page", PAGES)
def test_page_keeps_markup_from_articles_inert(rendered, page):
    html = rendered[page]
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<b>Bold</b>" not in html


def test_article_view_shows_markup_in_the_text_as_text(rendered):
    html = rendered["/articles/{hostile}"]
    assert "&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt;" in html
    assert "Mallory &lt;b&gt;Bold&lt;/b&gt;" in html
    assert "&lt;/title&gt;&lt;script&gt;" in html  # the title, in <title> and <h1>
    assert "&lt;script&gt;alert(&#39;caption&#39;)&lt;/script&gt;" in html  # furniture


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_no_inline_script(rendered, page):
    for tag in re.findall(r"<script[^>]*>", rendered[page]):
        assert 'src="/static/' in tag or 'type="application/json"' in tag, tag


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_nothing_from_another_host(rendered, page):
    links = re.findall(r'(?:src|href|action)="([^"]*)"', rendered[page])
    assert links
    assert not [link for link in links if re.match(r"(?i)^(https?:)?//", link)]


@pytest.mark.parametrize(
    "asset", ["/static/app.css", "/static/article.js", "/static/network.js", "/palette.css"]
)
def test_static_assets_reference_no_other_host(client, asset):
    response = client.get(asset)
    assert response.status_code == 200
    assert not re.search(r"(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", response.text)


@pytest.mark.parametrize("url", ["/", "/api/events", "/static/app.css", "/api/nothing"])
def test_responses_carry_the_security_headers(client, url):
    headers = client.get(url).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


def test_article_view_highlights_on_the_server(rendered):
    html = rendered["/articles/{story}"]
    assert re.search(r'<span class="hl k-actor"[^>]*>Vladimir Putin</span>', html)
    assert re.search(r'<span class="hl k-trigger"[^>]*>spoke</span>', html)
    assert 'id="event-e1"' in html


def test_article_view_underlines_the_sentence_of_the_linked_event(client, story_id):
    html = client.get(f"/articles/{story_id}?event=e2").text
    focused = re.findall(r'<span class="hl[^"]*k-focus[^"]*"[^>]*>([^<]*)</span>', html)
    assert "".join(focused).startswith("The two leaders agreed to")


def test_events_table_links_each_row_to_its_evidence(client, story_id):
    html = client.get("/events?actor=Zelenskyy").text
    assert len(re.findall(r'class="evidence"', html)) == 2
    assert f"/articles/{story_id}?event=e1#event-e1" in client.get("/events").text


def test_events_filter_form_keeps_the_values_given(client):
    html = client.get("/events?actor=Putin&type=consult&since=2025-10").text
    assert 'name="actor" value="Putin"' in html
    assert '<option value="CONSULT" selected>' in html
    assert 'name="since" value="2025-10"' in html


def test_blank_form_fields_mean_no_filter(client):
    everything = client.get("/events").text
    blank = client.get("/events?actor=&country=&type=&status=&since=&until=&place=&text=").text
    assert everything.count('class="evidence"') == blank.count('class="evidence"')


def test_threads_page_lists_steps_with_evidence(rendered):
    html = rendered["/threads"]
    assert 'class="steps"' in html and "postponed" in html
    assert 'class="evidence"' in html


def test_map_draws_the_outline_and_event_places(rendered):
    html = rendered["/map"]
    assert html.count('class="country') > 150
    assert re.search(r'<circle class="marker" cx="199.04" cy="42.5"', html)  # Budapest


def test_timeline_chart_is_drawn_on_the_server(rendered):
    html = rendered["/timeline?a=Putin&b=Trump"]
    assert '<svg id="timeline-chart"' in html and html.count('class="dot"') >= 3


def test_network_joins_the_participants(rendered):
    html = rendered["/network"]
    assert 'data-id="person/vladimir-putin"' in html and 'class="edge"' in html


def test_events_page_exports_the_filtered_events_in_every_format(client):
    html = client.get("/events?actor=Putin&status=planned").text
    links = re.findall(r'href="(/api/export\?[^"]+)"', html)
    formats = {re.search(r"format=(\w+)", link).group(1) for link in links}
    assert formats == {"jsonl", "csv", "plover", "cameo"}
    everything = client.get("/api/export?format=plover").text.splitlines()
    for link in links:
        assert "actor=Putin" in link and "status=planned" in link
        response = client.get(link.replace("&amp;", "&"))
        assert response.status_code == 200, link
        if "format=plover" in link:
            exported = response.text.splitlines()
            assert 0 < len(exported) < len(everything)
