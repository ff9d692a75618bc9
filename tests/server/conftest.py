"""A small store the team's story fills (no model), and a client of the app over it."""

from __future__ import annotations

import dataclasses
import warnings

import pytest

with warnings.catch_warnings():
    # Starlette 1.x nudges towards another HTTP client package; httpx is what the project has.
    warnings.simplefilter("ignore", UserWarning)
    from fastapi.testclient import TestClient

from communique.interfaces.server import create_app
from communique.pipeline import Extractor
from communique.records import (
    Actor,
    ActorKind,
    Article,
    Furniture,
    FurnitureKind,
    Mention,
    Provenance,
    Readout,
)
from communique.settings import Settings
from communique.store import Store
from communique.store.resolved import resolve_article
from tests.resolve import scenario
from tests.resolve.reports import Ev, report

TOKEN = "test-token-5d1e"

HOSTILE_TEXT = (
    'Officials said <script>alert("owned")</script> was posted by "Mallory <b>Bold</b>" '
    "and that Vladimir Putin met <img src=x onerror=alert(1)> in Budapest."
)
HOSTILE = dataclasses.replace(
    report(
        HOSTILE_TEXT,
        "2025-10-30",
        [Ev("CONSULT", ["Vladimir Putin"], "met", place="Budapest")],
        source="hostile<script>.txt",
    ),
)
HOSTILE = dataclasses.replace(
    HOSTILE,
    article=dataclasses.replace(
        HOSTILE.article,
        title='</title><script>alert("title")</script>',
        furniture=(
            Furniture(kind=FurnitureKind.CAPTION, text="<script>alert('caption')</script>"),
        ),
    ),
    actors=(
        *HOSTILE.actors,
        Actor(
            id="person/mallory",
            name="Mallory <b>Bold</b>",
            kind=ActorKind.PERSON,
            mentions=(
                Mention(
                    start_char=HOSTILE_TEXT.index("Mallory"),
                    end_char=HOSTILE_TEXT.index("Mallory") + len("Mallory <b>Bold</b>"),
                    text="Mallory <b>Bold</b>",
                ),
            ),
        ),
    ),
)
"""An article whose text, title, furniture, source and actor name carry markup."""


class StubExtractor(Extractor):
    """Cleans for real (limits included); the "analysis" finds nothing, without the model."""

    def analyse(self, article: Article) -> Readout:
        return Readout(
            article=article, provenance=Provenance(communique="test", model="stub", knowledge="-")
        )


@pytest.fixture(scope="session")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("server") / "store.db"
    with Store(path) as store:
        for readout in [*scenario.STORY, HOSTILE]:
            store.add(readout, then=resolve_article)
    return path


def make_client(path, *, token: str = TOKEN, **options) -> TestClient:
    settings = Settings(db=str(path), api_token=token, **options)
    app = create_app(settings, extractor=StubExtractor(settings))
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="session")
def client(store_path):
    """A client over the story store (read routes only: tests that write use their own store)."""
    with make_client(store_path) as opened:
        yield opened


@pytest.fixture()
def writable(tmp_path):
    """A client over an empty store of its own, for the write routes."""
    with make_client(tmp_path / "w.db") as opened:
        yield opened


@pytest.fixture(scope="session")
def hostile_id() -> str:
    return HOSTILE.article.id


@pytest.fixture(scope="session")
def story_id() -> str:
    return scenario.CALL_DAY_ONE.article.id
