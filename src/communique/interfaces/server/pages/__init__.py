"""The web pages: server-rendered HTML over the query layer, a little JavaScript on top."""

from __future__ import annotations

from fastapi import APIRouter

from communique.interfaces.server.pages import articles, events, palette, people, visuals

pages = APIRouter(include_in_schema=False)
for module in (articles, events, visuals, people, palette):
    pages.include_router(module.router)

__all__ = ["pages"]
