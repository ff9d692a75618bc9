"""The server's app factory: the JSON API under ``/api``, the pages, the static files.

``create_app(settings)`` is all a caller needs (``communique serve`` runs it
under uvicorn; tests call it with a temporary store). The store is created
and migrated when the app is made, so the read-only connections of the
request threads always find the current schema.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from communique import __version__
from communique.errors import StoreReadOnlyError
from communique.interfaces.server import errors
from communique.interfaces.server.pages import pages
from communique.interfaces.server.routes import api
from communique.interfaces.server.security import BodyLimit, SecurityHeaders
from communique.interfaces.server.state import ExtractorLike, Readers, ServerState, Worker
from communique.interfaces.server.templating import HERE
from communique.settings import Settings, load_settings
from communique.store import Store

DESCRIPTION = """Diplomatic and political news as evidence-linked event data.

Reads (`GET`) need nothing. Writes (`POST /api/extract`, `POST /api/articles`)
need `Authorization: Bearer <token>` with the server's `api_token` setting
(environment variable `COMMUNIQUE_API_TOKEN`); with no token set they are refused.
Every error has one shape: `{"ok": false, "status", "code", "error", "errors"}`.
"""


def prepare_store(settings: Settings) -> None:
    """Create the store if needed and bring its schema up to date."""
    # a read-only copy can still be served, as long as it is migrated
    with contextlib.suppress(StoreReadOnlyError):
        Store(settings.db, lock_timeout=settings.lock_timeout).close()


def create_app(
    settings: Settings | None = None, *, extractor: ExtractorLike | None = None
) -> FastAPI:
    """The ASGI app serving the store named by ``settings.db``.

    ``extractor`` replaces the spaCy pipeline (tests pass a stub); by default
    the model is loaded on the first extraction.
    """
    settings = settings or load_settings()
    prepare_store(settings)
    state = ServerState(
        settings=settings,
        readers=Readers(settings.db, settings.lock_timeout),
        worker=Worker(settings, extractor),
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        title="communique",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # FastAPI's docs pages load scripts from a CDN; /docs is ours
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.communique = state
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_bytes)
    app.add_middleware(SecurityHeaders)
    app.include_router(api)
    app.include_router(pages)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
