"""The article view as a client without JavaScript gets it: the text and every extraction.

One hand-built readout carries every kind the view highlights (heading,
actor, place, time, event trigger, quote, speech cue, the words naming a
speaker, resolved or not) and furniture. The HTML is read as served (no
script runs), so what these tests find is what a browser with JavaScript off
shows.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from communique.clean.body import article_id
from communique.records import (
    Actor,
    ActorKind,
    Article,
    Event,
    EventType,
    Furniture,
    FurnitureKind,
    Mention,
    Place,
    PlaceKind,
    Quote,
    QuoteKind,
    Readout,
    Span,
    TimeExpression,
    TimeKind,
)
from communique.store import Store
from tests.server.conftest import make_client

TEXT = (
    "Fisheries talks resume\n\n"
    "Foreign Minister Ana Ruiz of Chile met her Peruvian counterpart Luis Soto in Lima on "
    "Tuesday. “We will keep talking,” said a senior diplomat after the meeting. "
    "“The sea is shared,” Ruiz told reporters."
)


def span(words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return Span(start_char=start, end_char=start + len(words), text=words)


def mention(words: str, nth: int = 0) -> Mention:
    found = span(words, nth)
    return Mention(start_char=found.start_char, end_char=found.end_char, text=words)


def quote(qid: str, words: str, **fields: object) -> Quote:
    found = span(words)
    return Quote(
        id=qid,
        kind=QuoteKind.DIRECT,
        text=words,
        start_char=found.start_char,
        end_char=found.end_char,
        **fields,  # type: ignore[arg-type]
    )


READOUT = Readout(
    article=Article(
        id=article_id(TEXT),
        source="/home/analyst/inbox/fisheries-talks.txt",
        published="2025-03-04",
        title="Fisheries talks resume",
        text=TEXT,
        headings=(span("Fisheries talks resume"),),
        furniture=(
            Furniture(kind=FurnitureKind.CAPTION, text="Image caption: boats in a harbour"),
        ),
    ),
    actors=(
        Actor(
            id="person/ana-ruiz",
            name="Ana Ruiz",
            kind=ActorKind.PERSON,
            country="CHL",
            mentions=(mention("Ana Ruiz"), mention("Ruiz", 1)),
        ),
        Actor(
            id="person/luis-soto",
            name="Luis Soto",
            kind=ActorKind.PERSON,
            country="PER",
            mentions=(mention("Luis Soto"),),
        ),
    ),
    places=(
        Place(
            id="place/lima",
            name="Lima",
            kind=PlaceKind.CITY,
            country="PER",
            lat=-12.05,
            lon=-77.04,
            mentions=(mention("Lima"),),
        ),
    ),
    times=(
        TimeExpression(
            id="t1",
            text="Tuesday",
            start_char=span("Tuesday").start_char,
            end_char=span("Tuesday").end_char,
            kind=TimeKind.DATE,
            value="2025-03-04",
        ),
    ),
    events=(
        Event(
            id="e1",
            type=EventType.CONSULT,
            actors=("person/ana-ruiz", "person/luis-soto"),
            location="place/lima",
            trigger=span("met"),
            sentence=span(
                "Foreign Minister Ana Ruiz of Chile met her Peruvian counterpart Luis Soto "
                "in Lima on Tuesday."
            ),
            summary="Ana Ruiz and Luis Soto met in Lima",
        ),
    ),
    quotes=(
        quote(
            "q1",
            "We will keep talking",
            speaker_text="a senior diplomat",
            speaker_span=span("a senior diplomat"),
            cue=span("said"),
        ),
        quote(
            "q2",
            "The sea is shared",
            speaker="person/ana-ruiz",
            speaker_text="Ruiz",
            speaker_span=span("Ruiz", 1),
            cue=span("told"),
        ),
    ),
)


class ArticleText(HTMLParser):
    """The text inside ``#article-text``, and for each highlight kind the text it covers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, set[str]]] = []
        self.inside = 0  # depth of the open #article-text element, 0 when outside
        self.text = ""
        self.by_kind: dict[str, list[str]] = {}
        self.last: tuple[int, frozenset[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if attributes.get("id") == "article-text":
            self.inside = len(self.stack) + 1
        self.stack.append((tag, classes))

    def handle_endtag(self, tag: str) -> None:
        if self.stack:
            self.stack.pop()
        if self.inside and len(self.stack) < self.inside:
            self.inside = 0

    def handle_data(self, data: str) -> None:
        if not self.inside:
            return
        kinds = frozenset(
            cls[2:] for _, classes in self.stack for cls in classes if cls.startswith("k-")
        )
        start = len(self.text)
        self.text += data
        for kind in kinds:
            pieces = self.by_kind.setdefault(kind, [])
            # adjacent runs of one kind make one highlighted stretch
            if self.last and self.last[0] == start and kind in self.last[1] and pieces:
                pieces[-1] += data
            else:
                pieces.append(data)
        self.last = (len(self.text), kinds)


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("article-view") / "store.db"
    with Store(path) as store:
        store.add(READOUT)
    with make_client(path) as client:
        response = client.get(f"/articles/{READOUT.article.id}", headers={"Accept": "text/html"})
    assert response.status_code == 200, response.text[:500]
    return response.text


@pytest.fixture(scope="module")
def parsed(page) -> ArticleText:
    parser = ArticleText()
    parser.feed(page)
    return parser


def test_article_view_without_script_shows_the_whole_text(parsed):
    assert parsed.text.strip() == TEXT


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("heading", ["Fisheries talks resume"]),
        ("actor", ["Ana Ruiz", "Luis Soto", "Ruiz"]),
        ("place", ["Lima"]),
        ("time", ["Tuesday"]),
        ("trigger", ["met"]),
        ("quote", ["We will keep talking", "The sea is shared"]),
        ("cue", ["said", "told"]),
        ("speaker", ["a senior diplomat", "Ruiz"]),
    ],
)
def test_article_view_without_script_highlights_each_kind(parsed, kind, expected):
    assert parsed.by_kind.get(kind) == expected


def test_article_view_names_the_speaker_of_each_quote_in_the_readout(page):
    readout_side = page[page.index('<aside class="readout"') :]
    assert "<strong>a senior diplomat</strong>" in readout_side
    assert "<strong>Ana Ruiz</strong>" in readout_side
    assert 'title="direct quote: Ana Ruiz"' in page  # the highlight says who spoke


def test_article_view_shows_furniture_apart_from_the_text(parsed, page):
    assert "boats in a harbour" not in parsed.text
    furniture = page[page.index('<section class="furniture">') :]
    assert "Image caption: boats in a harbour" in furniture


def test_article_view_shows_the_source_by_its_file_name(page):
    assert '<span class="source" title="/home/analyst/inbox/fisheries-talks.txt">' in page
    assert ">fisheries-talks.txt</span>" in page


def test_article_view_anchors_the_event_sentence_and_the_quotes(page):
    for anchor_id in ("event-e1", "quote-q1", "quote-q2"):
        assert f'id="{anchor_id}"' in page
