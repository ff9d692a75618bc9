"""The web pages: server-rendered HTML over the query layer, a little JavaScript on top."""

from __future__ import annotations

from fastapi import APIRouter

from communique.interfaces.server.pages import articles, events, palette, people, visuals

MODULES = (articles, events, visuals, people, palette)
"""Each module's ``router`` holds its pages (the tests walk them: pages are not in the OpenAPI)."""

pages = APIRouter(include_in_schema=False)
for module in MODULES:
    pages.include_router(module.router)

__all__ = ["MODULES", "pages"]
