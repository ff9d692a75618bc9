"""The pages in headless Chromium over the bundled examples, as an analyst uses them."""

from __future__ import annotations

import json
import urllib.request

import pytest

from tests.browser.conftest import TOKEN

pytestmark = [pytest.mark.browser, pytest.mark.model]

PAGES = [
    # name, path, heading, what the examples put on the page (selector, at least this many)
    ("home", "/", "What the store holds", ("ul li a[href^='/articles/']", 10)),
    ("articles", "/articles", "Articles", ("table.data tbody tr", 20)),
    ("events", "/events", "Events", ("#events-table tbody tr", 40)),
    ("events-canonical", "/events?view=canonical", "Events", ("#events-table tbody tr", 40)),
    ("threads", "/threads", "Threads", ("section.thread li.step", 5)),
    ("timeline", "/timeline?a=Putin&b=Trump", "Timeline", ("#timeline-chart .dot", 3)),
    ("network", "/network", "Who engaged whom", ("#network .edge", 20)),
    ("map", "/map", "Where events happen", ("circle.marker", 5)),
    ("actors", "/actors", "Actors", ("table.data tbody tr", 20)),
    ("actor", "/actors/person/vladimir-putin", "Vladimir Putin", ("main li", 5)),
    ("quotes", "/quotes", "Who said what", ("table.data tbody tr", 40)),
    ("api", "/docs", "The JSON API", ("main code", 5)),
]


def _get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def _article_id(server: str, words: str) -> str:
    articles = _get_json(f"{server}/api/articles?limit=100")["items"]
    return next(a["id"] for a in articles if words in (a["title"] or ""))


def _severe(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


@pytest.mark.parametrize(("name", "path", "heading", "content"), PAGES)
def test_page_loads_with_the_examples(server, browser, screenshot, name, path, heading, content):
    from selenium.webdriver.common.by import By

    browser.get(server + path)
    assert heading in browser.find_element(By.TAG_NAME, "h1").text
    assert _severe(browser) == []  # no blocked asset, no script error, no CSP violation
    selector, at_least = content
    assert len(browser.find_elements(By.CSS_SELECTOR, selector)) >= at_least  # the examples
    screenshot(browser, f"page-{name}")


def test_real_event_page_shows_every_report(server, browser, screenshot):
    from selenium.webdriver.common.by import By

    found = _get_json(f"{server}/api/events/canonical?actor=Putin&limit=200")["items"]
    most = max(found, key=lambda event: event["mentions"])
    browser.get(f"{server}/events/{most['id']}")
    assert most["summary"] in browser.find_element(By.TAG_NAME, "h1").text
    reports = browser.find_elements(By.CSS_SELECTOR, "ol.cards li.card")
    assert len(reports) == most["mentions"] >= 2
    assert all(card.find_elements(By.CSS_SELECTOR, "a.evidence") for card in reports)
    assert _severe(browser) == []
    screenshot(browser, "page-event")


def test_filter_narrows_the_events_table(server, browser, screenshot):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.expected_conditions import staleness_of
    from selenium.webdriver.support.ui import Select, WebDriverWait

    browser.get(f"{server}/events?limit=500")
    everything = browser.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")
    browser.find_element(By.NAME, "actor").send_keys("Putin")
    Select(browser.find_element(By.NAME, "status")).select_by_value("planned")
    table = browser.find_element(By.ID, "events-table")
    browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    WebDriverWait(browser, 30).until(staleness_of(table))  # the filtered page replaced it
    rows = browser.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")
    assert "actor=Putin" in browser.current_url and "status=planned" in browser.current_url
    assert 0 < len(rows) < len(everything)
    for row in rows:
        cells = row.find_elements(By.TAG_NAME, "td")
        assert cells[3].text == "planned"
        assert "Putin" in cells[4].text
    screenshot(browser, "events-filtered")


def test_evidence_link_opens_the_article_at_the_sentence(server, browser, screenshot):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.expected_conditions import staleness_of
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{server}/events?actor=Putin&type=CONSULT")
    link = browser.find_element(By.CSS_SELECTOR, "a.evidence")
    target = link.get_attribute("href").split("#")[1]
    link.click()
    WebDriverWait(browser, 30).until(staleness_of(link))
    anchor = browser.find_element(By.ID, target)
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", anchor)
    assert 0 <= top < 400  # scrolled to the evidence
    assert browser.find_elements(By.CSS_SELECTOR, ".hl.k-focus")
    screenshot(browser, "article-evidence")


def test_article_shows_its_highlighted_extractions(server, browser, screenshot):
    from selenium.webdriver.common.by import By

    article_id = _article_id(server, "agree to meet in Budapest")
    browser.get(f"{server}/articles/{article_id}")
    text = browser.find_element(By.ID, "article-text")
    kinds = {
        kind: [el.text for el in text.find_elements(By.CSS_SELECTOR, f".hl.k-{kind}")]
        for kind in ("actor", "place", "time", "quote", "trigger")
    }
    assert all(kinds.values()), {k: len(v) for k, v in kinds.items()}
    assert "Vladimir Putin" in kinds["actor"] and "Budapest" in kinds["place"]
    furniture = browser.find_element(By.CSS_SELECTOR, "section.furniture").text
    assert "Image source" in furniture or "photo credit" in furniture.lower()
    browser.find_element(By.CSS_SELECTOR, "#legend input[value=actor]").click()
    assert "hide-actor" in text.get_attribute("class")  # the legend's script works
    screenshot(browser, "article")


def test_article_shows_text_and_extractions_with_javascript_off(
    server, browser_without_javascript, screenshot
):
    from selenium.webdriver.common.by import By

    driver = browser_without_javascript
    article_id = _article_id(server, "agree to meet in Budapest")
    driver.get(f"{server}/articles/{article_id}")
    text = driver.find_element(By.ID, "article-text")
    assert "held a telephone conversation" in text.text
    assert text.find_elements(By.CSS_SELECTOR, ".hl.k-actor")
    assert text.find_elements(By.CSS_SELECTOR, ".hl.k-quote")
    assert driver.find_elements(By.CSS_SELECTOR, "aside.readout .card")
    screenshot(driver, "article-no-javascript")


def test_thread_shows_its_steps(server, browser, screenshot):
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/threads?actor=Putin")
    sections = browser.find_elements(By.CSS_SELECTOR, "section.thread")
    budapest = next(s for s in sections if "Budapest" in s.find_element(By.TAG_NAME, "h2").text)
    steps = budapest.find_elements(By.CSS_SELECTOR, "li.step")
    statuses = [s.find_element(By.CSS_SELECTOR, ".badge").text for s in steps]
    assert len(steps) >= 2 and "planned" in statuses
    assert budapest.find_elements(By.CSS_SELECTOR, "a.evidence")
    browser.execute_script("arguments[0].scrollIntoView()", budapest)
    screenshot(browser, "thread-budapest")


def test_network_is_laid_out_by_its_script(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/network")
    svg = browser.find_element(By.ID, "network")
    assert "laid-out" in svg.get_attribute("class")
    assert len(svg.find_elements(By.CSS_SELECTOR, ".node")) > 5


def test_posted_markup_shows_as_text_and_runs_nothing(server, browser, screenshot):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    body = json.dumps(
        {
            "articles": [
                {
                    "title": "<script>alert('title')</script>Talks",
                    "published": "2025-11-20",
                    "text": "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in "
                    "Lima on Tuesday. <script>alert('text')</script> Boric said "
                    "<img src=x onerror=alert('img')> the talks went well.",
                }
            ]
        }
    ).encode()
    request = urllib.request.Request(
        f"{server}/api/articles",
        data=body,
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        stored = json.loads(response.read())
    article_id = stored["results"][0]["article_id"]
    browser.get(f"{server}/articles/{article_id}")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    text = browser.find_element(By.ID, "article-text").text
    assert "<script>alert('text')</script>" in text
    assert "<img src=x onerror=alert('img')>" in text
    assert "<script>" in browser.find_element(By.TAG_NAME, "h1").text
    screenshot(browser, "article-markup-as-text")
