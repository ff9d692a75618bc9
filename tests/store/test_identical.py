"""SQLite and PostgreSQL answer every query identically on the same input.

The same readouts are stored and resolved into both; then every read function
of the query layer and of the store is called with a table of arguments, and
the records must be equal, in the same order.
"""

import dataclasses

import pytest

from communique import query
from communique.errors import NotFoundError
from communique.query import EventFilter
from communique.query.pages import article_mentions, event_places
from communique.query.reports import event_reports
from communique.settings import Settings
from communique.store import Store
from communique.store.resolved import resolve_article
from tests.conftest import EXAMPLES
from tests.resolve import scenario
from tests.resolve.reports import Ev, report
from tests.store.backends import postgres_schema

pytestmark = pytest.mark.postgres

QUOTED = report(
    "Yuri Ushakov said the call had been frank. Caroline Leavitt told reporters: the talks went well.",
    "2025-10-18",
    [Ev("CONSULT", ["Yuri Ushakov", "Caroline Leavitt"], "talks")],
    quotes=[
        ("Yuri Ushakov", "the call had been frank"),
        ("Caroline Leavitt", "the talks went well"),
    ],
)
UNDATED = dataclasses.replace(
    QUOTED,
    article=dataclasses.replace(
        QUOTED.article, id="undated00000001", published=None, source="undated.txt"
    ),
)
READOUTS = [*scenario.STORY, QUOTED, UNDATED]

FILTERS = [
    EventFilter(),
    EventFilter(actor="Putin"),
    EventFilter(actor="zelenskyy"),
    EventFilter(dyad=("Putin", "Trump")),
    EventFilter(country="UKR"),
    EventFilter(country="Russia"),
    EventFilter(type="consult", status="planned"),
    EventFilter(since="2025-10-17", until="2025-10"),
    EventFilter(until="2025-08"),
    EventFilter(place="BUDAPEST"),
    EventFilter(text="on hold"),
    EventFilter(text="100%_"),
    EventFilter(actor="Nobody Atall"),
]
PAGES = [(100, 0), (3, 0), (3, 3), (2, 11)]


def _examples(extractor):
    """Readouts of the team's example articles, pages and feeds, by the real pipeline."""
    from communique.jobs import read_inputs
    from communique.records import RawArticle

    items = read_inputs([EXAMPLES / "articles", EXAMPLES / "pages", EXAMPLES / "feeds"], Settings())
    return [extractor.extract(item) for item in items if isinstance(item, RawArticle)]


@pytest.fixture(scope="module", params=["story", pytest.param("examples", marks=pytest.mark.model)])
def stores(request, tmp_path_factory):
    """The same readouts stored and resolved into a SQLite file and a PostgreSQL schema.

    ``story``: the team's hand-built readouts; ``examples``: the example
    articles through the real pipeline.
    """
    if request.param == "story":
        readouts = READOUTS
    else:
        readouts = _examples(request.getfixturevalue("extractor"))
    path = tmp_path_factory.mktemp("identical") / "s.db"
    with postgres_schema() as url, Store(path) as lite, Store(url) as pg:
        for readout in readouts:
            for store in (lite, pg):
                store.add(readout, then=resolve_article)
        yield lite, pg


def _same(stores, call):
    """``call(store)`` on both; equal results, or the same kind of error."""
    answers = []
    for store in stores:
        try:
            answers.append(call(store))
        except NotFoundError as e:
            answers.append(("NotFoundError", str(e)))
    assert answers[0] == answers[1]
    return answers[0]


@pytest.mark.parametrize("query_filter", FILTERS, ids=repr)
@pytest.mark.parametrize(("limit", "offset"), PAGES)
def test_identical_events(stores, query_filter, limit, offset):
    _same(stores, lambda s: query.events(s, query_filter, limit=limit, offset=offset))
    _same(stores, lambda s: event_reports(s, query_filter, limit=limit, offset=offset))
    _same(stores, lambda s: query.canonical_events(s, query_filter, limit=limit, offset=offset))


@pytest.mark.parametrize("query_filter", FILTERS, ids=repr)
def test_identical_threads_and_places(stores, query_filter):
    for minimum in (1, 2):
        _same(stores, lambda s, m=minimum: query.threads(s, query_filter, min_articles=m))
    _same(stores, lambda s: query.canonical_events(s, query_filter, threads_only=True))
    _same(stores, lambda s: event_places(s, query_filter))


def test_identical_canonical_event_details(stores):
    every = _same(stores, lambda s: query.canonical_events(s, limit=1000))
    assert every
    for event in every:
        _same(stores, lambda s, e=event: query.canonical_event(s, e.id))
        _same(stores, lambda s, e=event: query.canonical_event(s, e.id[:6]))


@pytest.mark.parametrize("speaker", [None, "Ushakov", "Yury Ushakov", "Karoline Leavitt", "x"])
@pytest.mark.parametrize("text", [None, "frank", "%"])
def test_identical_quotes(stores, speaker, text):
    _same(stores, lambda s: query.quotes(s, speaker=speaker, text=text))
    _same(stores, lambda s: query.quotes(s, speaker=speaker, since="2025-10-18", until="2025-10"))


def test_identical_actors_and_profiles(stores):
    every = _same(stores, lambda s: query.actors(s, limit=1000))
    assert len(every) >= 5
    for kind, country, name in [("person", None, None), (None, "RUS", None), (None, None, "tru")]:
        _same(
            stores, lambda s, k=kind, c=country, n=name: query.actors(s, kind=k, country=c, name=n)
        )
    _same(stores, lambda s: query.actors(s, limit=3, offset=2))
    for actor in every:
        _same(stores, lambda s, a=actor: query.actor_profile(s, a.id))
    _same(stores, lambda s: query.actor_profile(s, "Zelenskiy"))


@pytest.mark.parametrize(
    ("first", "second"),
    [("Putin", "Trump"), ("UKR", None), ("Russia", None), ("Trump", None), ("Nobody", None)],
)
def test_identical_timelines(stores, first, second):
    points = _same(stores, lambda s: query.timeline(s, first, second))
    if isinstance(points, list):
        assert query.by_month(points) is not None
    _same(stores, lambda s: query.timeline(s, first, second, since="2025-10", until="2025-10"))


def test_identical_store_reads(stores):
    _same(stores, lambda s: [dataclasses.replace(a, ingested_at="") for a in s.articles()])
    _same(stores, lambda s: [r.article.id for r in s.readouts()])
    _same(stores, lambda s: list(s.readouts()))
    _same(stores, lambda s: s.failures())
    for article in stores[0].articles():
        _same(stores, lambda s, a=article: s.get(a.id))
        _same(stores, lambda s, a=article: article_mentions(s, a.id))
    for table in ("articles", "actors", "places", "events", "quotes", "sources"):
        _same(stores, lambda s, t=table: s.count(t))


def test_identical_resolution_tables(stores):
    """What resolution wrote, row for row (the signature bytes included)."""
    tables = {
        "registry": "id", "registry_names": "kind, key, actor_id", "actor_links": "article_id, local_id",
        "actor_roles": "actor_id, article_id, title", "canonical_events": "id",
        "canonical_keys": "canonical_id, type, key, month", "canonical_actors": "canonical_id, actor_id",
        "event_mentions": "article_id, event_id", "mention_actors": "article_id, event_id, actor_id",
        "thread_links": "from_id, to_id, kind, article_id", "article_bands": "article_id, band, bucket",
        "resolved_articles": "article_id",
    }  # fmt: skip
    counted = {}
    for table, order in tables.items():
        columns = (
            "*" if table != "resolved_articles" else "article_id, group_id, similarity, signature"
        )

        def rows(store, table=table, order=order, columns=columns):
            with store.reading() as db:
                found = db.execute(f"SELECT {columns} FROM {table} ORDER BY {order}").fetchall()
            return [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in found]

        counted[table] = len(_same(stores, rows))
    assert counted["canonical_events"] and counted["event_mentions"] and counted["registry"]
